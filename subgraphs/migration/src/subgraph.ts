import { defineAgency, type DefinedAgencySubgraphOptions, type SubgraphServer } from '@nomad/kit';
import type { App } from './app.ts';
import { schema, type MigrationSchema } from './db/index.ts';
import { accessTables, idempotencyKeys } from './db/schema.ts';
import { eventTables } from './events.ts';
import { createLoaders } from './loaders.ts';
import { startMaintenance } from './maintenance.ts';
import { applicationResolvers } from './modules/applications/resolvers.ts';
import { dependantResolvers } from './modules/dependants/resolvers.ts';
import { nomadResolvers } from './modules/nomads/resolvers.ts';
import { reviewEventHandlers } from './modules/review/handlers.ts';
import { reviewResolvers } from './modules/review/resolvers.ts';
import { rulesResolvers } from './modules/rules/resolvers.ts';
import { holidayReadinessWarnings } from './modules/rules/service.ts';
import { statisticsResolvers } from './modules/statistics/resolvers.ts';
import { statusResolvers } from './modules/status/resolvers.ts';
import { PERSONAL_FIELDS } from './personal-fields.ts';
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';
import { seedMigration } from './seed/seed.ts';
import { embeddedZhaak } from './zhaak.ts';

/** The State Migration Service: what is its own; the kit adds the rest (`defineAgency`). */
export const migrationAgency = defineAgency({
  name: SUBGRAPH_NAME,
  defaultPort: 4001,
  schema,
  moduleUrl: import.meta.url,
  typeDefs,
  resolvers: (app: App) => [
    nomadResolvers(app),
    applicationResolvers(app),
    reviewResolvers(app),
    statusResolvers(app),
    rulesResolvers(),
    statisticsResolvers(app),
    dependantResolvers(app),
  ],
  createLoaders,
  personalFields: PERSONAL_FIELDS,
  tables: { access: accessTables, idempotency: { idempotencyKeys }, events: eventTables },
  handlers: () => reviewEventHandlers,
  readinessWarnings: (db, app) => holidayReadinessWarnings(db, app.clock),
  seed: seedMigration,
  runtime: ({ db, logger, clock }) => {
    const app: App = { clock, zhaak: embeddedZhaak(db) };
    return { app, jobs: [startMaintenance(db, app, logger)] };
  },
});

export type MigrationSubgraphOptions = DefinedAgencySubgraphOptions<MigrationSchema, App>;

/** Starts the migration subgraph over an open, migrated database. */
export const startMigrationSubgraph: (options: MigrationSubgraphOptions) => Promise<SubgraphServer> = migrationAgency.startSubgraph;
