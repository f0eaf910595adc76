// The migration authority's tables, one file per module under schema/, all in the `migration`
// PostgreSQL schema (schema/shared.ts). This file is what the services import (`db/index.ts`) and
// what drizzle-kit reads (drizzle.config.ts): a table in a file not re-exported here is in neither.
export * from './schema/shared.ts';
export * from './schema/nomads.ts';
export * from './schema/applications.ts';
export * from './schema/rules.ts';
export * from './schema/pilot.ts';
export * from './schema/status.ts';
export * from './schema/dependants.ts';
export * from './schema/platform.ts';
