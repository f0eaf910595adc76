import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { count, eq } from 'drizzle-orm';
import { DEFAULT_DISCLOSURE_RULES, type Database, type DisclosureRules, type Principal } from '@nomad/kit';
import { fixedClock } from '../../clock.ts';
import { schema, type LaborSchema } from '../../db/index.ts';
import { laborAggregates } from '../aggregates/service.ts';
import { openStatisticsFixture, statisticsContext, type StatisticsFixture } from './__fixtures__/program.ts';
import {
  getActivityReportStatistics,
  getEvaluationStatistics,
  getMonitoringCaseStatistics,
  type ActivityReportStatisticsArgs,
  type EvaluationStatisticsArgs,
  type MonitoringCaseStatisticsArgs,
  type StatisticsOut,
} from './service.ts';

// Labor's statistics against a real database, on the small program of __fixtures__/program.ts:
// every count, median, percentile and share below is worked out on paper from it.

let fixture: StatisticsFixture | undefined;
let database: Database<LaborSchema>;
const analyst: Principal = { sub: 'analyst-1', name: 'analyst', roles: ['analyst'], nomadId: null };
const officer: Principal = { sub: 'officer-1', name: 'officer', roles: ['labor_officer'], nomadId: null };

beforeAll(async () => {
  fixture = await openStatisticsFixture('labor_statistics');
  database = fixture.database;
});
afterAll(async () => {
  await fixture?.close();
});

const exact = (k: number): DisclosureRules => ({ minCellSize: k, countRoundingBase: 1, significantFigures: 0 });
/** Rules given by the test (exact figures worked out by hand), or labor's `statistics_disclosure` rule value as the service reads it. */
type Rules = DisclosureRules | 'rule value';
const given = (rules: Rules) => (rules === 'rule value' ? undefined : rules);
const setRule = (value: unknown) => database.db.update(schema.ruleValues).set({ value }).where(eq(schema.ruleValues.key, 'statistics_disclosure'));

/** Runs `ask` as `principal`, counting the SQL statements it takes. */
async function counted(ask: (ctx: ReturnType<typeof statisticsContext>) => Promise<StatisticsOut>, principal: Principal = analyst) {
  const ctx = statisticsContext(database, principal);
  const before = database.statementCount();
  const result = await ask(ctx);
  return { result, statements: database.statementCount() - before };
}

const evaluationStats = (args: Partial<EvaluationStatisticsArgs>, rules: Rules = exact(5), principal?: Principal) =>
  counted((ctx) => getEvaluationStatistics(ctx, { measures: ['COUNT', 'MEDIAN_DAYS_TO_VERDICT', 'P90_DAYS_TO_VERDICT', 'AVERAGE_DAYS_TO_VERDICT', 'NON_COMPLIANT_SHARE'], ...args }, given(rules)), principal);
const reportStats = (args: Partial<ActivityReportStatisticsArgs>, rules: Rules = exact(3), principal?: Principal) =>
  counted((ctx) => getActivityReportStatistics(ctx, { measures: ['COUNT', 'LATE_SHARE', 'MEDIAN_DAYS_TO_FILING', 'P90_DAYS_TO_FILING', 'AVERAGE_DAYS_TO_FILING'], ...args }, given(rules)), principal);
const caseStats = (args: Partial<MonitoringCaseStatisticsArgs>, rules: Rules = exact(3), principal?: Principal) =>
  counted((ctx) => getMonitoringCaseStatistics(ctx, { measures: ['COUNT'], ...args }, given(rules)), principal);

const near = (x: number): unknown => expect.closeTo(x, 9) as unknown;
const evaluationRow = (dims: Record<string, unknown>, m: { count: number; median: number | null; p90: number | null; average: number | null; nonCompliant: number | null }) => ({
  ...dims,
  suppressed: false,
  count: m.count,
  medianDaysToVerdict: m.median,
  p90DaysToVerdict: m.p90 === null ? null : near(m.p90),
  averageDaysToVerdict: m.average === null ? null : near(m.average),
  nonCompliantShare: m.nonCompliant === null ? null : near(m.nonCompliant),
});
const hiddenEvaluation = (dims: Record<string, unknown>) => ({ ...dims, suppressed: true, count: null, medianDaysToVerdict: null, p90DaysToVerdict: null, averageDaysToVerdict: null, nonCompliantShare: null });

