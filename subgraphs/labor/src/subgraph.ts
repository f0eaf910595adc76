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
  type SubgraphServer,
} from '@nomad/kit';
import { sql } from 'drizzle-orm';
import type { App } from './app.ts';
import type { Context } from './context.ts';
import type { LaborSchema } from './db/index.ts';
import { eventTables } from './events.ts';
import { laborEventHandlers } from './handlers.ts';
import { createLoaders } from './loaders.ts';
import { accessResolvers } from './modules/access/resolvers.ts';
import { aggregateResolvers } from './modules/aggregates/resolvers.ts';
import { evaluationResolvers } from './modules/evaluations/resolvers.ts';
import { expertResolvers } from './modules/experts/resolvers.ts';
import { monitoringResolvers } from './modules/monitoring/resolvers.ts';
import { nomadResolvers } from './modules/nomads/resolvers.ts';
import { reportResolvers } from './modules/reports/resolvers.ts';
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';

export interface LaborSubgraphOptions {
  database: Database<LaborSchema>;
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
   * `runSubgraph`'s `deps.routes` (its `POST /events`, with the inbox metrics). @default a
   * `POST /events` built here with `serviceSecret` (tests)
   */
  routes?: Record<string, RouteHandler>;
  /** `runSubgraph`'s `deps.registry`, so that event metrics are served on `/metrics`. @default a new registry */
  registry?: SubgraphServer['registry'];
  /** Other agencies' relays authenticate with it on `POST /events` when `routes` is not given. @default DEV_SERVICE_SECRET */
  serviceSecret?: string;
}

/** Starts the labor subgraph over an open, migrated database. */
export function startLaborSubgraph(options: LaborSubgraphOptions): Promise<SubgraphServer> {
  const { database, app } = options;
  const routes = options.routes ?? {
    'POST /events': eventsRoute({
      db: database.db,
      tables: eventTables,
      agency: SUBGRAPH_NAME,
      handlers: laborEventHandlers(app),
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
          nomadResolvers(app),
          expertResolvers(app),
          monitoringResolvers(app),
          reportResolvers(app),
          evaluationResolvers(app),
          aggregateResolvers(app),
          accessResolvers(),
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
