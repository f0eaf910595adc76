import { sql } from 'drizzle-orm';
import { parse } from 'graphql';
import type { Registry } from 'prom-client';
import type { Principal } from '../../auth.ts';
import type { Database } from '../../db/database.ts';
import { mergeResolvers } from '../../graphql/resolvers.ts';
import { sharedResolvers, sharedTypeDefs } from '../../graphql/shared.ts';
import { startSubgraphServer, type RouteHandler, type SubgraphServer } from '../../http/server.ts';
import type { Logger } from '../../logger.ts';
import { eventOperationsResolvers, eventOperationsTypeDefs } from '../operations/index.ts';
import { fixtureTables, type FixtureSchema } from './fixture.ts';

export interface FixtureServerOptions {
  agency: string;
  database: Database<FixtureSchema>;
  verifyToken: (token: string) => Promise<Principal>;
  gatewaySecret: string;
  logger: Logger;
  host?: string;
  /** @default 0 (a free port) */
  port?: number;
  registry?: Registry;
  routes?: Record<string, RouteHandler>;
}

/** The fixture agency's subgraph: the shared types and the kit's event operations, nothing else. */
export function startFixtureServer(options: FixtureServerOptions): Promise<SubgraphServer> {
  const { agency, database } = options;
  return startSubgraphServer({
    name: agency,
    modules: [
      {
        typeDefs: parse(`${sharedTypeDefs}\n${eventOperationsTypeDefs(agency)}`),
        resolvers: mergeResolvers(sharedResolvers, eventOperationsResolvers({ agency, tables: fixtureTables })),
      },
    ],
    db: database.db,
    createLoaders: () => ({}),
    verifyToken: options.verifyToken,
    gatewaySecret: options.gatewaySecret,
    logger: options.logger,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    ...(options.registry ? { registry: options.registry } : {}),
    ...(options.routes ? { routes: options.routes } : {}),
    ready: async () => {
      await database.db.execute(sql`select 1`);
      return true;
    },
  });
}
