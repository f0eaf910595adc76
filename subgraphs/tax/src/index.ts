export { startTaxSubgraph, type TaxSubgraphOptions } from './subgraph.ts';
export { typeDefs, SUBGRAPH_NAME } from './sdl.ts';
export { schema, type TaxDb, type TaxSchema } from './db/index.ts';
export { seedTax } from './seed/seed.ts';
export { systemClock, type Clock } from './clock.ts';
export type { App } from './app.ts';
export { startCampaignRunner, type CampaignRunner } from './modules/campaign/runner.ts';
export { runCampaign, startOrResumeCampaign, getProgress, type CampaignProgress } from './modules/campaign/service.ts';
export { registrationEventHandlers } from './modules/registrations/handlers.ts';
