import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@nomad/kit';
import { schema, seedSecurity, type SecuritySchema } from '@nomad/security';
import { silentLogger, startGraph, token, type TestGraph } from '../src/harness.ts';

// screeningStatistics through the gateway with an analyst's token, on GKNB's part of the
// sample world `npm start` seeds (400 nomads): screenings by outcome and month come back with
// numbers, in one SQL statement in security, with no access record.

const TODAY = '2026-11-24';
let graph: TestGraph;
let security: Database<SecuritySchema>;

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  const handle = graph.agencies.security;
  if (!handle) throw new Error('the harness did not start the security subgraph');
  security = handle.database as unknown as Database<SecuritySchema>;
  await seedSecurity(security.db, silentLogger, { today: TODAY });
});
afterAll(async () => {
  await graph?.stop();
});

interface Row {
  outcome: string | null;
  concludedMonth: string | null;
  suppressed: boolean;
  count: number | null;
}
interface Answer {
  screeningStatistics: { disclosure: { minCellSize: number; countRoundingBase: number }; rows: Row[]; total: Row };
}

const QUERY = /* GraphQL */ `
  {
    screeningStatistics(groupBy: [OUTCOME, CONCLUDED_MONTH]) {
      disclosure { minCellSize countRoundingBase }
      rows { outcome concludedMonth suppressed count }
      total { outcome concludedMonth suppressed count }
    }
  }`;

const accessRecords = async () => (await security.db.select({ n: count() }).from(schema.accessRecords))[0]?.n;

describe('screeningStatistics through the gateway', () => {
  it('an analyst gets screenings by outcome and month, not all suppressed, in one statement, no access record', async () => {
    const analyst = await token(['analyst']);
    const [screenings] = await security.db.select({ n: count() }).from(schema.screenings);
    const records = await accessRecords();
    let answer: Answer | undefined;
    const sql = await graph.countSql(async () => {
      const res = await graph.request<Answer>(analyst, QUERY);
      expect(res.body.errors, res.text).toBeUndefined();
      answer = res.body.data ?? undefined;
    });
    expect(sql.security).toBe(1);
    const stats = answer?.screeningStatistics;
    if (!stats) throw new Error('no answer');
    const { minCellSize: k, countRoundingBase: base } = stats.disclosure;
    expect([k, base]).toEqual([5, 5]);
    expect(stats.total).toEqual({ outcome: null, concludedMonth: null, suppressed: false, count: Math.floor((screenings?.n ?? 0) / base + 0.5) * base });
    const shown = stats.rows.filter((r) => !r.suppressed);
    expect(shown.length).toBeGreaterThan(5);
    for (const r of shown) {
      expect(r.count).toBeGreaterThanOrEqual(k);
      expect((r.count ?? 1) % base).toBe(0);
    }
    // Concluded months shown for CLEARED; the PENDING ones in the null month.
    expect(shown.some((r) => r.outcome === 'CLEARED' && /^\d{4}-\d{2}$/.test(r.concludedMonth ?? ''))).toBe(true);
    expect(stats.rows.filter((r) => r.outcome === 'PENDING').map((r) => r.concludedMonth)).toEqual([null]);
    for (const r of stats.rows.filter((x) => x.suppressed)) expect(r.count).toBeNull();
    expect(await accessRecords()).toBe(records);
  });

  it('refuses a migration officer (FORBIDDEN) and nested periods (BAD_USER_INPUT on groupBy)', async () => {
    const officer = await graph.request(await token(['migration_officer']), '{ screeningStatistics { total { count } } }');
    expect(officer.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const bad = await graph.request(await token(['analyst']), '{ screeningStatistics(groupBy: [CONCLUDED_MONTH, CONCLUDED_QUARTER]) { total { count } } }');
    expect(bad.body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'groupBy']]);
  });
});
