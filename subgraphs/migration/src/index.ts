export { startMigrationSubgraph, type MigrationSubgraphOptions } from './subgraph.ts';
export { typeDefs, SUBGRAPH_NAME } from './sdl.ts';
export { schema, type MigrationDb, type MigrationSchema } from './db/index.ts';
export { seedMigration, DEMO_NOMAD_ID } from './seed/seed.ts';
export { fixedClock, systemClock, type Clock } from './clock.ts';
export type { App } from './app.ts';