describe('evaluationStatistics (issue 16: evaluations by verdict and activity)', () => {
  it('by activity and verdict at k = 2: counts, days from request to verdict, non-compliant share; the undecided have no duration', async () => {
    const { result, statements } = await evaluationStats({ groupBy: ['ACTIVITY', 'VERDICT'] }, exact(2));
    expect(statements).toBe(1);
    expect(result.rows).toEqual([
      // DESIGN COMPLIANT: 1 and 2 days.
      evaluationRow({ activityCode: 'DESIGN', verdict: 'COMPLIANT' }, { count: 2, median: 1.5, p90: 1.9, average: 1.5, nonCompliant: 0 }),
      // One each: under k; together 2, so nothing more is withheld.
      hiddenEvaluation({ activityCode: 'DESIGN', verdict: 'INSUFFICIENT_EVIDENCE' }),
      hiddenEvaluation({ activityCode: 'DESIGN', verdict: 'NON_COMPLIANT' }),
      // 2 2 2 2 2 2 3 7: median 2, P90 3 + 0.3 × 4 = 4.2, average 22 / 8.
      evaluationRow({ activityCode: 'SOFTWARE_DEVELOPMENT', verdict: 'COMPLIANT' }, { count: 8, median: 2, p90: 4.2, average: 2.75, nonCompliant: 0 }),
      // 10 and 11 (the verdict at 01:00 Bishkek on the 13th).
      evaluationRow({ activityCode: 'SOFTWARE_DEVELOPMENT', verdict: 'NON_COMPLIANT' }, { count: 2, median: 10.5, p90: 10.9, average: 10.5, nonCompliant: 1 }),
      // Not concluded: no verdict, no duration.
      evaluationRow({ activityCode: 'SOFTWARE_DEVELOPMENT', verdict: null }, { count: 2, median: null, p90: null, average: null, nonCompliant: null }),
    ]);
    // 14 concluded: 1 2 2 2 2 2 2 2 3 3 7 7 10 11: median 2, P90 7 + 0.7 × 3 = 9.1, average 56 / 14, 3 of 14 non-compliant (0.21).
    expect(result.total).toEqual(evaluationRow({}, { count: 16, median: 2, p90: 9.1, average: 4, nonCompliant: 0.21 }));
  });

  it('at k = 5 only SOFTWARE_DEVELOPMENT COMPLIANT (8) is shown: what is withheld adds up to 8', async () => {
    const { result } = await evaluationStats({ measures: ['COUNT'], groupBy: ['ACTIVITY', 'VERDICT'] });
    expect(result.rows.map((r) => [r.activityCode, r.verdict, r.count])).toEqual([
      ['DESIGN', 'COMPLIANT', null],
      ['DESIGN', 'INSUFFICIENT_EVIDENCE', null],
      ['DESIGN', 'NON_COMPLIANT', null],
      ['SOFTWARE_DEVELOPMENT', 'COMPLIANT', 8],
      ['SOFTWARE_DEVELOPMENT', 'NON_COMPLIANT', null],
      ['SOFTWARE_DEVELOPMENT', null, null],
    ]);
  });

  it('by month, quarter and year of the request, state, origin and month of the verdict, each in one statement', async () => {
    const byMonth = await evaluationStats({ measures: ['COUNT'], groupBy: ['REQUESTED_MONTH', 'STATE'] }, exact(2));
    expect(byMonth.statements).toBe(1);
    expect(byMonth.result.rows.map((r) => [r.requestedMonth, r.state, r.suppressed, r.count])).toEqual([
      ['2026-03', 'ASSIGNED', true, null],
      ['2026-03', 'CONCLUDED', false, 9],
      ['2026-03', 'UNASSIGNED', true, null],
      ['2026-04', 'CONCLUDED', false, 5],
    ]);
    const byQuarter = await evaluationStats({ measures: ['COUNT'], groupBy: ['REQUESTED_QUARTER', 'ORIGIN'] });
    expect(byQuarter.result.rows.map((r) => [r.requestedQuarter, r.origin, r.count])).toEqual([['2026-Q1', 'MONITORING', 11], ['2026-Q2', 'MONITORING', 5]]);
    const byYear = await evaluationStats({ measures: ['COUNT'], groupBy: ['REQUESTED_YEAR'] });
    expect(byYear.result.rows.map((r) => [r.requestedYear, r.count])).toEqual([[2026, 16]]);
    const byVerdictMonth = await evaluationStats({ measures: ['COUNT', 'MEDIAN_DAYS_TO_VERDICT'], groupBy: ['CONCLUDED_MONTH'] }, exact(2));
    // March: 2 3 7 10 11 1 2 3 7 (median 3); April: five of 2 days.
    expect(byVerdictMonth.result.rows.map((r) => [r.concludedMonth, r.count, r.medianDaysToVerdict])).toEqual([
      ['2026-03', 9, 3],
      ['2026-04', 5, 2],
      [null, 2, null],
    ]);
  });

  it('the same filter as the list (states); durations need k concluded evaluations', async () => {
    const concluded = await evaluationStats({ measures: ['COUNT'], filter: { states: ['CONCLUDED'] } });
    expect(concluded.result.total).toMatchObject({ suppressed: false, count: 14 });
    const open = await evaluationStats({ groupBy: ['STATE'], filter: { states: ['ASSIGNED', 'UNASSIGNED', 'CONCLUDED'] } }, exact(2));
    expect(open.result.rows.map((r) => [r.state, r.count, r.medianDaysToVerdict])).toEqual([
      ['ASSIGNED', null, null],
      ['CONCLUDED', 14, 2],
      ['UNASSIGNED', null, null],
    ]);
    const byActivity = await evaluationStats({ groupBy: ['ACTIVITY'] }, exact(5));
    // SOFTWARE_DEVELOPMENT: 12 (10 concluded); DESIGN 4: withheld, and the other with it (the total would give it back).
    expect(byActivity.result.rows.map((r) => [r.activityCode, r.suppressed])).toEqual([
      ['DESIGN', true],
      ['SOFTWARE_DEVELOPMENT', true],
    ]);
  });
});

