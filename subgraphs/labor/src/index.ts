export { startLaborSubgraph, type LaborSubgraphOptions } from './subgraph.ts';
export { typeDefs, SUBGRAPH_NAME } from './sdl.ts';
export { schema, type LaborDb, type LaborSchema } from './db/index.ts';
export { seedLabor, SEED_EXPERTS } from './seed/seed.ts';
export { fixedClock, systemClock, type Clock } from './clock.ts';
export type { App } from './app.ts';
export { laborEventHandlers } from './handlers.ts';
export { EVALUATION_TRANSITIONS } from './modules/evaluations/service.ts';
export { EXPERT_TRANSITIONS } from './modules/experts/service.ts';
