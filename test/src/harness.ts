import { readFile } from 'node:fs/promises';
import { pino } from 'pino';
import {
  connect,
  createTokenVerifier,
  DEV_GATEWAY_SECRET,
  DEV_JWT_SECRET,
  runMigrations,
  signToken,
  type Database,
  type Role,
  type SubgraphServer,
} from '@nomad/kit';
import { createTestDatabase, type TestDatabase } from '@nomad/kit/testing';
import { createGateway, type Gateway } from '@nomad/gateway';
import { fixedClock, schema as migrationSchema, startMigrationSubgraph, type MigrationSchema } from '@nomad/migration';
import { SUPERGRAPH_PATH } from '@nomad/schema';
import { fileURLToPath } from 'node:url';

export const MIGRATION_MIGRATIONS = fileURLToPath(new URL('../../subgraphs/migration/drizzle', import.meta.url));

export interface GraphResponse<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  };
  text: string;
  headers: Headers;
}

export interface TestGraph {
  gateway: Gateway;
  migration: { server: SubgraphServer; database: Database<MigrationSchema> };
  clock: ReturnType<typeof fixedClock>;
  /** POSTs an operation to the gateway. */
  request<T = Record<string, unknown>>(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphResponse<T>>;
  /** Runs `fn` and returns how many SQL statements each subgraph ran meanwhile. */
  countSql(fn: () => Promise<unknown>): Promise<{ migration: number }>;
  stop(): Promise<void>;
}

export const silentLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** A development token as the gateway and subgraphs accept it in tests. */
export function token(roles: Role[], claims: { nomadId?: string; name?: string; expiresIn?: string } = {}): Promise<string> {
  return signToken(DEV_JWT_SECRET, { roles, ...claims });
}

/**
 * Starts the real graph in-process: a fresh database per subgraph on the test server,
 * migrated; each subgraph on a free port; the gateway over the committed supergraph.
 */
export async function startGraph(options: { today?: string } = {}): Promise<TestGraph> {
  const clock = fixedClock(`${options.today ?? '2026-11-24'}T06:00:00Z`);
  const testDbs: TestDatabase[] = [];
  const migrationDb = await createTestDatabase('e2e_migration');
  testDbs.push(migrationDb);
  const database = connect(migrationDb.url, { agency: 'migration', schema: migrationSchema });
  await runMigrations(database, { agency: 'migration', migrationsFolder: MIGRATION_MIGRATIONS });
  const verifyToken = createTokenVerifier({ secret: DEV_JWT_SECRET });
  const server = await startMigrationSubgraph({
    database,
    app: { clock },
    verifyToken,
    gatewaySecret: DEV_GATEWAY_SECRET,
    logger: silentLogger,
    exposeSqlCount: true,
  });
  const gateway = await createGateway({
    supergraphSdl: await readFile(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { migration: server.url },
    logger: silentLogger,
    port: 0,
  });
  return {
    gateway,
    migration: { server, database },
    clock,
    async request(tok, query, variables, headers) {
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(tok ? { authorization: `Bearer ${tok}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: GraphResponse['body'];
      try {
        body = JSON.parse(text) as GraphResponse['body'];
      } catch {
        body = {};
      }
      return { status: res.status, body: body as GraphResponse<never>['body'], text, headers: res.headers };
    },
    async countSql(fn) {
      const before = database.statementCount();
      await fn();
      return { migration: database.statementCount() - before };
    },
    async stop() {
      await gateway.stop();
      await server.stop();
      await database.close();
      for (const d of testDbs) await d.drop();
    },
  };
}
