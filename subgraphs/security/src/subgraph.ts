import { PERSONAL_FIELDS } from './personal-fields.ts';
import { accessLogResolvers, eventOperationsResolvers, mergeResolvers, sharedResolvers, startAgencySubgraph, type AgencySubgraphOptions, type SubgraphServer } from '@nomad/kit';
import type { App } from './app.ts';
import type { Context } from './context.ts';
import { accessTables, idempotencyKeys } from './db/schema.ts';
import type { SecuritySchema } from './db/index.ts';
import { eventTables } from './events.ts';
import { securityEventHandlers } from './handlers.ts';
import { createLoaders } from './loaders.ts';
import { departureResolvers } from './modules/departures/resolvers.ts';
import { ledgerResolvers } from './modules/ledger/resolvers.ts';
import { measureResolvers } from './modules/measures/resolvers.ts';
import { screeningResolvers } from './modules/screenings/resolvers.ts';
import { statisticsResolvers } from './modules/statistics/resolvers.ts';
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';

export interface SecuritySubgraphOptions extends AgencySubgraphOptions<SecuritySchema> {
  app: App;
}

/** Starts the security subgraph over an open, migrated database. */
export function startSecuritySubgraph(options: SecuritySubgraphOptions): Promise<SubgraphServer> {
  const { app } = options;
  return startAgencySubgraph(
    {
      name: SUBGRAPH_NAME,
      typeDefs,
      resolvers: mergeResolvers<Context>(sharedResolvers, accessLogResolvers<Context>({ agency: SUBGRAPH_NAME, tables: accessTables }), screeningResolvers(app), departureResolvers(app), measureResolvers(app), ledgerResolvers(), statisticsResolvers(), eventOperationsResolvers<Context>({ agency: SUBGRAPH_NAME, tables: eventTables })),
      createLoaders,
      personalFields: PERSONAL_FIELDS,
      idempotency: { idempotencyKeys },
      events: { tables: eventTables, handlers: securityEventHandlers },
    },
    options,
  );
}
