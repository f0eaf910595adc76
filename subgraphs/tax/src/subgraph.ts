import {
  DEV_SERVICE_SECRET,
  eventOperationsResolvers,
  eventsRoute,
  mergeResolvers,
  sharedResolvers,
  startSubgraphServer,
  type Database,
  type Logger,
  type Principal,
  type RouteHandler,
  type SubgraphDeps,
  type SubgraphServer,
} from '@nomad/kit';
import { sql } from 'drizzle-orm';
import type { App } from './app.ts';
import type { Context } from './context.ts';
import type { TaxSchema } from './db/index.ts';
import { eventTables } from './events.ts';
import { createLoaders } from './loaders.ts';
import { aggregateResolvers } from './modules/aggregates/resolvers.ts';
import { campaignResolvers } from './modules/campaign/resolvers.ts';
import { declarationResolvers } from './modules/declarations/resolvers.ts';
import { registrationEventHandlers } from './modules/registrations/handlers.ts';
import { registrationResolvers } from './modules/registrations/resolvers.ts';
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';

export interface TaxSubgraphOptions {
  database: Database<TaxSchema>;
  app: App;
  verifyToken: (token: string) => Promise<Principal>;
  gatewaySecret: string;
  logger: Logger;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  exposeSqlCount?: boolean;
  introspection?: boolean;
  /**
   * Routes from `runSubgraph`'s `deps.routes` (its `POST /events`). When absent, the subgraph
   * mounts its own `POST /events` (tests start it without runSubgraph). @default own route
   */
  routes?: Record<string, RouteHandler>;
  /** `runSubgraph`'s `deps.registry`. @default a new registry */
  registry?: SubgraphDeps<TaxSchema>['registry'];
  /** Migration's relay authenticates with it on `POST /events` (own route only). @default DEV_SERVICE_SECRET */
  serviceSecret?: string;
}

/** Starts the tax subgraph over an open, migrated database. */
export function startTaxSubgraph(options: TaxSubgraphOptions): Promise<SubgraphServer> {
  const { database, app } = options;
  const routes = options.routes ?? {
    'POST /events': eventsRoute({
      db: database.db,
      tables: eventTables,
      agency: SUBGRAPH_NAME,
      handlers: registrationEventHandlers(app.clock),
      serviceSecret: options.serviceSecret ?? DEV_SERVICE_SECRET,
      logger: options.logger,
    }),
  };
  return startSubgraphServer({
    name: SUBGRAPH_NAME,
    modules: [
      {
        typeDefs,
        resolvers: mergeResolvers<Context>(
          sharedResolvers,
          registrationResolvers(app),
          campaignResolvers(app),
          declarationResolvers(app),
          aggregateResolvers(app),
          eventOperationsResolvers<Context>({ agency: SUBGRAPH_NAME, tables: eventTables }),
        ),
      },
    ],
    db: database.db,
    createLoaders,
    verifyToken: options.verifyToken,
    gatewaySecret: options.gatewaySecret,
    logger: options.logger,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    exposeSqlCount: options.exposeSqlCount ?? false,
    introspection: options.introspection ?? false,
    routes,
    ...(options.registry ? { registry: options.registry } : {}),
    ready: async () => {
      await database.db.execute(sql`select 1`);
      return true;
    },
  });
}