describe('activityReportStatistics', () => {
  const reportRow = (dims: Record<string, unknown>, m: { count: number; lateShare: number; median: number; p90: number; average: number }) => ({
    ...dims,
    suppressed: false,
    count: m.count,
    lateShare: near(m.lateShare),
    medianDaysToFiling: near(m.median),
    p90DaysToFiling: near(m.p90),
    averageDaysToFiling: near(m.average),
  });

  it('by lateness: counts, late share, days from the quarter’s end to filing (Bishkek dates)', async () => {
    const { result, statements } = await reportStats({ groupBy: ['LATE'] });
    expect(statements).toBe(1);
    expect(result.rows).toEqual([
      // 1 5 10 10 14 15: median 10, P90 14 + 0.5 × 1, average 55 / 6.
      reportRow({ late: false }, { count: 6, lateShare: 0, median: 10, p90: 14.5, average: 55 / 6 }),
      // 20 20 31: median 20, P90 20 + 0.8 × 11, average 71 / 3.
      reportRow({ late: true }, { count: 3, lateShare: 1, median: 20, p90: 28.8, average: 71 / 3 }),
    ]);
    // 1 5 10 10 14 15 20 20 31: median 14, P90 20 + 0.2 × 11 = 22.2, average 126 / 9 = 14.
    expect(result.total).toEqual(reportRow({}, { count: 9, lateShare: 0.33, median: 14, p90: 22.2, average: 14 }));
  });

  it('by the quarter reported, the month filed (Bishkek: 30 September 20:00 UTC is October), the year', async () => {
    const byPeriod = await reportStats({ measures: ['COUNT', 'LATE_SHARE'], groupBy: ['PERIOD_QUARTER'] });
    expect(byPeriod.statements).toBe(1);
    expect(byPeriod.result.rows.map((r) => [r.periodQuarter, r.count, r.lateShare])).toEqual([
      ['2026-Q2', 3, 0.33],
      ['2026-Q3', 6, 0.33],
    ]);
    const byFiled = await reportStats({ measures: ['COUNT'], groupBy: ['FILED_MONTH', 'LATE'] });
    expect(byFiled.statements).toBe(1);
    // Nomads per row 2, 1, 4, 2 of 6 in all, k = 3: the three small rows are withheld, and their
    // people are not added up (a nomad files in July and in October): at least max(2, 6 - 4) = 2
    // distinct nomads, under k, so October on time (4 nomads) is withheld with them.
    expect(byFiled.result.rows.map((r) => [r.filedMonth, r.late, r.suppressed, r.count])).toEqual([
      ['2026-07', false, true, null],
      ['2026-07', true, true, null],
      ['2026-10', false, true, null],
      ['2026-10', true, true, null],
    ]);
    const byYear = await reportStats({ measures: ['COUNT'], groupBy: ['PERIOD_YEAR', 'FILED_QUARTER'] });
    expect(byYear.result.rows.map((r) => [r.periodYear, r.filedQuarter, r.count])).toEqual([
      [2026, '2026-Q3', 3],
      [2026, '2026-Q4', 6],
    ]);
  });

  it('k counts nomads, not reports: 5 reports of 2 nomads are withheld at k = 5; COUNT stays the reports', async () => {
    // The two OPEN HIGH cases' nomads (no report in the fixture) file DESIGN reports for 2025: three and two.
    const high = await database.db.select().from(schema.monitoringCases).where(eq(schema.monitoringCases.riskLevel, 'HIGH'));
    expect(high).toHaveLength(2);
    const quarters = [['2025-01-01', '2025-03-31'], ['2025-04-01', '2025-06-30'], ['2025-07-01', '2025-09-30']] as const;
    const extra = high.flatMap((c, i) =>
      quarters.slice(0, 3 - i).map(([periodStart, periodEnd]) => ({
        nomadId: c.nomadId, caseId: c.id, periodStart, periodEnd, dueOn: periodEnd, activityCode: 'DESIGN', clients: [], incomeMinor: 1, incomeCurrency: 'USD', filedAt: `${periodEnd}T04:00:00Z`,
      })),
    );
    expect(extra).toHaveLength(5);
    await database.db.insert(schema.activityReports).values(extra);
    try {
      const { result } = await reportStats({ measures: ['COUNT', 'LATE_SHARE'], groupBy: ['ACTIVITY'] }, exact(5));
      // DESIGN: 5 reports but 2 nomads, under k; SOFTWARE_DEVELOPMENT (6 nomads) would give it back from the total: withheld too.
      expect(result.rows.map((r) => [r.activityCode, r.suppressed, r.count, r.lateShare])).toEqual([
        ['DESIGN', true, null, null],
        ['SOFTWARE_DEVELOPMENT', true, null, null],
      ]);
      // The total's 8 nomads are shown as its 14 reports, 3 of them late.
      expect(result.total).toMatchObject({ suppressed: false, count: 14, lateShare: 0.21 });
    } finally {
      await database.db.delete(schema.activityReports).where(eq(schema.activityReports.activityCode, 'DESIGN'));
    }
  });

  it('the same filter as the list: a quarter, lateness', async () => {
    const q3 = await reportStats({ measures: ['COUNT', 'LATE_SHARE'], filter: { period: { year: 2026, quarter: 3 } } });
    expect(q3.statements).toBe(1);
    expect(q3.result.total).toMatchObject({ count: 6, lateShare: 0.33 });
    const late = await reportStats({ measures: ['COUNT'], filter: { late: true } });
    expect(late.result.total).toMatchObject({ count: 3 });
    const none = await reportStats({ measures: ['COUNT'], filter: { period: { year: 2025, quarter: 1 } } });
    expect(none.result.total).toMatchObject({ suppressed: true, count: null });
  });
});

