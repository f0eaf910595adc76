export { createGateway, type Gateway, type GatewayOptions } from './server.ts';
export type { GatewayContext } from './subgraphs/datasource.ts';
export { budgetOf, operationCost } from './cost.ts';
export { CostWeightsError, loadCostWeights } from './cost-weights.ts';
export { DEFAULT_LIMITS, type Limits } from './plugins/useLimits.ts';
export type { Readiness } from './subgraphs/readiness.ts';
export { subgraphNamesOf, SupergraphError } from './supergraph.ts';
export { FIRST_QUERY } from './plugins/useGraphiQL.ts';
export { maskError, MASKED_MESSAGE } from './plugins/useErrorMasking.ts';
export { PSEUDONYM_PATTERN, Pseudonymizer, seesPseudonyms } from './plugins/usePseudonyms.ts';
export { AD_HOC_ROLES, readTrustedDocuments, TrustedDocumentsError, type TrustedDocumentsOptions } from './plugins/useTrustedDocuments.ts';
export {
  DEFAULT_COST_WEIGHTS_PATH,
  DEFAULT_SUPERGRAPH_PATH,
  DEFAULT_TRUSTED_DOCUMENTS_PATH,
  GATEWAY_ENV_KEYS,
  loadGatewayEnv,
  trustedDocumentsOf,
  type GatewayEnv,
} from './env.ts';
export { DEFAULT_SUBGRAPH_URLS, loadSubgraphEnv, type SubgraphEnv } from './subgraph-env.ts';
