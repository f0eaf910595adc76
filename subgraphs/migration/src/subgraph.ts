import {
  mergeResolvers,
  sharedResolvers,
  startSubgraphServer,
  type Database,
  type Logger,
  type Principal,
  type SubgraphServer,
} from '@nomad/kit';
import { sql } from 'drizzle-orm';
import type { App } from './app.ts';
import type { Context } from './context.ts';
import type { MigrationSchema } from './db/index.ts';
import { createLoaders } from './loaders.ts';
import { accessResolvers } from './modules/access/resolvers.ts';
import { applicationResolvers } from './modules/applications/resolvers.ts';
import { nomadResolvers } from './modules/nomads/resolvers.ts';
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';

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
}

/** Starts the migration subgraph over an open, migrated database. */
export function startMigrationSubgraph(options: MigrationSubgraphOptions): Promise<SubgraphServer> {
  const { database, app } = options;
  return startSubgraphServer({
    name: SUBGRAPH_NAME,
    modules: [
      {
        typeDefs,
        resolvers: mergeResolvers<Context>(sharedResolvers, nomadResolvers(app), applicationResolvers(app), accessResolvers()),
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
    ready: async () => {
      await database.db.execute(sql`select 1`);
      return true;
    },
  });
}