describe('monitoringCaseStatistics', () => {
  it('by state and risk level: OPEN HIGH (2) withheld at k = 3, and CLOSED LOW (3) with it', async () => {
    const { result, statements } = await caseStats({ groupBy: ['STATE', 'RISK_LEVEL'] });
    expect(statements).toBe(1);
    expect(result.rows).toEqual([
      { state: 'CLOSED', riskLevel: 'LOW', suppressed: true, count: null },
      { state: 'OPEN', riskLevel: 'HIGH', suppressed: true, count: null },
      { state: 'OPEN', riskLevel: 'LOW', suppressed: false, count: 6 },
    ]);
    expect(result.total).toEqual({ suppressed: false, count: 11 });
  });

  it('by month, quarter and year opened; the list’s filter (states, risk levels)', async () => {
    const byMonth = await caseStats({ groupBy: ['OPENED_MONTH'] });
    expect(byMonth.result.rows.map((r) => [r.openedMonth, r.count])).toEqual([
      ['2026-01', 5],
      ['2026-02', 6],
    ]);
    expect((await caseStats({ groupBy: ['OPENED_QUARTER'] })).result.rows.map((r) => [r.openedQuarter, r.count])).toEqual([['2026-Q1', 11]]);
    expect((await caseStats({ groupBy: ['OPENED_YEAR'] })).result.rows.map((r) => [r.openedYear, r.count])).toEqual([[2026, 11]]);
    const open = await caseStats({ groupBy: ['RISK_LEVEL'], filter: { states: ['OPEN'], riskLevels: ['LOW', 'HIGH'] } }, exact(2));
    expect(open.statements).toBe(1);
    expect(open.result.rows.map((r) => [r.riskLevel, r.count])).toEqual([
      ['HIGH', 2],
      ['LOW', 6],
    ]);
  });
});

