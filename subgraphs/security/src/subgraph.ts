import { defineAgency, type DefinedAgencySubgraphOptions, type SubgraphServer } from '@nomad/kit';
import type { App } from './app.ts';
import { schema, type SecuritySchema } from './db/index.ts';
import { accessTables, idempotencyKeys } from './db/schema.ts';
import { eventTables } from './events.ts';
import { securityEventHandlers } from './handlers.ts';
import { createLoaders } from './loaders.ts';
import { departureResolvers } from './modules/departures/resolvers.ts';
import { ledgerResolvers } from './modules/ledger/resolvers.ts';
import { measureResolvers } from './modules/measures/resolvers.ts';
import { screeningResolvers } from './modules/screenings/resolvers.ts';
import { statisticsResolvers } from './modules/statistics/resolvers.ts';
import { PERSONAL_FIELDS } from './personal-fields.ts';
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';
import { seedSecurity } from './seed/seed.ts';

/** GKNB, the security service: what is its own; the kit adds the rest (`defineAgency`). */
export const securityAgency = defineAgency({
  name: SUBGRAPH_NAME,
  defaultPort: 4004,
  schema,
  moduleUrl: import.meta.url,
  typeDefs,
  resolvers: (app: App) => [screeningResolvers(app), departureResolvers(app), measureResolvers(app), ledgerResolvers(), statisticsResolvers()],
  createLoaders,
  personalFields: PERSONAL_FIELDS,
  tables: { access: accessTables, idempotency: { idempotencyKeys }, events: eventTables },
  handlers: () => securityEventHandlers,
  seed: seedSecurity,
  runtime: ({ clock }) => ({ app: { clock } }),
});

export type SecuritySubgraphOptions = DefinedAgencySubgraphOptions<SecuritySchema, App>;

/** Starts the security subgraph over an open, migrated database. */
export const startSecuritySubgraph: (options: SecuritySubgraphOptions) => Promise<SubgraphServer> = securityAgency.startSubgraph;
