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
import type { Registry } from 'prom-client';
import type { App } from './app.ts';
import type { Context } from './context.ts';
import type { MigrationSchema } from './db/index.ts';
import { createLoaders } from './loaders.ts';
import { accessResolvers } from './modules/access/resolvers.ts';
import { applicationResolvers } from './modules/applications/resolvers.ts';
import { reviewResolvers } from './modules/review/resolvers.ts';
import { statusResolvers } from './modules/status/resolvers.ts';
import { nomadResolvers } from './modules/nomads/resolvers.ts';
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';
import { eventTables } from './events.ts';
import { reviewEventHandlers } from './modules/review/handlers.ts';

export interface MigrationSubgraphOptions {
  database: Database<MigrationSchema>;
  app: App;
  verifyToken: (token: string) => Promise<Principal>;
  gatewaySecret: string;
  logger: Logger;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  exposeSqlCount?: boolean;
  introspection?: boolean;
  /** Other agencies' relays authenticate with it on `POST /events`. @default DEV_SERVICE_SECRET */
  serviceSecret?: string;
  /**
   * Extra routes: `runSubgraph`'s `deps.routes` (its `POST /events`, inbox metrics included).
   * @default a `POST /events` built here, for in-process use (tests)
   */
  routes?: Record<string, RouteHandler>;
  /** `runSubgraph`'s `deps.registry`, so event metrics are served on `/metrics`. @default a new registry */
  registry?: Registry;
}

/** Starts the migration subgraph over an open, migrated database. */
export function startMigrationSubgraph(options: MigrationSubgraphOptions): Promise<SubgraphServer> {
  const { database, app } = options;
  return startSubgraphServer({
    name: SUBGRAPH_NAME,
    modules: [
      {
        typeDefs,
        resolvers: mergeResolvers<Context>(
          sharedResolvers,
          nomadResolvers(app),
          applicationResolvers(app),
          reviewResolvers(app),
          statusResolvers(app),
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
    routes: options.routes ?? {
      'POST /events': eventsRoute({
        db: database.db,
        tables: eventTables,
        agency: SUBGRAPH_NAME,
        handlers: reviewEventHandlers,
        serviceSecret: options.serviceSecret ?? DEV_SERVICE_SECRET,
        logger: options.logger,
      }),
    },
    ...(options.registry ? { registry: options.registry } : {}),
    ready: async () => {
      await database.db.execute(sql`select 1`);
      return true;
    },
  });
}
