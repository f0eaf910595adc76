import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { parse } from 'graphql';
import { pino } from 'pino';
import { signToken, createTokenVerifier } from '../auth.ts';
import type { RequestContext } from '../context.ts';
import { connect, type Database, type Db } from '../db/database.ts';
import { badUserInput, forbidden } from '../errors.ts';
import { Headers, MAX_PURPOSE_LENGTH } from '../headers.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { sendJson, startSubgraphServer, type ReadinessWarning, type SubgraphModule, type SubgraphServer } from './server.ts';

const JWT_SECRET = 'kit-server-test-jwt-secret-0123456789';
const GATEWAY_SECRET = 'kit-server-test-gateway-credential';
const MAX_BODY_BYTES = 4096;
/** Text that must never reach a client: it stands for SQL, table names and internals. */
const SECRET_SQL = 'select password_hash from internal_users where id = 7';

interface Loaders {
  /** Which request built these loaders. */
  serial: number;
}
type Ctx = RequestContext<Loaders, Db<Record<string, unknown>>>;

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Query {
    one: Int!
    leaky: String
    brokenSql: String
    coded: String
    badInput: String
    whoami: Caller!
  }

  type Caller {
    sub: String!
    roles: [String!]!
    purpose: String
    requestId: String!
    idempotencyKey: String
    loaders: Int!
  }
