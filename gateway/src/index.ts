export { createGateway, type Gateway, type GatewayOptions } from './server.ts';
export type { GatewayContext } from './datasource.ts';
export { DEFAULT_LIMITS, operationCost, type Limits } from './limits.ts';
export type { Readiness } from './readiness.ts';
export { subgraphNamesOf, SupergraphError } from './supergraph.ts';
export { FIRST_QUERY } from './graphiql.ts';
export { maskError, MASKED_MESSAGE } from './errors.ts';
export {
  DEFAULT_SUBGRAPH_URLS,
  DEFAULT_SUPERGRAPH_PATH,
  GATEWAY_ENV_KEYS,
  loadGatewayEnv,
  loadSubgraphEnv,
  type GatewayEnv,
  type SubgraphEnv,
} from './env.ts';
