import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { sql } from 'drizzle-orm';
import { subgraphEnvSchema } from '../subgraph-env.ts';
import { parseEnv } from '../env.ts';
import { isPgError } from '../errors.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { analyticsRead, DEFAULT_ANALYST_STATEMENT_TIMEOUT_MS, openAnalyticsDatabase } from './analytics.ts';
import { connect, type Database } from './database.ts';

describe('analysts’ database settings', () => {
  it('default to the agency’s own database with a 10 s statement timeout', () => {
    const env = parseEnv(subgraphEnvSchema('tax', 4003), {});
    expect(env.analytics).toEqual({ url: undefined, statementTimeoutMs: DEFAULT_ANALYST_STATEMENT_TIMEOUT_MS });
    expect(DEFAULT_ANALYST_STATEMENT_TIMEOUT_MS).toBe(10_000);
  });

  it('read the agency variable first, then the shared timeout', () => {
    const shared = parseEnv(subgraphEnvSchema('tax', 4003), { ANALYST_STATEMENT_TIMEOUT_MS: '20000', LABOR_ANALYST_STATEMENT_TIMEOUT_MS: '7' });
    expect(shared.analytics.statementTimeoutMs).toBe(20_000);
    const own = parseEnv(subgraphEnvSchema('labor', 4002), {
      ANALYST_STATEMENT_TIMEOUT_MS: '20000',
      LABOR_ANALYST_STATEMENT_TIMEOUT_MS: '7',
      LABOR_ANALYTICS_DATABASE_URL: 'postgres://replica.internal/nomad',
      TAX_ANALYTICS_DATABASE_URL: 'postgres://other.internal/nomad',
    });
    expect(own.analytics).toEqual({ url: 'postgres://replica.internal/nomad', statementTimeoutMs: 7 });
  });

  it('refuse a replica URL that is not postgres://', () => {
    expect(() => parseEnv(subgraphEnvSchema('migration', 4001), { MIGRATION_ANALYTICS_DATABASE_URL: 'http://replica' })).toThrow(/MIGRATION_ANALYTICS_DATABASE_URL/);
  });
});

const NO_TABLES: Record<string, never> = {};

describe('openAnalyticsDatabase', () => {
  let primaryDb: TestDatabase;
  let replicaDb: TestDatabase;
  let primary: Database;
  const opened: Database[] = [];
  const open = (options: { url?: string; statementTimeoutMs: number }) => {
    const d = openAnalyticsDatabase(primary, { agency: 'kit', schema: NO_TABLES, ...options });
    opened.push(d);
    return d;
  };
  const databaseOf = async (d: Database) => (await d.db.execute<{ name: string }>(sql`select current_database() as name`))[0]?.name;

  beforeAll(async () => {
    primaryDb = await createTestDatabase('kit_analytics_primary');
    replicaDb = await createTestDatabase('kit_analytics_replica');
    primary = connect(primaryDb.url, { agency: 'kit', schema: {} });
  });
  afterAll(async () => {
    for (const d of opened) await d.close();
    await primary.close();
    await primaryDb.drop();
    await replicaDb.drop();
  });

  it('reads the replica when its URL is given, the agency’s own database otherwise', async () => {
    const replica = open({ url: replicaDb.url, statementTimeoutMs: 1_000 });
    const own = open({ statementTimeoutMs: 1_000 });
    expect(await databaseOf(replica)).toBe(replicaDb.name);
    expect(await databaseOf(own)).toBe(primaryDb.name);
    expect(await databaseOf(primary)).toBe(primaryDb.name);
  });

  it('has its own statement timeout, no JIT, read-only, while the agency’s pool keeps its own', async () => {
    const analytics = open({ statementTimeoutMs: 1_234 });
    const setting = async (d: Database, name: string) => (await d.db.execute<{ v: string }>(sql`select current_setting(${name}) as v`))[0]?.v;
    expect(await setting(analytics, 'statement_timeout')).toBe('1234ms');
    expect(await setting(analytics, 'default_transaction_read_only')).toBe('on');
    expect(await setting(analytics, 'application_name')).toBe('nomad-kit-analytics');
    expect(await setting(analytics, 'jit')).toBe('off');
    expect(await setting(primary, 'statement_timeout')).toBe('5s');
    expect(await setting(primary, 'default_transaction_read_only')).toBe('off');
    // A write through the analysts' pool fails (25006 read_only_sql_transaction), on the agency's database too.
    const write = await analytics.db.execute(sql`create table t (x int)`).catch((err: unknown) => err);
    expect(isPgError(write, '25006')).toBe(true);
  });

  it('answers ANALYTICS_TIMEOUT for a statement past the analysts’ timeout, and both pools keep serving', async () => {
    // Not a few milliseconds: postgres.js's own first statement on a new connection (its array
    // types) runs under the same timeout, and on a loaded CI machine it can take tens of them.
    const analytics = open({ statementTimeoutMs: 500 });
    const ctx = { db: primary.db, analytics: analytics.db };
    const slow = await analyticsRead(ctx, (db) => db.execute(sql`select pg_sleep(2)`)).catch((err: unknown) => err);
    expect(slow).toBeInstanceOf(GraphQLError);
    expect((slow as GraphQLError).extensions.code).toBe('ANALYTICS_TIMEOUT');
    // The agency's pool is not cut at 500 ms (its timeout is 5 s).
    await expect(primary.db.execute(sql`select pg_sleep(0.7)`)).resolves.toBeDefined();
    expect(await analyticsRead(ctx, (db) => databaseOf({ ...analytics, db }))).toBe(primaryDb.name);
    // Other errors pass through unchanged.
    const bad = await analyticsRead(ctx, (db) => db.execute(sql`select * from no_such_table`)).catch((err: unknown) => err);
    expect(isPgError(bad, '42P01')).toBe(true);
  });

  it('falls back to the agency’s pool when a request has no analytics pool', async () => {
    expect(await analyticsRead({ db: primary.db }, (db) => databaseOf({ ...primary, db }))).toBe(primaryDb.name);
  });
});
