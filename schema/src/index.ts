export { API_SCHEMA_PATH, compose, COST_WEIGHTS_PATH, PERSONAL_FIELDS_PATH, SUPERGRAPH_PATH, type ComposeResult, type PersonalFieldsFile } from './compose.ts';
export { checkSchema, coordinatesOf, formatCheck, type KnownOperation, type SchemaChange, type SchemaCheck } from './check.ts';
export { SUBGRAPHS, type SubgraphDefinition } from './subgraphs.ts';
