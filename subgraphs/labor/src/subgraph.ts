import { defineAgency, type DefinedAgencySubgraphOptions, type SubgraphServer } from '@nomad/kit';
import type { App } from './app.ts';
import { schema, type LaborSchema } from './db/index.ts';
import { accessTables, idempotencyKeys } from './db/schema.ts';
import { eventTables } from './events.ts';
import { laborEventHandlers } from './handlers.ts';
import { createLoaders } from './loaders.ts';
import { aggregateResolvers } from './modules/aggregates/resolvers.ts';
import { evaluationResolvers } from './modules/evaluations/resolvers.ts';
import { expertResolvers } from './modules/experts/resolvers.ts';
import { monitoringResolvers } from './modules/monitoring/resolvers.ts';
import { nomadResolvers } from './modules/nomads/resolvers.ts';
import { reportResolvers } from './modules/reports/resolvers.ts';
import { statisticsResolvers } from './modules/statistics/resolvers.ts';
import { PERSONAL_FIELDS } from './personal-fields.ts';
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';
import { seedLabor } from './seed/seed.ts';

/** The Ministry of Labor: what is its own; the kit adds the rest (`defineAgency`). */
export const laborAgency = defineAgency({
  name: SUBGRAPH_NAME,
  defaultPort: 4002,
  schema,
  moduleUrl: import.meta.url,
  typeDefs,
  resolvers: (app: App) => [
    nomadResolvers(app),
    expertResolvers(app),
    monitoringResolvers(app),
    reportResolvers(app),
    evaluationResolvers(app),
    aggregateResolvers(app),
    statisticsResolvers(),
  ],
  createLoaders,
  personalFields: PERSONAL_FIELDS,
  tables: { access: accessTables, idempotency: { idempotencyKeys }, events: eventTables },
  handlers: (clock) => laborEventHandlers({ clock }),
  seed: seedLabor,
  runtime: ({ clock }) => ({ app: { clock } }),
});

export type LaborSubgraphOptions = DefinedAgencySubgraphOptions<LaborSchema, App>;

/** Starts the labor subgraph over an open, migrated database. */
export const startLaborSubgraph: (options: LaborSubgraphOptions) => Promise<SubgraphServer> = laborAgency.startSubgraph;
