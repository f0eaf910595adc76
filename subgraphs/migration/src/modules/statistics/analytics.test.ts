import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, inArray } from 'drizzle-orm';
import postgres from 'postgres';
import { pino } from 'pino';
import { Headers, openAnalyticsDatabase, type Database, type Principal, type SubgraphServer } from '@nomad/kit';
import type { App } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import { schema, type MigrationSchema } from '../../db/index.ts';
import { seedMigration } from '../../seed/seed.ts';
import { startMigrationSubgraph } from '../../subgraph.ts';
import { openServiceTestDatabase, type ServiceTestDatabase } from '../../testing.ts';
import { embeddedZhaak } from '../../zhaak.ts';

// Analysts' reads on their own pool, through the subgraph as it serves: with a replica
// (`MIGRATION_ANALYTICS_DATABASE_URL`; here a second database seeded with more nomads, so the
// answer shows where it was read), statistics come from it while an officer's list and its
// access record stay on the agency's database; under the analysts' statement timeout, a
// question held up past it answers ANALYTICS_TIMEOUT and the service keeps serving.

const TODAY = '2026-11-24';
const SECRET = 'analytics-test-gateway-secret';
const logger = pino({ level: 'silent' });
const PRINCIPALS: Record<string, Principal> = {
  analyst: { sub: 'analyst-1', name: 'analyst', roles: ['analyst'], nomadId: null },
  officer: { sub: 'officer-1', name: 'officer', roles: ['migration_officer'], nomadId: null },
};

let primary: ServiceTestDatabase | undefined;
let replica: ServiceTestDatabase | undefined;
const pools: Database<MigrationSchema>[] = [];
const servers: SubgraphServer[] = [];

