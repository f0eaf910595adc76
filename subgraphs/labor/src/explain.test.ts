import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@nomad/kit';
import { bigTableSeqScans, openExplainProgram, type ExplainCase, type ExplainProgram } from '@nomad/kit/testing';
import { schema, type LaborDb, type LaborSchema } from './db/index.ts';
import type { EvaluationFilterParams } from './modules/evaluations/queries.ts';
import type { CaseFilterParams } from './modules/monitoring/queries.ts';
import type { ReportFilterParams } from './modules/reports/queries.ts';
import {
  caseStatistics,
  evaluationStatistics,
  reportStatistics,
  type ActivityReportDimension,
  type EvaluationDimension,
  type MonitoringCaseDimension,
  type ReportValue,
} from './modules/statistics/queries.ts';
import { laborProgramSeeder } from './seed/large.ts';

// Issue 16: on a program large enough for realistic plans (10,000 nomads over ten years, as
// `npm run seed:large` writes it, ANALYZEd), no statement of a documented filter and grouping of
// labor's statistics reads the big tables with a sequential scan. Analysts have no list in
// labor (never a case, report or evaluation): the statistics are all they read, with
// `laborAggregates`' counts over the whole program. The statements are the query functions' own
// (captured as they are sent), EXPLAINed without running.

const TODAY = '2026-11-24';
const NOMADS = 10_000;
const BIG_TABLES = ['activity_reports', 'case_actions', 'monitoring_cases', 'evaluations'];

let program: ExplainProgram<LaborSchema>;
let database: Database<LaborSchema>;

beforeAll(async () => {
  program = await openExplainProgram({ seeder: laborProgramSeeder, schema, today: TODAY, nomads: NOMADS });
  database = program.database;
}, 240_000);
afterAll(async () => {
  await program?.drop();
});

/**
 * One selective value per documented filter, as an analyst narrows a question: a quarter of
 * reports (late ones within it), concluded evaluations, cases at HIGH risk. A whole state of
 * cases (OPEN, CLOSED) or lateness alone is a large share of the program, which the planner
 * rightly reads whole to aggregate it.
 */
const Q2_2026 = '2026-04-01';
const REPORT_FILTERS: Record<string, ReportFilterParams> = {
  period: { periodStart: Q2_2026 },
  'late in a quarter': { periodStart: Q2_2026, late: true },
};
const EVALUATION_FILTERS: Record<string, EvaluationFilterParams> = {
  states: { states: ['CONCLUDED'] },
};
const CASE_FILTERS: Record<string, CaseFilterParams> = {
  riskLevels: { riskLevels: ['HIGH'] },
  'states and riskLevels': { states: ['OPEN'], riskLevels: ['HIGH', 'MEDIUM'] },
};
/** Every dimension at least once, alone and crossed. */
const REPORT_GROUPINGS: ActivityReportDimension[][] = [[], ['LATE'], ['PERIOD_QUARTER', 'LATE'], ['ACTIVITY', 'FILED_MONTH'], ['PERIOD_YEAR', 'FILED_QUARTER'], ['FILED_YEAR', 'ACTIVITY']];
const EVALUATION_GROUPINGS: EvaluationDimension[][] = [[], ['VERDICT', 'ACTIVITY'], ['STATE', 'REQUESTED_MONTH'], ['ORIGIN', 'REQUESTED_QUARTER'], ['REQUESTED_YEAR', 'CONCLUDED_MONTH']];
const CASE_GROUPINGS: MonitoringCaseDimension[][] = [[], ['STATE', 'RISK_LEVEL'], ['OPENED_MONTH'], ['OPENED_QUARTER', 'RISK_LEVEL'], ['OPENED_YEAR']];
/** What a report statement computes changes its shape: counts only, the late share, the days (percentiles). */
const REPORT_VALUES: Record<string, ReportValue[]> = { counts: [], 'late share': ['lateCount'], days: ['lateCount', 'days'] };

const cases = <F, D extends string>(field: string, filters: Record<string, F>, groupings: D[][], run: (db: LaborDb, filter: F, groupBy: D[]) => Promise<unknown>) =>
  Object.entries(filters).flatMap(([name, filter]): ExplainCase<LaborDb>[] =>
    groupings.map((groupBy) => ({ name: `${field}(filter: ${name}, groupBy: [${groupBy.join(', ')}])`, run: (db: LaborDb) => run(db, filter, groupBy), bigTables: BIG_TABLES })),
  );

const CASES: ExplainCase<LaborDb>[] = [
  ...Object.entries(REPORT_VALUES).flatMap(([what, values]) =>
    cases(`activityReportStatistics ${what}`, REPORT_FILTERS, REPORT_GROUPINGS, (db, filter, groupBy) => reportStatistics(db, { filter, groupBy, values: new Set(values) })),
  ),
  // Unfiltered, by quarter and lateness (the documented question): read in the index's order.
  { name: 'activityReportStatistics(groupBy: [PERIOD_QUARTER, LATE]) late share', run: (db) => reportStatistics(db, { filter: {}, groupBy: ['PERIOD_QUARTER', 'LATE'], values: new Set(['lateCount']) }), bigTables: BIG_TABLES },
  ...cases('evaluationStatistics', EVALUATION_FILTERS, EVALUATION_GROUPINGS, (db, filter, groupBy) => evaluationStatistics(db, { filter, groupBy })),
  ...cases('monitoringCaseStatistics', CASE_FILTERS, CASE_GROUPINGS, (db, filter, groupBy) => caseStatistics(db, { filter, groupBy })),
];

describe('labor on a large program: every documented filter and grouping uses an index', () => {
  it('has a program and cases to explain', async () => {
    expect(CASES.length).toBeGreaterThan(40);
    const [row] = await database.client<{ n: number }[]>`select count(*)::int as n from labor.activity_reports`;
    expect(row?.n).toBeGreaterThan(NOMADS);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: no Seq Scan on a big table', async (_name, c) => {
    const statements = await bigTableSeqScans(database.client, schema, c);
    expect(statements.length).toBe(1);
    for (const { sql, scanned } of statements) expect(scanned, sql).toEqual([]);
  });
});
