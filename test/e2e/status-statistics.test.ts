import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, seedMigration } from '@nomad/migration';
import { silentLogger, startGraph, token, type TestGraph } from '../src/harness.ts';

// statusStatistics and statusEventStatistics through the gateway with an analyst's token, on the
// sample world `npm start` seeds (400 nomads): holders per status state on a day, and renewals
// versus expiries per year, come back with numbers in both years of the program, one SQL
// statement in migration each, no access record.

const TODAY = '2026-11-24';
let graph: TestGraph;

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  await seedMigration(graph.migration.database.db, silentLogger, { today: TODAY });
});
afterAll(async () => {
  await graph?.stop();
});

const accessRecords = async () => (await graph.migration.database.db.select({ n: count() }).from(schema.accessRecords))[0]?.n;

async function ask<T>(query: string): Promise<{ data: T; statements: number }> {
  const analyst = await token(['analyst']);
  let data: T | undefined;
  const sql = await graph.countSql(async () => {
    const res = await graph.request<T>(analyst, query);
    expect(res.body.errors, res.text).toBeUndefined();
    data = res.body.data ?? undefined;
  });
  if (!data) throw new Error('no answer');
  return { data, statements: sql.migration };
}

describe('status statistics through the gateway, on the sample world', () => {
  it('holders per status state today and half a year ago: ACTIVE and EXPIRED shown, one statement each', async () => {
    const records = await accessRecords();
    type Answer = { statusStatistics: { asOf: string; rows: { state: string; suppressed: boolean; count: number | null }[]; total: { count: number | null } } };
    for (const asOf of [TODAY, '2026-05-31']) {
      const { data, statements } = await ask<Answer>(`{ statusStatistics(asOf: "${asOf}", groupBy: [STATE]) { asOf rows { state suppressed count } total { count } } }`);
      expect(statements).toBe(1);
      expect(data.statusStatistics.asOf).toBe(asOf);
      const shown = new Map(data.statusStatistics.rows.filter((r) => !r.suppressed).map((r) => [r.state, r.count ?? 0]));
      expect(shown.get('ACTIVE')).toBeGreaterThanOrEqual(5);
      expect(shown.get('EXPIRED')).toBeGreaterThanOrEqual(5);
      expect(data.statusStatistics.total.count).toBeGreaterThanOrEqual(10);
      for (const n of shown.values()) expect(n % 5).toBe(0);
    }
    expect(await accessRecords()).toBe(records);
  });

  it('renewals versus expiries per year: both counts shown in 2025 and in 2026, one statement', async () => {
    type Row = { year: number; suppressed: boolean; renewals: number | null; expiries: number | null; grants: number | null };
    const { data, statements } = await ask<{ statusEventStatistics: { rows: Row[]; total: Row } }>(
      '{ statusEventStatistics(measures: [RENEWALS, EXPIRIES], groupBy: [YEAR]) { rows { year suppressed renewals expiries grants } total { renewals expiries } } }',
    );
    expect(statements).toBe(1);
    const years = data.statusEventStatistics.rows;
    expect(years.map((r) => r.year)).toEqual([2025, 2026]);
    for (const r of years) {
      expect(r.suppressed).toBe(false);
      expect(r.renewals).toBeGreaterThanOrEqual(5);
      expect(r.expiries).toBeGreaterThanOrEqual(5);
      expect(r.grants).toBeNull();
    }
    // The seeded EXPIRED records (the sweeper's) agree with the expiries read from the periods.
    const [expired] = await graph.migration.database.db.select({ n: count() }).from(schema.statusEvents).where(eq(schema.statusEvents.kind, 'EXPIRED'));
    expect(data.statusEventStatistics.total.expiries).toBe(Math.floor((expired?.n ?? 0) / 5 + 0.5) * 5);
  });

  it('refuses nested periods of time with BAD_USER_INPUT on groupBy, and a labor officer with FORBIDDEN', async () => {
    const bad = await graph.request(await token(['analyst']), '{ statusEventStatistics(measures: [GRANTS], groupBy: [YEAR, MONTH]) { total { grants } } }');
    expect(bad.body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'groupBy']]);
    const labor = await graph.request(await token(['labor_officer']), `{ statusStatistics(asOf: "${TODAY}") { total { count } } }`);
    expect(labor.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