describe('under labor’s rule value (the defaults)', () => {
  it('counts to a multiple of 5, durations to 2 significant figures, shares from the rounded counts, read in the one statement; the rules are in the answer', async () => {
    const { result, statements } = await reportStats({ groupBy: ['PERIOD_QUARTER'] }, 'rule value');
    expect(statements).toBe(1);
    expect(result.disclosure).toEqual({ minCellSize: 5, countRoundingBase: 5, significantFigures: 2 });
    // Q2 holds 3 (withheld), and Q3 (6) with it: the total (9, shown as 10) would give Q2 back.
    expect(result.rows.map((r) => [r.periodQuarter, r.suppressed])).toEqual([
      ['2026-Q2', true],
      ['2026-Q3', true],
    ]);
    // Exact: 9, late 3 (1/3), median 14, P90 22.2, average 14. The late share is 5 of 10: from the rounded counts.
    expect(result.total).toEqual({ suppressed: false, count: 10, lateShare: 0.5, medianDaysToFiling: 14, p90DaysToFiling: 22, averageDaysToFiling: 14 });
    const evaluations = await evaluationStats({ groupBy: ['ACTIVITY', 'VERDICT'] }, 'rule value');
    // SOFTWARE_DEVELOPMENT COMPLIANT: 8 → 10, P90 4.2, average 2.75 → 2.8.
    expect(evaluations.result.rows.filter((r) => !r.suppressed)).toEqual([
      { activityCode: 'SOFTWARE_DEVELOPMENT', verdict: 'COMPLIANT', suppressed: false, count: 10, medianDaysToVerdict: 2, p90DaysToVerdict: 4.2, averageDaysToVerdict: 2.8, nonCompliantShare: 0 },
    ]);
    // 3 non-compliant of 14 concluded (0.21 exact): 5 of 15 rounded.
    expect(evaluations.result.total).toMatchObject({ count: 15, p90DaysToVerdict: 9.1, nonCompliantShare: 0.33 });
  });
});

