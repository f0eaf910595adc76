export { compose, SUPERGRAPH_PATH, type ComposeResult } from './compose.ts';
export { SUBGRAPHS, type SubgraphDefinition } from './subgraphs.ts';
