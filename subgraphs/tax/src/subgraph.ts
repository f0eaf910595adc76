import { PERSONAL_FIELDS } from './personal-fields.ts';
import {
  accessLogResolvers,
  eventOperationsResolvers,
  mergeResolvers,
  sharedResolvers,
  startAgencySubgraph,
  type AgencySubgraphOptions,
  type SubgraphServer,
} from '@nomad/kit';
import type { App } from './app.ts';
import type { Context } from './context.ts';
import { accessTables, idempotencyKeys } from './db/schema.ts';
import type { TaxSchema } from './db/index.ts';
import { eventTables } from './events.ts';
import { createLoaders } from './loaders.ts';
import { aggregateResolvers } from './modules/aggregates/resolvers.ts';
import { campaignResolvers } from './modules/campaign/resolvers.ts';
import { declarationResolvers } from './modules/declarations/resolvers.ts';
import { registrationEventHandlers } from './modules/registrations/handlers.ts';
import { registrationResolvers } from './modules/registrations/resolvers.ts';
import { statisticsResolvers } from './modules/statistics/resolvers.ts';
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';

export interface TaxSubgraphOptions extends AgencySubgraphOptions<TaxSchema> {
  app: App;
}

/** Starts the tax subgraph over an open, migrated database. */
export function startTaxSubgraph(options: TaxSubgraphOptions): Promise<SubgraphServer> {
  const { app } = options;
  return startAgencySubgraph(
    {
      name: SUBGRAPH_NAME,
      typeDefs,
      resolvers: mergeResolvers<Context>(
        sharedResolvers,
        accessLogResolvers<Context>({ agency: SUBGRAPH_NAME, tables: accessTables }),
        registrationResolvers(app),
        campaignResolvers(app),
        declarationResolvers(app),
        aggregateResolvers(app),
        statisticsResolvers(),
        eventOperationsResolvers<Context>({ agency: SUBGRAPH_NAME, tables: eventTables }),
      ),
      createLoaders,
      personalFields: PERSONAL_FIELDS,
      idempotency: { idempotencyKeys },
      events: { tables: eventTables, handlers: registrationEventHandlers(app.clock) },
    },
    options,
  );
}
