export { startMigrationSubgraph, type MigrationSubgraphOptions } from './subgraph.ts';
export { typeDefs, SUBGRAPH_NAME } from './sdl.ts';
export { schema, type MigrationDb, type MigrationSchema } from './db/index.ts';
export { seedMigration } from './seed/seed.ts';
export { fixedClock, systemClock, type Clock } from './clock.ts';
export type { App } from './app.ts';
export { embeddedZhaak, ZhaakError, type Zhaak, type PinRequest } from './zhaak.ts';
export { runMaintenance } from './maintenance.ts';
export { TRANSITIONS, type Action } from './modules/review/service.ts';
