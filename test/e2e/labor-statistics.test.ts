import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@nomad/kit';
import { schema, seedLabor, type LaborSchema } from '@nomad/labor';
import { silentLogger, startGraph, token, type TestGraph } from '../src/harness.ts';

// Labor's statistics through the gateway with an analyst's token, on the seeded program (2,000
// nomads: enough concluded evaluations for verdicts of k or more): issue 16's "evaluations by
// verdict and activity" in one gateway query, cases by state and risk level, reports by
// lateness and quarter; one SQL statement in labor per field whatever the grouping, counts
// rounded and small cells suppressed, no access record, laborAggregates protected alike.

const TODAY = '2026-11-24';
let graph: TestGraph;
let labor: Database<LaborSchema>;

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  labor = graph.agencies.labor?.database as unknown as Database<LaborSchema>;
  await seedLabor(labor.db, silentLogger, { today: TODAY, nomads: 2000 });
}, 120_000);
afterAll(async () => {
  await graph?.stop();
});

interface Row {
  suppressed: boolean;
  count: number | null;
  [dimensionOrMeasure: string]: unknown;
}
interface Statistics {
  disclosure: { minCellSize: number; countRoundingBase: number };
  rows: Row[];
  total: Row;
}

const EVALUATIONS = /* GraphQL */ `
  query($groupBy: [EvaluationDimension!]!) {
    evaluationStatistics(measures: [COUNT, MEDIAN_DAYS_TO_VERDICT, P90_DAYS_TO_VERDICT, NON_COMPLIANT_SHARE], groupBy: $groupBy) {
      disclosure { minCellSize countRoundingBase }
      rows { verdict activityCode state requestedMonth suppressed count medianDaysToVerdict p90DaysToVerdict nonCompliantShare }
      total { suppressed count medianDaysToVerdict p90DaysToVerdict nonCompliantShare }
    }
  }`;

const accessRecords = async () => (await labor.db.select({ n: count() }).from(schema.accessRecords))[0]?.n;
const rounded = (n: number, base: number) => Math.floor(n / base + 0.5) * base;

/** Checks what every statistics answer shows: rounded counts of k or more, nothing in a suppressed row. */
function checkDisclosed(stats: Statistics): Row[] {
  const { minCellSize: k, countRoundingBase: base } = stats.disclosure;
  expect([k, base]).toEqual([5, 5]);
  const shown = stats.rows.filter((r) => !r.suppressed);
  expect(shown.length).toBeGreaterThan(0);
  for (const r of shown) {
    expect(r.count).toBeGreaterThanOrEqual(k);
    expect((r.count ?? 1) % base).toBe(0);
  }
  // A suppressed row shows its dimensions only: every measure null.
  const measures = ['count', 'medianDaysToVerdict', 'p90DaysToVerdict', 'nonCompliantShare', 'lateShare', 'medianDaysToFiling'];
  expect(stats.rows.filter((r) => r.suppressed).flatMap((r) => measures.filter((m) => r[m] !== undefined && r[m] !== null))).toEqual([]);
  return shown;
}