async function start(analytics: Database<MigrationSchema>): Promise<SubgraphServer> {
  if (!primary) throw new Error('no primary');
  const app: App = { clock: fixedClock(`${TODAY}T06:00:00Z`), zhaak: embeddedZhaak(primary.database.db) };
  pools.push(analytics);
  const server = await startMigrationSubgraph({
    database: primary.database,
    analytics,
    app,
    verifyToken: (token) => {
      // Tokens here are `t.<who>.t`: the principal is looked up, not verified.
      const principal = PRINCIPALS[token.split('.')[1] ?? ''];
      return principal ? Promise.resolve(principal) : Promise.reject(new Error('unknown token'));
    },
    gatewaySecret: SECRET,
    logger,
    routes: {},
  });
  servers.push(server);
  return server;
}

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function ask<T>(server: SubgraphServer, who: keyof typeof PRINCIPALS, query: string): Promise<Answer<T>> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer t.${who}.t`, [Headers.gatewayCredential]: SECRET, [Headers.purpose]: 'analytics test' },
    body: JSON.stringify({ query }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Answer<T>;
}

const STATISTICS = '{ applicationStatistics(measures: [COUNT]) { total { count } } }';
const LIST = '{ applications(first: 1) { totalCount edges { node { nomad { surname } } } } }';
type Statistics = { applicationStatistics: { total: { count: number | null } } };
type List = { applications: { totalCount: number } };

const applicationsIn = async (d: Database<MigrationSchema>) => (await d.db.select({ n: count() }).from(schema.applications))[0]?.n ?? 0;
const accessRecordsIn = async (d: Database<MigrationSchema>) => (await d.db.select({ n: count() }).from(schema.accessRecords))[0]?.n ?? 0;

beforeAll(async () => {
  primary = await openServiceTestDatabase('analytics_primary');
  replica = await openServiceTestDatabase('analytics_replica');
  await seedMigration(primary.database.db, logger, { today: TODAY, nomads: 20 });
  await seedMigration(replica.database.db, logger, { today: TODAY, nomads: 60 });
});
afterAll(async () => {
  for (const s of servers) await s.stop();
  for (const p of pools) await p.close();
  await primary?.close();
  await replica?.close();
});

describe('analysts’ reads on the analytics pool', () => {
  it('applicationStatistics reads the replica; an officer’s list and its access record stay on the agency’s database', async () => {
    if (!primary || !replica) throw new Error('not opened');
    const onPrimary = await applicationsIn(primary.database);
    const onReplica = await applicationsIn(replica.database);
    expect(onPrimary).toBeGreaterThan(0);
    expect(onReplica).not.toBe(onPrimary);
    const server = await start(openAnalyticsDatabase(primary.database, { agency: 'migration', schema, url: replica.url, statementTimeoutMs: 10_000 }));

    const stats = await ask<Statistics>(server, 'analyst', STATISTICS);
    expect(stats.errors).toBeUndefined();
    expect(stats.data?.applicationStatistics.total.count).toBe(onReplica);

    const recordsBefore = await accessRecordsIn(primary.database);
    const list = await ask<List>(server, 'officer', LIST);
    expect(list.errors).toBeUndefined();
    expect(list.data?.applications.totalCount).toBe(onPrimary);
    // The officer's read was recorded, on the agency's database (the analysts' pool is read-only).
    expect(await accessRecordsIn(primary.database)).toBeGreaterThan(recordsBefore);
  });

  it('statusStatistics and statusEventStatistics read the replica too', async () => {
    if (!primary || !replica) throw new Error('not opened');
    const server = await start(openAnalyticsDatabase(primary.database, { agency: 'migration', schema, url: replica.url, statementTimeoutMs: 10_000 }));
    const granted = async (d: Database<MigrationSchema>) => (await d.db.select({ n: count() }).from(schema.statusPeriods).where(inArray(schema.statusPeriods.kind, ['INITIAL_60_DAYS'])))[0]?.n ?? 0;
    const holders = async (d: Database<MigrationSchema>) => (await d.db.selectDistinct({ id: schema.statusPeriods.nomadId }).from(schema.statusPeriods)).length;
    const [onPrimary, onReplica] = [await holders(primary.database), await holders(replica.database)];
    expect(Math.abs(onReplica - onPrimary)).toBeGreaterThan(5);
    const round5 = (n: number) => Math.floor(n / 5 + 0.5) * 5;
    const status = await ask<{ statusStatistics: { total: { count: number } } }>(server, 'analyst', `{ statusStatistics(asOf: "${TODAY}") { total { count } } }`);
    expect(status.errors).toBeUndefined();
    expect(status.data?.statusStatistics.total.count).toBe(round5(onReplica));
    const grants = await ask<{ statusEventStatistics: { total: { grants: number } } }>(server, 'analyst', '{ statusEventStatistics(measures: [GRANTS]) { total { grants } } }');
    expect(grants.errors).toBeUndefined();
    expect(grants.data?.statusEventStatistics.total.grants).toBe(round5(await granted(replica.database)));
  });

  it('a question held up past the analysts’ statement timeout answers ANALYTICS_TIMEOUT, and the service keeps serving', async () => {
    if (!primary) throw new Error('not opened');
    // Without a replica URL: another pool to the agency's own database, with a 200 ms timeout.
    const server = await start(openAnalyticsDatabase(primary.database, { agency: 'migration', schema, statementTimeoutMs: 200 }));
    const onPrimary = await applicationsIn(primary.database);
    // Held up by a lock rather than by its own length, so that the timeout is what stops it, every run.
    const admin = postgres(primary.url, { max: 1, onnotice: () => undefined });
    try {
      let held: Answer<Statistics> | undefined;
      await admin.begin(async (tx) => {
        await tx`lock table migration.applications in access exclusive mode`;
        held = await ask<Statistics>(server, 'analyst', STATISTICS);
      });
      expect(held?.errors?.map((e) => e.extensions?.code)).toEqual(['ANALYTICS_TIMEOUT']);
      expect(held?.errors?.[0]?.message).toMatch(/analysts' statement timeout/);
    } finally {
      await admin.end();
    }
    const again = await ask<Statistics>(server, 'analyst', STATISTICS);
    expect(again.errors).toBeUndefined();
    expect(again.data?.applicationStatistics.total.count).toBe(onPrimary);
    const list = await ask<List>(server, 'officer', LIST);
    expect(list.data?.applications.totalCount).toBe(onPrimary);
  });
});
