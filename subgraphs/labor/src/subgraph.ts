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
import type { LaborSchema } from './db/index.ts';
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
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';

export interface LaborSubgraphOptions extends AgencySubgraphOptions<LaborSchema> {
  app: App;
}

/** Starts the labor subgraph over an open, migrated database. */
export function startLaborSubgraph(options: LaborSubgraphOptions): Promise<SubgraphServer> {
  const { app } = options;
  return startAgencySubgraph(
    {
      name: SUBGRAPH_NAME,
      typeDefs,
      resolvers: mergeResolvers<Context>(
        sharedResolvers,
        accessLogResolvers<Context>({ agency: SUBGRAPH_NAME, tables: accessTables }),
        nomadResolvers(app),
        expertResolvers(app),
        monitoringResolvers(app),
        reportResolvers(app),
        evaluationResolvers(app),
        aggregateResolvers(app),
        statisticsResolvers(),
        eventOperationsResolvers<Context>({ agency: SUBGRAPH_NAME, tables: eventTables }),
      ),
      createLoaders,
      personalFields: PERSONAL_FIELDS,
      idempotency: { idempotencyKeys },
      events: { tables: eventTables, handlers: laborEventHandlers(app) },
    },
    options,
  );
}