describe('labor statistics through the gateway', () => {
  it('evaluations by verdict and activity (issue 16) in one gateway query and one SQL statement per request, whatever the grouping; no access record', async () => {
    const analyst = await token(['analyst']);
    const [evaluations] = await labor.db.select({ n: count() }).from(schema.evaluations);
    const recordsBefore = await accessRecords();
    const groupings = [[], ['VERDICT'], ['VERDICT', 'ACTIVITY'], ['REQUESTED_MONTH', 'STATE', 'ACTIVITY']];
    expect(groupings.length).toBeGreaterThan(0);
    const answers: Statistics[] = [];
    for (const groupBy of groupings) {
      let answer: Statistics | undefined;
      const sql = await graph.countSql(async () => {
        const res = await graph.request<{ evaluationStatistics: Statistics }>(analyst, EVALUATIONS, { groupBy });
        expect(res.body.errors, res.text).toBeUndefined();
        answer = res.body.data?.evaluationStatistics;
      });
      expect(sql.labor).toBe(1);
      if (!answer) throw new Error('no answer');
      expect(answer.total.count).toBe(rounded(evaluations?.n ?? 0, 5));
      expect(answer.total.medianDaysToVerdict).toEqual(expect.any(Number));
      expect(answer.total.nonCompliantShare).toEqual(expect.any(Number));
      if (groupBy.length === 0) expect(answer.rows).toEqual([]);
      else checkDisclosed(answer);
      answers.push(answer);
    }
    // By verdict: each verdict holds k concluded evaluations or more in the seeded program.
    const byVerdict = answers[1]?.rows ?? [];
    expect(byVerdict.map((r) => [r.verdict, r.suppressed])).toEqual([
      ['COMPLIANT', false],
      ['INSUFFICIENT_EVIDENCE', false],
      ['NON_COMPLIANT', false],
      [null, false],
    ]);
    expect(byVerdict.find((r) => r.verdict === 'NON_COMPLIANT')?.nonCompliantShare).toBe(1);
    // By verdict and activity: one row per pair, the verdicts' cells under k withheld, the evaluations under way shown per activity.
    const pairs = answers[2]?.rows ?? [];
    expect(new Set(pairs.map((r) => r.verdict))).toEqual(new Set(['COMPLIANT', 'INSUFFICIENT_EVIDENCE', 'NON_COMPLIANT', null]));
    expect(pairs.filter((r) => r.verdict === null && !r.suppressed).length).toBeGreaterThan(0);
    expect(await accessRecords()).toBe(recordsBefore);
  });

  it('cases by state and risk level, reports by lateness and quarter, and laborAggregates: numbers, rounded, in one statement per field', async () => {
    const analyst = await token(['analyst']);
    let data: Record<string, Statistics> | undefined;
    const sql = await graph.countSql(async () => {
      const res = await graph.request<Record<string, Statistics>>(
        analyst,
        `{
          cases: monitoringCaseStatistics(measures: [COUNT], groupBy: [STATE, RISK_LEVEL]) { disclosure { minCellSize countRoundingBase } rows { state riskLevel suppressed count } total { suppressed count } }
          reports: activityReportStatistics(measures: [COUNT, LATE_SHARE, MEDIAN_DAYS_TO_FILING], groupBy: [PERIOD_QUARTER, LATE], filter: { period: { year: 2026, quarter: 2 } }) {
            disclosure { minCellSize countRoundingBase } rows { periodQuarter late suppressed count lateShare medianDaysToFiling } total { suppressed count lateShare }
          }
        }`,
      );
      expect(res.body.errors, res.text).toBeUndefined();
      data = res.body.data ?? undefined;
    });
    expect(sql.labor).toBe(2);
    if (!data?.cases || !data.reports) throw new Error('no answer');
    const cases = checkDisclosed(data.cases);
    expect(cases.map((r) => [r.state, r.riskLevel])).toEqual([
      ['CLOSED', 'LOW'],
      ['OPEN', 'HIGH'],
      ['OPEN', 'LOW'],
      ['OPEN', 'MEDIUM'],
    ]);
    const reports = checkDisclosed(data.reports);
    expect(reports.map((r) => [r.periodQuarter, r.late, r.lateShare])).toEqual([
      ['2026-Q2', false, 0],
      ['2026-Q2', true, 1],
    ]);
    expect(data.reports.total.lateShare).toBeGreaterThan(0);

    const aggregates = await graph.request<{ laborAggregates: { disclosure: { countRoundingBase: number }; openCases: number | null; reportsFiled: number | null; verdicts: Row[] } }>(
      analyst,
      '{ laborAggregates { disclosure { countRoundingBase } openCases reportsFiled verdicts { key suppressed count } } }',
    );
    expect(aggregates.body.errors, aggregates.text).toBeUndefined();
    const agg = aggregates.body.data?.laborAggregates;
    const [reportRows] = await labor.db.select({ n: count() }).from(schema.activityReports);
    expect(agg?.reportsFiled).toBe(rounded(reportRows?.n ?? 0, 5));
    expect((agg?.openCases ?? 1) % 5).toBe(0);
    expect(agg?.verdicts.length).toBeGreaterThan(0);
  });

  it('refuses bad input with BAD_USER_INPUT naming the argument, and other roles with FORBIDDEN', async () => {
    const analyst = await token(['analyst']);
    const codes = async (tok: string, query: string) => (await graph.request(tok, query)).body.errors?.map((e) => [e.extensions?.code, e.extensions?.field ?? null]);
    expect(await codes(analyst, '{ evaluationStatistics(measures: [COUNT], groupBy: [REQUESTED_MONTH, REQUESTED_YEAR]) { total { count } } }')).toEqual([['BAD_USER_INPUT', 'groupBy']]);
    // One nomad's rows are a lookup: an analyst is refused it like any other (issue 16), a labor officer on the argument.
    expect(await codes(analyst, '{ evaluationStatistics(measures: [COUNT], filter: { nomadId: "00000000-0000-4000-8000-000000000001" }) { total { count } } }')).toEqual([['FORBIDDEN', null]]);
    expect(await codes(await token(['labor_officer']), '{ evaluationStatistics(measures: [COUNT], filter: { nomadId: "00000000-0000-4000-8000-000000000001" }) { total { count } } }')).toEqual([['BAD_USER_INPUT', 'filter.nomadId']]);
    expect(await codes(analyst, '{ activityReportStatistics(measures: []) { total { count } } }')).toEqual([['BAD_USER_INPUT', 'measures']]);
    expect(await codes(await token(['migration_officer']), '{ monitoringCaseStatistics(measures: [COUNT]) { total { count } } }')).toEqual([['FORBIDDEN', null]]);
  });
});