describe('the rule value decides', () => {
  it('k and the rounding base changed in labor.rule_values change the answer; an invalid value stops it, naming the key', async () => {
    try {
      await setRule({ minCellSize: 3, countRoundingBase: 3, significantFigures: 3 });
      const { result, statements } = await caseStats({ groupBy: ['STATE', 'RISK_LEVEL'] }, 'rule value');
      expect(statements).toBe(1);
      expect(result.disclosure).toEqual({ minCellSize: 3, countRoundingBase: 3, significantFigures: 3 });
      // As at k = 3 above, and the shown counts rounded to 3: OPEN LOW 6, total 11 → 12.
      expect(result.rows.map((r) => [r.state, r.riskLevel, r.count])).toEqual([
        ['CLOSED', 'LOW', null],
        ['OPEN', 'HIGH', null],
        ['OPEN', 'LOW', 6],
      ]);
      expect(result.total.count).toBe(12);
      const agg = await laborAggregates(statisticsContext(database, analyst), { clock: fixedClock('2026-11-24T06:00:00Z') });
      // Rounded to multiples of 3: open 8 → 9, closed → 3, reports → 9.
      expect([agg.disclosure.minCellSize, agg.openCases, agg.closedCases, agg.reportsFiled]).toEqual([3, 9, 3, 9]);
      await setRule({ minCellSize: 1, countRoundingBase: 5, significantFigures: 2 });
      await expect(evaluationStats({ measures: ['COUNT'] }, 'rule value')).rejects.toThrow(/statistics_disclosure is invalid at minCellSize/);
      await expect(laborAggregates(statisticsContext(database, analyst), { clock: fixedClock('2026-11-24T06:00:00Z') })).rejects.toThrow(/statistics_disclosure is invalid at minCellSize/);
    } finally {
      await setRule(DEFAULT_DISCLOSURE_RULES);
    }
  });
});

describe('who may ask, and bad input', () => {
  const code = async (ask: Promise<unknown>) => {
    const err = (await ask.then(
      () => null,
      (e: unknown) => e,
    )) as GraphQLError | null;
    return err && [err.extensions.code, err.extensions.field ?? null];
  };
  const nomad: Principal = { sub: 'n', name: 'n', roles: ['nomad'], nomadId: '00000000-0000-4000-8000-000000000001' };
  const expert: Principal = { sub: 'expert-1', name: 'e', roles: ['labor_expert'], nomadId: null };
  const migration: Principal = { sub: 'm', name: 'm', roles: ['migration_officer'], nomadId: null };

  it('a labor officer may ask; a nomad, an expert and a migration officer are refused, even with a bad argument', async () => {
    expect((await evaluationStats({ measures: ['COUNT'] }, exact(5), officer)).result.total.count).toBe(16);
    expect((await caseStats({}, exact(3), officer)).result.total.count).toBe(11);
    for (const who of [nomad, expert, migration]) {
      expect(await code(evaluationStats({ filter: { nomadId: nomad.nomadId } }, exact(5), who))).toEqual(['FORBIDDEN', null]);
      expect(await code(reportStats({}, exact(3), who))).toEqual(['FORBIDDEN', null]);
      expect(await code(caseStats({}, exact(3), who))).toEqual(['FORBIDDEN', null]);
    }
  });

  it('BAD_USER_INPUT naming the argument, before any SQL', async () => {
    const before = database.statementCount();
    expect(await code(evaluationStats({ measures: [] }))).toEqual(['BAD_USER_INPUT', 'measures']);
    expect(await code(evaluationStats({ groupBy: ['STATE', 'VERDICT', 'ACTIVITY', 'ORIGIN'] }))).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code(evaluationStats({ groupBy: ['VERDICT', 'VERDICT'] }))).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code(evaluationStats({ groupBy: ['REQUESTED_MONTH', 'REQUESTED_YEAR'] }))).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code(evaluationStats({ filter: { nomadId: nomad.nomadId } }))).toEqual(['BAD_USER_INPUT', 'filter.nomadId']);
    expect(await code(reportStats({ filter: { nomadId: nomad.nomadId } }))).toEqual(['BAD_USER_INPUT', 'filter.nomadId']);
    expect(await code(reportStats({ filter: { period: { year: 2026, quarter: 5 } } }))).toEqual(['BAD_USER_INPUT', 'filter.period']);
    expect(await code(reportStats({ groupBy: ['PERIOD_QUARTER', 'PERIOD_YEAR'] }))).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code(reportStats({ groupBy: ['FILED_MONTH', 'FILED_QUARTER'] }))).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code(caseStats({ groupBy: ['OPENED_MONTH', 'OPENED_YEAR'] }))).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code(caseStats({ measures: [] }))).toEqual(['BAD_USER_INPUT', 'measures']);
    expect(database.statementCount() - before).toBe(0);
  });

  it('no access record: statistics are not personal data', async () => {
    const records = async () => (await database.db.select({ n: count() }).from(schema.accessRecords))[0]?.n;
    const before = await records();
    await evaluationStats({ groupBy: ['ACTIVITY'] });
    await reportStats({ groupBy: ['LATE'] });
    await caseStats({ groupBy: ['STATE'] });
    expect(await records()).toBe(before);
  });
});

