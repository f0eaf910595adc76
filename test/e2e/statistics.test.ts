import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, seedMigration } from '@nomad/migration';
import { silentLogger, startGraph, token, type TestGraph } from '../src/harness.ts';

// applicationStatistics through the gateway with an analyst's token, on the seeded program:
// one SQL statement in migration whatever the grouping, suppression visible in the answer, no
// access record, and bad input refused with a code and the argument's name.

const TODAY = '2026-11-24';
let graph: TestGraph;

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  await seedMigration(graph.migration.database.db, silentLogger, { today: TODAY, nomads: 120 });
});
afterAll(async () => {
  await graph?.stop();
});

interface Row {
  citizenship: string | null;
  submittedMonth: string | null;
  suppressed: boolean;
  count: number | null;
  median: number | null;
  p90: number | null;
}
interface Answer {
  applicationStatistics: { disclosure: { minCellSize: number; countRoundingBase: number }; rows: Row[]; total: Row };
}

const QUERY = /* GraphQL */ `
  query($groupBy: [ApplicationDimension!]!) {
    applicationStatistics(measures: [COUNT, MEDIAN, P90, OVERDUE_SHARE], groupBy: $groupBy) {
      disclosure { minCellSize countRoundingBase }
      rows { citizenship submittedMonth suppressed count median p90 }
      total { suppressed count median p90 }
    }
  }`;

const accessRecords = async () => (await graph.migration.database.db.select({ n: count() }).from(schema.accessRecords))[0]?.n;

describe('applicationStatistics through the gateway', () => {
  it('an analyst gets the grouped rows in one SQL statement per request, whatever the grouping, and no access record', async () => {
    const analyst = await token(['analyst']);
    const [applications] = await graph.migration.database.db.select({ n: count() }).from(schema.applications);
    const recordsBefore = await accessRecords();
    for (const groupBy of [[], ['CITIZENSHIP'], ['CITIZENSHIP', 'SUBMITTED_MONTH']]) {
      let answer: Answer | undefined;
      const sql = await graph.countSql(async () => {
        const res = await graph.request<Answer>(analyst, QUERY, { groupBy });
        expect(res.body.errors, res.text).toBeUndefined();
        answer = res.body.data ?? undefined;
      });
      expect(sql.migration).toBe(1);
      const stats = answer?.applicationStatistics;
      if (!stats) throw new Error('no answer');
      const { minCellSize: k, countRoundingBase: base } = stats.disclosure;
      expect([k, base]).toEqual([5, 5]);
      // Counts come rounded to the base: the total is the nearest multiple of 5, never the exact figure's neighbour.
      expect(stats.total.count).toBe(Math.floor((applications?.n ?? 0) / base + 0.5) * base);
      expect(stats.total.count).toBeGreaterThanOrEqual(k);
      if (groupBy.length === 0) {
        expect(stats.rows).toEqual([]);
        continue;
      }
      expect(stats.rows.length).toBeGreaterThan(1);
      // Shown counts are at least k and multiples of the base (secondary suppression has its
      // own tests on exact figures in the service and the kit).
      const shown = stats.rows.filter((r) => !r.suppressed);
      expect(shown.length).toBeGreaterThan(0);
      for (const r of shown) {
        expect(r.count).toBeGreaterThanOrEqual(k);
        expect((r.count ?? 1) % base).toBe(0);
      }
      for (const r of stats.rows.filter((x) => x.suppressed)) expect([r.count, r.median, r.p90]).toEqual([null, null, null]);
    }
    expect(await accessRecords()).toBe(recordsBefore);
  });

  it('refuses bad input with BAD_USER_INPUT naming the argument, and other roles with FORBIDDEN', async () => {
    const analyst = await token(['analyst']);
    const bad = await graph.request(analyst, '{ applicationStatistics(measures: [COUNT], groupBy: [SUBMITTED_MONTH, SUBMITTED_YEAR]) { total { count } } }');
    expect(bad.body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'groupBy']]);
    const none = await graph.request(analyst, '{ applicationStatistics(measures: []) { total { count } } }');
    expect(none.body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'measures']]);
    const labor = await graph.request(await token(['labor_officer']), '{ applicationStatistics(measures: [COUNT]) { total { count } } }');
    expect(labor.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
