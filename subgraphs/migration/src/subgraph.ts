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
import type { MigrationSchema } from './db/index.ts';
import { createLoaders } from './loaders.ts';
import { applicationResolvers } from './modules/applications/resolvers.ts';
import { reviewResolvers } from './modules/review/resolvers.ts';
import { statusResolvers } from './modules/status/resolvers.ts';
import { nomadResolvers } from './modules/nomads/resolvers.ts';
import { rulesResolvers } from './modules/rules/resolvers.ts';
import { statisticsResolvers } from './modules/statistics/resolvers.ts';
import { holidayReadinessWarnings } from './modules/rules/service.ts';
import { dependantResolvers } from './modules/dependants/resolvers.ts';
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';
import { eventTables } from './events.ts';
import { reviewEventHandlers } from './modules/review/handlers.ts';

export interface MigrationSubgraphOptions extends AgencySubgraphOptions<MigrationSchema> {
  app: App;
}

/** Starts the migration subgraph over an open, migrated database. */
export function startMigrationSubgraph(options: MigrationSubgraphOptions): Promise<SubgraphServer> {
  const { app } = options;
  return startAgencySubgraph(
    {
      name: SUBGRAPH_NAME,
      typeDefs,
      resolvers: mergeResolvers<Context>(
        sharedResolvers,
        accessLogResolvers<Context>({ agency: SUBGRAPH_NAME, tables: accessTables }),
        nomadResolvers(app),
        applicationResolvers(app),
        reviewResolvers(app),
        statusResolvers(app),
        rulesResolvers(),
        statisticsResolvers(app),
        dependantResolvers(app),
        eventOperationsResolvers<Context>({ agency: SUBGRAPH_NAME, tables: eventTables }),
      ),
      createLoaders,
      personalFields: PERSONAL_FIELDS,
      idempotency: { idempotencyKeys },
      events: { tables: eventTables, handlers: reviewEventHandlers },
      readinessWarnings: (db) => holidayReadinessWarnings(db, app.clock),
    },
    options,
  );
}