`);

const module: SubgraphModule<Ctx> = {
  typeDefs,
  resolvers: {
    Query: {
      one: async (_parent: unknown, _args: unknown, ctx: Ctx) => {
        const rows = await ctx.db.execute<{ one: number }>(sql`select 1 as one`);
        return rows[0]?.one;
      },
      leaky: () => {
        throw new Error(`relation "internal_users" does not exist: ${SECRET_SQL}`);
      },
      brokenSql: async (_parent: unknown, _args: unknown, ctx: Ctx) => {
        await ctx.db.execute(sql`select * from no_such_table_in_kit_tests`);
        return 'unreachable';
      },
      coded: () => {
        throw forbidden('Only officers may read this.');
      },
      badInput: () => {
        throw badUserInput('`input.passport.number` is not a passport number.', 'input.passport.number');
      },
      whoami: (_parent: unknown, _args: unknown, ctx: Ctx) => ({
        sub: ctx.principal.sub,
        roles: ctx.principal.roles,
        purpose: ctx.purpose,
        requestId: ctx.requestId,
        idempotencyKey: ctx.idempotencyKey,
        loaders: ctx.loaders.serial,
      }),
    },
  },
};

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

interface Reply {
  status: number;
  headers: globalThis.Headers;
  text: string;
  body: GraphQLBody;
}

describe('startSubgraphServer', () => {
  let testDb: TestDatabase;
  let database: Database<Record<string, unknown>>;
  let server: SubgraphServer;
  let base: string;
  let token: string;
  let ready = true;
  let warnings: () => Promise<ReadinessWarning[]> = () => Promise.resolve([]);
  let loaderSerial = 0;
  const logLines: Record<string, unknown>[] = [];
  const events: unknown[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase('kit_http');
    database = connect<Record<string, unknown>>(testDb.url, { agency: 'kit_http', schema: {} });
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    server = await startSubgraphServer<Loaders, Db<Record<string, unknown>>>({
      name: 'kit_test',
      modules: [module],
      db: database.db,
      createLoaders: () => ({ serial: (loaderSerial += 1) }),
      verifyToken: createTokenVerifier({ secret: JWT_SECRET }),
      gatewaySecret: GATEWAY_SECRET,
      logger,
      ready: () => Promise.resolve(ready),
      readinessWarnings: () => warnings(),
      exposeSqlCount: true,
      maxBodyBytes: MAX_BODY_BYTES,
      routes: {
        'POST /events': (_req: IncomingMessage, res: ServerResponse, body: unknown) => {
          events.push(body);
          sendJson(res, 202, { accepted: true });
          return Promise.resolve();
        },
      },
    });
    base = new URL(server.url).origin;
    token = await signToken(JWT_SECRET, { sub: 'officer-1', roles: ['migration_officer'] });
  });

  afterAll(async () => {
    await server.stop();
    await database.close();
    await testDb.drop();
  });

  function authed(extra: Record<string, string> = {}): Record<string, string> {
    return { [Headers.gatewayCredential]: GATEWAY_SECRET, authorization: `Bearer ${token}`, ...extra };
  }

  async function post(body: unknown, headers: Record<string, string>): Promise<Reply> {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as GraphQLBody };
  }

  function query(q: string, headers: Record<string, string> = authed()): Promise<Reply> {
    return post({ query: q }, headers);
  }

  function expectNoInternals(text: string): void {
    expect(text).not.toMatch(/stack|stacktrace/i);
    expect(text).not.toContain('internal_users');
    expect(text).not.toContain('password_hash');
    expect(text).not.toContain('no_such_table');
    expect(text).not.toMatch(/select|Failed query/i);
    expect(text).not.toMatch(/\bat .*\.ts:\d+/);
  }

  describe('authentication', () => {
    it('refuses a request without the gateway credential', async () => {
      const reply = await query('{ one }', { authorization: `Bearer ${token}`, [Headers.requestId]: 'req-refused' });
      expect(reply.status).toBe(401);
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(reply.body.data).toBeUndefined();
      // Refusals carry the request id too, so they can be found in the logs.
      expect(reply.headers.get(Headers.requestId)).toBe('req-refused');
    });

    it('refuses a wrong gateway credential, of any length', async () => {
      for (const credential of ['nope', `${GATEWAY_SECRET.slice(0, -1)}X`, `${GATEWAY_SECRET}-longer`]) {
        const reply = await query('{ one }', authed({ [Headers.gatewayCredential]: credential }));
        expect(reply.status).toBe(401);
        expect(reply.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    });

    it('refuses a request without a bearer token', async () => {
      const reply = await query('{ one }', { [Headers.gatewayCredential]: GATEWAY_SECRET });
      expect(reply.status).toBe(401);
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an invalid, foreign or expired token', async () => {
      const tokens = [
        'Bearer not-a-token',
        `Bearer ${await signToken('some-other-secret-with-enough-length', { roles: ['auditor'] })}`,
        `Bearer ${await signToken(JWT_SECRET, { roles: ['auditor'], expiresIn: '-1m' })}`,
      ];
      for (const authorization of tokens) {
        const reply = await query('{ one }', authed({ authorization }));
        expect(reply.status).toBe(401);
        expect(reply.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(reply.body.data).toBeUndefined();
      }
    });

    it('answers a valid request with data and the number of SQL statements it ran', async () => {
      const reply = await query('{ one }');
      expect(reply.status).toBe(200);
      expect(reply.body.data).toEqual({ one: 1 });
      expect(reply.body.errors).toBeUndefined();
      expect(reply.body.extensions?.sqlStatements).toBe(1);

      const none = await query('{ whoami { sub } }');
      expect(none.body.extensions?.sqlStatements).toBe(0);
      // No cache hints are computed (Apollo's cache-control plugin, which wraps every resolver, is off): the gateway ignores them.
      expect(reply.headers.get('cache-control')).toBeNull();
    });

    it('builds the context from the verified token and headers, with fresh loaders per request', async () => {
      const ask = '{ whoami { sub roles purpose requestId idempotencyKey loaders } }';
      const first = await query(
        ask,
        authed({ [Headers.purpose]: 'Review of application MA-2025-0042', [Headers.requestId]: 'req-ctx-1', [Headers.idempotencyKey]: 'key-1' }),
      );
      const second = await query(ask);
      expect(first.body.data?.whoami).toMatchObject({
        sub: 'officer-1',
        roles: ['migration_officer'],
        purpose: 'Review of application MA-2025-0042',
        requestId: 'req-ctx-1',
        idempotencyKey: 'key-1',
      });
      expect(second.body.data?.whoami).toMatchObject({ purpose: null, idempotencyKey: null });
      const loaders = [first, second].map((r) => (r.body.data?.whoami as { loaders: number }).loaders);
      expect(loaders[0]).not.toBe(loaders[1]);
    });
  });

  describe('errors', () => {
    it('masks a plain Error: no message, no SQL, no stack', async () => {
      logLines.length = 0;
      const reply = await query('{ leaky }', authed({ [Headers.requestId]: 'req-leaky' }));
      expect(reply.status).toBe(200);
      expect(reply.body.data).toEqual({ leaky: null });
      expect(reply.body.errors).toEqual([
        { message: 'Internal server error', path: ['leaky'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
      expectNoInternals(reply.text);
      // Operators still get the message of an error that is not a database or validation error
      // (ours name no values) in the log, under the error's description.
      expect(logLines.some((l) => JSON.stringify(l.err ?? {}).includes(SECRET_SQL))).toBe(true);
    });

    it('masks a failed SQL statement from drizzle', async () => {
      const reply = await query('{ brokenSql }');
      expect(reply.body.errors).toEqual([
        { message: 'Internal server error', path: ['brokenSql'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
      expectNoInternals(reply.text);
    });

    it('keeps a coded GraphQLError’s message and code (and field)', async () => {
      const reply = await query('{ coded badInput }');
      expect(reply.status).toBe(200);
      expect(reply.body.errors).toEqual(
        expect.arrayContaining([
          {
            message: 'Only officers may read this.',
            locations: [{ line: 1, column: 3 }],
            path: ['coded'],
            extensions: { code: 'FORBIDDEN' },
          },
          {
            message: '`input.passport.number` is not a passport number.',
            locations: [{ line: 1, column: 9 }],
            path: ['badInput'],
            extensions: { code: 'BAD_USER_INPUT', field: 'input.passport.number' },
          },
        ]),
      );
      expect(reply.body.errors).toHaveLength(2);
      expectNoInternals(reply.text);
    });

    it('answers a malformed query with 400 and no stack', async () => {
      const reply = await query('{ one ');
      expect(reply.status).toBe(400);
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expectNoInternals(reply.text);
    });

    it('answers a query for an unknown field with 400 and no stack', async () => {
      const reply = await query('{ nothingHere }');
      expect(reply.status).toBe(400);
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expectNoInternals(reply.text);
    });

    it('answers a body that is not JSON with 400', async () => {
      const reply = await post('{"query": ', authed());
      expect(reply.status).toBe(400);
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expectNoInternals(reply.text);
    });

    it('refuses a body over maxBodyBytes with 413, even one far larger than the socket buffers', async () => {
      const justOver = await post({ query: `{ one } # ${'x'.repeat(MAX_BODY_BYTES)}` }, authed());
      expect(justOver.status).toBe(413);
      expect(justOver.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');

      const huge = await post({ query: `{ one } # ${'x'.repeat(2_000_000)}` }, authed());
      expect(huge.status).toBe(413);
      expect(huge.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      // The unread rest of the upload is not left pending on a kept-alive socket (it held up stop()).
      expect(huge.headers.get('connection')).toBe('close');

      // The server is still fine afterwards.
      expect((await query('{ one }')).body.data).toEqual({ one: 1 });
    });

    it('keeps the connection of an answered request alive', async () => {
      const reply = await query('{ one }');
      expect(reply.headers.get('connection')).toBe('keep-alive');
    });

    it('refuses introspection by default', async () => {
      const reply = await query('{ __schema { types { name } } }');
      expect(reply.body.data ?? null).toBeNull();
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses batched requests', async () => {
      const reply = await post([{ query: '{ one }' }, { query: '{ one }' }], authed());
      expect(reply.status).toBe(400);
      expect(reply.body.data).toBeUndefined();
    });
  });

  describe('headers', () => {
    it('echoes a valid x-request-id and replaces an invalid one', async () => {
      const echoed = await query('{ one }', authed({ [Headers.requestId]: 'gw-1234.abc:5' }));
      expect(echoed.headers.get(Headers.requestId)).toBe('gw-1234.abc:5');

      const replaced = await query('{ whoami { requestId } }', authed({ [Headers.requestId]: 'not ok; drop table' }));
      const id = replaced.headers.get(Headers.requestId);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect((replaced.body.data?.whoami as { requestId: string }).requestId).toBe(id);
    });

    it('accepts an X-Purpose of the maximum length and refuses a longer one with 400', async () => {
      const atLimit = await query('{ one }', authed({ [Headers.purpose]: 'p'.repeat(MAX_PURPOSE_LENGTH) }));
      expect(atLimit.status).toBe(200);

      const tooLong = await query('{ one }', authed({ [Headers.purpose]: 'p'.repeat(MAX_PURPOSE_LENGTH + 1) }));
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(tooLong.body.data).toBeUndefined();
    });

    it('refuses a malformed Idempotency-Key with 400', async () => {
      const reply = await query('{ one }', authed({ [Headers.idempotencyKey]: 'has spaces in it' }));
      expect(reply.status).toBe(400);
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('operations endpoints', () => {
    it('answers /health', async () => {
      const res = await fetch(`${base}/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    });

    it('answers /ready with 200, or 503 when not ready', async () => {
      ready = true;
      const ok = await fetch(`${base}/ready`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ status: 'ready' });

      ready = false;
      try {
        const notReady = await fetch(`${base}/ready`);
        expect(notReady.status).toBe(503);
        expect(await notReady.json()).toEqual({ status: 'not ready' });
      } finally {
        ready = true;
      }
    });

    it('lists readiness warnings in a 200 answer, and a failing check as a warning of its own', async () => {
      const missing = { code: 'HOLIDAYS_YEAR_MISSING', message: 'Public holidays are not loaded for 2028.', years: [2028] };
      try {
        warnings = () => Promise.resolve([missing]);
        const warned = await fetch(`${base}/ready`);
        expect(warned.status).toBe(200);
        expect(await warned.json()).toEqual({ status: 'ready', warnings: [missing] });
        warnings = () => Promise.reject(new Error('check failed'));
        const failed = await fetch(`${base}/ready`);
        expect(failed.status).toBe(200);
        expect(await failed.json()).toEqual({ status: 'ready', warnings: [expect.objectContaining({ code: 'READINESS_CHECK_FAILED' })] });
        // Not ready: the database decides, warnings are not asked.
        ready = false;
        expect((await fetch(`${base}/ready`)).status).toBe(503);
      } finally {
        ready = true;
        warnings = () => Promise.resolve([]);
      }
      expect(await (await fetch(`${base}/ready`)).json()).toEqual({ status: 'ready' });
    });

    it('exposes Prometheus metrics, counting the SQL statements of GraphQL operations', async () => {
      const sqlTotal = async (): Promise<number> => {
        const res = await fetch(`${base}/metrics`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/plain');
        const text = await res.text();
        const line = text.split('\n').find((l) => l.startsWith('nomad_sql_statements_total{'));
        expect(line).toContain('subgraph="kit_test"');
        return Number(line?.split(' ').pop());
      };
      const before = await sqlTotal();
      await query('{ one }');
      await query('{ one }');
      expect(await sqlTotal()).toBe(before + 2);
    });

    it('serves extra routes with their parsed body', async () => {
      const res = await fetch(`${base}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'evt-1' }),
      });
      expect(res.status).toBe(202);
      expect(events).toEqual([{ id: 'evt-1' }]);
    });

    it('answers an unknown route with 404', async () => {
      const res = await fetch(`${base}/nope`);
      expect(res.status).toBe(404);
      const body = (await res.json()) as GraphQLBody;
      expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });
});
