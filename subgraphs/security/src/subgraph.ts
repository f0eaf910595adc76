import {
  DEV_SERVICE_SECRET,
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
import type { SecuritySchema } from './db/index.ts';
import { eventTables } from './events.ts';
import { securityEventHandlers } from './handlers.ts';
import { createLoaders } from './loaders.ts';
import { departureResolvers } from './modules/departures/resolvers.ts';
import { measureResolvers } from './modules/measures/resolvers.ts';
import { screeningResolvers } from './modules/screenings/resolvers.ts';
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';

export interface SecuritySubgraphOptions {
  database: Database<SecuritySchema>;
  app: App;
  verifyToken: (token: string) => Promise<Principal>;
  gatewaySecret: string;
  logger: Logger;
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** Adds the SQL statement count to responses (tests, development). @default false */
  exposeSqlCount?: boolean;
  /** @default false */
  introspection?: boolean;
  /**
   * `POST /events` and the metrics registry from `runSubgraph`'s deps. Without them (tests)
   * the route is built here with `serviceSecret`.
   */
  routes?: Record<string, RouteHandler>;
  registry?: SubgraphDeps<SecuritySchema>['registry'];
  /** Migration's relay authenticates with it on `POST /events` when `routes` is not given. @default DEV_SERVICE_SECRET */
  serviceSecret?: string;
}

/** Starts the security subgraph over an open, migrated database. */
export function startSecuritySubgraph(options: SecuritySubgraphOptions): Promise<SubgraphServer> {
  const { database, app } = options;
  const routes = options.routes ?? {
    'POST /events': eventsRoute({
      db: database.db,
      tables: eventTables,
      agency: SUBGRAPH_NAME,
      handlers: securityEventHandlers,
      serviceSecret: options.serviceSecret ?? DEV_SERVICE_SECRET,
      logger: options.logger,
    }),
  };
  return startSubgraphServer({
    name: SUBGRAPH_NAME,
    modules: [
      {
        typeDefs,
        resolvers: mergeResolvers<Context>(sharedResolvers, screeningResolvers(app), departureResolvers(app), measureResolvers(app)),
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
