import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, Headers, openAnalyticsDatabase, runMigrations, type Database, type Principal, type SubgraphServer } from '@nomad/kit';
import { createTestDatabase, type TestDatabase } from '@nomad/kit/testing';
import { schema, type SecuritySchema } from '../../db/index.ts';
import { seedSecurity } from '../../seed/seed.ts';
import { startSecuritySubgraph } from '../../subgraph.ts';

// GKNB's statistics read the analysts' pool: with a replica (`SECURITY_ANALYTICS_DATABASE_URL`;
// here a second database seeded with more people, so that the answer shows where it was read),
// screeningStatistics counts the replica's screenings, not the agency's own.

const TODAY = '2026-11-24';
const SECRET = 'security-analytics-test-secret';
const logger = pino({ level: 'silent' });
const ANALYST: Principal = { sub: 'analyst-1', name: 'analyst', roles: ['analyst'], nomadId: null };
const opened: { testDb: TestDatabase; database: Database<SecuritySchema> }[] = [];
let server: SubgraphServer | undefined;
let analytics: Database<SecuritySchema> | undefined;

async function seeded(name: string, nomads: number): Promise<{ testDb: TestDatabase; database: Database<SecuritySchema> }> {
  const testDb = await createTestDatabase(name);
  const database = connect(testDb.url, { agency: 'security', schema });
  opened.push({ testDb, database });
  await runMigrations(database, { agency: 'security', migrationsFolder: fileURLToPath(new URL('../../../drizzle', import.meta.url)) });
  await seedSecurity(database.db, logger, { today: TODAY, nomads });
  return { testDb, database };
}

const screeningsIn = async (d: Database<SecuritySchema>) => (await d.db.select({ n: count() }).from(schema.screenings))[0]?.n ?? 0;

beforeAll(async () => {
  const primary = await seeded('security_analytics_primary', 20);
  const replica = await seeded('security_analytics_replica', 60);
  analytics = openAnalyticsDatabase(primary.database, { agency: 'security', schema, url: replica.testDb.url, statementTimeoutMs: 10_000 });
  server = await startSecuritySubgraph({
    database: primary.database,
    analytics,
    app: { clock: { now: () => new Date(`${TODAY}T06:00:00Z`), today: () => TODAY } },
    verifyToken: () => Promise.resolve(ANALYST),
    gatewaySecret: SECRET,
    logger,
    routes: {},
  });
});
afterAll(async () => {
  await server?.stop();
  await analytics?.close();
  for (const { database, testDb } of opened) {
    await database.close();
    await testDb.drop();
  }
});

describe('GKNB’s statistics on the analysts’ pool', () => {
  it('screeningStatistics counts the replica’s screenings', async () => {
    const [primary, replica] = opened;
    if (!primary || !replica || !server) throw new Error('not started');
    const onPrimary = await screeningsIn(primary.database);
    const onReplica = await screeningsIn(replica.database);
    expect(onPrimary).toBeGreaterThan(0);
    expect(onReplica).not.toBe(onPrimary);
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t.analyst.t', [Headers.gatewayCredential]: SECRET },
      body: JSON.stringify({ query: '{ screeningStatistics { disclosure { countRoundingBase } total { count } } }' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data?: { screeningStatistics: { disclosure: { countRoundingBase: number }; total: { count: number } } }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    const base = body.data?.screeningStatistics.disclosure.countRoundingBase ?? 0;
    expect(base).toBeGreaterThan(0);
    // Rounded to the base: the replica's figure, which the primary's is not near.
    expect(Math.abs(onReplica - onPrimary)).toBeGreaterThan(base);
    expect(body.data?.screeningStatistics.total.count).toBe(Math.floor(onReplica / base + 0.5) * base);
  });
});
