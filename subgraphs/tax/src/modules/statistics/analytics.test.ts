import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, countDistinct, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { DEFAULT_DISCLOSURE_RULES, Headers, openAnalyticsDatabase, roundCount, type Database, type Principal, type SubgraphServer } from '@nomad/kit';
import type { TestDatabase } from '@nomad/kit/testing';
import type { App } from '../../app.ts';
import { schema, type TaxSchema } from '../../db/index.ts';
import { seedTax } from '../../seed/seed.ts';
import { startTaxSubgraph } from '../../subgraph.ts';
import { openTestTaxDatabase } from '../../testing.ts';

// Tax's statistics on the analysts' pool, through the subgraph as it serves: with a replica
// (`TAX_ANALYTICS_DATABASE_URL`; here a second database seeded with more nomads, so that the
// answer shows where it was read) declarationStatistics and reregistrationStatistics come from
// it, taxAggregates too, and none writes an access record.

const TODAY = '2026-11-24';
const SECRET = 'tax-analytics-test-gateway-secret';
const logger = pino({ level: 'silent' });
const analyst: Principal = { sub: 'analyst-1', name: 'analyst', roles: ['analyst'], nomadId: null };

let primary: { testDb: TestDatabase; database: Database<TaxSchema> } | undefined;
let replica: { testDb: TestDatabase; database: Database<TaxSchema> } | undefined;
let analytics: Database<TaxSchema> | undefined;
let server: SubgraphServer | undefined;

/** Taxpayers of USD declarations in `d`, as the answer shows them (rounded). */
const usdTaxpayers = async (d: Database<TaxSchema>) =>
  roundCount((await d.db.select({ n: countDistinct(schema.declarations.registrationId) }).from(schema.declarations).where(and(eq(schema.declarations.currency, 'USD'))))[0]?.n ?? 0, DEFAULT_DISCLOSURE_RULES.countRoundingBase);

beforeAll(async () => {
  primary = await openTestTaxDatabase('tax_analytics_primary');
  replica = await openTestTaxDatabase('tax_analytics_replica');
  await seedTax(primary.database.db, logger, { today: TODAY, nomads: 40 });
  await seedTax(replica.database.db, logger, { today: TODAY, nomads: 160 });
  analytics = openAnalyticsDatabase(primary.database, { agency: 'tax', schema, url: replica.testDb.url, statementTimeoutMs: 10_000 });
  const app: App = { clock: { now: () => new Date(`${TODAY}T06:00:00Z`), today: () => TODAY }, campaigns: { wake: () => undefined } };
  server = await startTaxSubgraph({
    database: primary.database,
    analytics,
    app,
    verifyToken: (token) => (token === 't.analyst.t' ? Promise.resolve(analyst) : Promise.reject(new Error('unknown token'))),
    gatewaySecret: SECRET,
    logger,
    routes: {},
  });
});
afterAll(async () => {
  await server?.stop();
  await analytics?.close();
  for (const d of [primary, replica]) {
    await d?.database.close();
    await d?.testDb.drop();
  }
});

describe('tax statistics on the analysts’ pool', () => {
  it('declarationStatistics, reregistrationStatistics and taxAggregates read the replica, and record no access', async () => {
    if (!primary || !replica || !server) throw new Error('not started');
    const onPrimary = await usdTaxpayers(primary.database);
    const onReplica = await usdTaxpayers(replica.database);
    expect(onReplica).toBeGreaterThan(onPrimary);
    const records = async () => (await primary?.database.db.select({ n: countDistinct(schema.accessRecords.id) }).from(schema.accessRecords))?.[0]?.n ?? 0;
    const recordsBefore = await records();
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t.analyst.t', [Headers.gatewayCredential]: SECRET },
      body: JSON.stringify({
        query: `{
          declarationStatistics(measures: [TAXPAYERS]) { total { taxpayers } }
          reregistrationStatistics(measures: [COUNT]) { total { count } }
          taxAggregates { declarationsByCurrency { currency taxpayers: declarations } }
        }`,
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data?: { declarationStatistics: { total: { taxpayers: number } }; reregistrationStatistics: { total: { count: number | null } } }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data?.declarationStatistics.total.taxpayers).toBe(onReplica);
    expect(body.data?.reregistrationStatistics.total.count).toBeGreaterThan(0);
    expect(await records()).toBe(recordsBefore);
  });
});