describe('laborAggregates, protected as statistics are', () => {
  const app = { clock: fixedClock('2026-11-24T06:00:00Z') };

  it('exact at k = 3 and base 1: small values withheld with the one the total would give them back by', async () => {
    const ctx = statisticsContext(database, analyst);
    const before = database.statementCount();
    const agg = await laborAggregates(ctx, app, exact(3));
    expect(database.statementCount() - before).toBe(4);
    expect(agg).toEqual({
      disclosure: exact(3),
      openCases: 8,
      closedCases: 3,
      // HIGH 2 under k; LOW 6 would give it back from the open cases (8).
      openCasesByRiskLevel: [
        { key: 'HIGH', suppressed: true, count: null },
        { key: 'LOW', suppressed: true, count: null },
      ],
      // ASSIGNED 1 and UNASSIGNED 1: together 2 < k, so CONCLUDED (14) is withheld too.
      evaluationsByState: [
        { key: 'ASSIGNED', suppressed: true, count: null },
        { key: 'CONCLUDED', suppressed: true, count: null },
        { key: 'UNASSIGNED', suppressed: true, count: null },
      ],
      // INSUFFICIENT_EVIDENCE 1 and NON_COMPLIANT 3: 1 is withheld, then NON_COMPLIANT with it (1 < k).
      verdicts: [
        { key: 'COMPLIANT', suppressed: false, count: 10 },
        { key: 'INSUFFICIENT_EVIDENCE', suppressed: true, count: null },
        { key: 'NON_COMPLIANT', suppressed: true, count: null },
      ],
      reportsFiled: 9,
      lateReports: 3,
      // One expert engaged: under k.
      engagedExperts: null,
    });
  });

  it('under labor’s rule value (the defaults): counts rounded to 5, under 5 withheld, still four statements', async () => {
    const before = database.statementCount();
    const agg = await laborAggregates(statisticsContext(database, officer), app);
    expect(database.statementCount() - before).toBe(4);
    expect(agg.disclosure).toEqual(DEFAULT_DISCLOSURE_RULES);
    // Open 8 → 10; closed 3 < 5: withheld, and open with it (the total would give it back).
    expect([agg.openCases, agg.closedCases]).toEqual([null, null]);
    // 9 reports → 10; late 3 withheld, on time (6) with it.
    expect([agg.reportsFiled, agg.lateReports]).toEqual([10, null]);
    // INSUFFICIENT_EVIDENCE 1 and NON_COMPLIANT 3 withheld add up to 4 < 5: COMPLIANT (10) goes with them.
    expect(agg.verdicts.map((v) => [v.key, v.suppressed, v.count])).toEqual([
      ['COMPLIANT', true, null],
      ['INSUFFICIENT_EVIDENCE', true, null],
      ['NON_COMPLIANT', true, null],
    ]);
  });

  it('FORBIDDEN to others', async () => {
    const err = await laborAggregates(statisticsContext(database, { sub: 'n', name: 'n', roles: ['nomad'], nomadId: null }), app).catch((e: unknown) => e as GraphQLError);
    expect((err as GraphQLError).extensions.code).toBe('FORBIDDEN');
  });
});
