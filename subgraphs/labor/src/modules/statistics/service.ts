import {
  analyticsRead,
  badUserInput,
  checkGroupBy,
  checkMeasures,
  discloseRecordsOverPeople,
  forbidden,
  hasRole,
  statementDisclosureRules,
  type DisclosedRow,
  type DisclosureRules,
  type MeasureDisclosure,
  type RawStatisticsRow,
} from '@nomad/kit';
import type { Context } from '../../context.ts';
import type { LaborDb } from '../../db/index.ts';
import type { EvaluationRow, MonitoringCaseRow } from '../../db/schema.ts';
import { quarterDates, type Quarter } from '../rules/service.ts';
import { checkQuarter } from '../reports/service.ts';
import {
  caseStatistics,
  evaluationStatistics,
  reportStatistics,
  type ActivityReportDimension,
  type EvaluationDimension,
  type MonitoringCaseDimension,
  type ReportValue,
} from './queries.ts';

const READERS = ['analyst', 'labor_officer'] as const;

/** A statistics answer as the SDL's `*Statistics` types read it. */
export interface StatisticsOut {
  disclosure: DisclosureRules;
  rows: DisclosedRow[];
  total: DisclosedRow;
}

/** How one kind of record's statistics are asked and protected. */
interface StatisticsSpec<M extends string, D extends string> {
  what: string;
  /** Each measure's field in a row (COUNT's is `records`: the row's count is its nomads, what k is applied to). */
  fieldOf: Record<M, string>;
  /** Each field's protection (durations and the non-compliant share only over `k` dated records or more; shares from the rounded counts). */
  disclosure: Readonly<Record<string, MeasureDisclosure>>;
  /** Sets of dimensions one inside the other (month, quarter, year of one date): one of each at a time. */
  nested: readonly (readonly D[])[];
}

/**
 * What every labor statistics field does, in order: readers only (FORBIDDEN), the arguments
 * checked before any SQL (BAD_USER_INPUT naming them; `filterOf` checks the filter), ONE
 * statement on the analysts' pool (ANALYTICS_TIMEOUT past its timeout) that also reads labor's
 * `statistics_disclosure` rule value, then those disclosure rules (`rulesOverride`: tests
 * only). Not personal data: no access record.
 */
async function answer<M extends string, D extends string, F>(
  ctx: Context,
  spec: StatisticsSpec<M, D>,
  args: { measures: readonly M[]; groupBy?: readonly D[] | null },
  rulesOverride: DisclosureRules | undefined,
  filterOf: () => F,
  run: (db: LaborDb, params: { filter: F; groupBy: D[] }) => Promise<RawStatisticsRow[]>,
): Promise<StatisticsOut> {
  if (!hasRole(ctx.principal, ...READERS)) throw forbidden(`${spec.what} statistics are for analysts and labor officers.`);
  const measures = checkMeasures(args.measures);
  const groupBy = checkGroupBy(args.groupBy ?? [], spec.nested);
  const filter = filterOf();
  const raw = await analyticsRead(ctx, (db) => run(db, { filter, groupBy }));
  const asked = new Set([...measures].map((m) => spec.fieldOf[m]));
  const rules = rulesOverride ?? statementDisclosureRules(raw);
  // COUNT is the records; the statement's row count (what k was applied to) is the nomads.
  return { disclosure: rules, ...discloseRecordsOverPeople(raw, { measures: spec.disclosure, asked, rules }) };
}

/** Statistics never look at one person. */
function refuseNomadId(filter: { nomadId?: string | null } | null | undefined): void {
  if (filter?.nomadId != null) throw badUserInput('Statistics never look at one nomad: leave out `filter.nomadId`.', 'filter.nomadId');
}

const DAYS = { kind: 'amount', basis: 'dated' } as const satisfies MeasureDisclosure;
const RECORDS = { kind: 'count' } as const satisfies MeasureDisclosure;

// ---------------------------------------------------------------- evaluations

export type EvaluationMeasure = 'COUNT' | 'MEDIAN_DAYS_TO_VERDICT' | 'P90_DAYS_TO_VERDICT' | 'AVERAGE_DAYS_TO_VERDICT' | 'NON_COMPLIANT_SHARE';

const EVALUATIONS: StatisticsSpec<EvaluationMeasure, EvaluationDimension> = {
  what: 'Evaluation',
  fieldOf: {
    COUNT: 'records',
    MEDIAN_DAYS_TO_VERDICT: 'medianDaysToVerdict',
    P90_DAYS_TO_VERDICT: 'p90DaysToVerdict',
    AVERAGE_DAYS_TO_VERDICT: 'averageDaysToVerdict',
    NON_COMPLIANT_SHARE: 'nonCompliantShare',
  },
  disclosure: {
    records: RECORDS,
    medianDaysToVerdict: DAYS,
    p90DaysToVerdict: DAYS,
    averageDaysToVerdict: DAYS,
    nonCompliantShare: { kind: 'share', numerator: 'nonCompliantCount', denominator: 'dated', basis: 'dated' },
  },
  nested: [['REQUESTED_MONTH', 'REQUESTED_QUARTER', 'REQUESTED_YEAR']],
};

export interface EvaluationStatisticsArgs {
  measures: EvaluationMeasure[];
  groupBy?: EvaluationDimension[] | null;
  filter?: { states?: EvaluationRow['state'][] | null; nomadId?: string | null } | null;
}

/** `evaluationStatistics`: evaluations by state, verdict, activity, origin and date, with days to verdict. */
export function getEvaluationStatistics(ctx: Context, args: EvaluationStatisticsArgs, rulesOverride?: DisclosureRules): Promise<StatisticsOut> {
  const filterOf = () => {
    refuseNomadId(args.filter);
    return { states: args.filter?.states ?? undefined };
  };
  return answer(ctx, EVALUATIONS, args, rulesOverride, filterOf, evaluationStatistics);
}

// ---------------------------------------------------------------- activity reports

export type ActivityReportMeasure = 'COUNT' | 'LATE_SHARE' | 'MEDIAN_DAYS_TO_FILING' | 'P90_DAYS_TO_FILING' | 'AVERAGE_DAYS_TO_FILING';

const REPORTS: StatisticsSpec<ActivityReportMeasure, ActivityReportDimension> = {
  what: 'Activity report',
  fieldOf: { COUNT: 'records', LATE_SHARE: 'lateShare', MEDIAN_DAYS_TO_FILING: 'medianDaysToFiling', P90_DAYS_TO_FILING: 'p90DaysToFiling', AVERAGE_DAYS_TO_FILING: 'averageDaysToFiling' },
  disclosure: { records: RECORDS, lateShare: { kind: 'share', numerator: 'lateCount', denominator: 'records' }, medianDaysToFiling: DAYS, p90DaysToFiling: DAYS, averageDaysToFiling: DAYS },
  nested: [
    ['PERIOD_QUARTER', 'PERIOD_YEAR'],
    ['FILED_MONTH', 'FILED_QUARTER', 'FILED_YEAR'],
  ],
};

export interface ActivityReportStatisticsArgs {
  measures: ActivityReportMeasure[];
  groupBy?: ActivityReportDimension[] | null;
  filter?: { nomadId?: string | null; period?: Quarter | null; late?: boolean | null } | null;
}

/** `activityReportStatistics`: reports by lateness, activity, the quarter reported and the filing's date. */
export function getActivityReportStatistics(ctx: Context, args: ActivityReportStatisticsArgs, rulesOverride?: DisclosureRules): Promise<StatisticsOut> {
  const filterOf = () => {
    refuseNomadId(args.filter);
    const period = args.filter?.period ?? undefined;
    if (period) checkQuarter(period, 'filter.period');
    // The quarter's first day does not depend on the rules (only its due day does): no statement to read them.
    return { periodStart: period ? quarterDates(period, { report_due_days: 0 }).startsOn : undefined, late: args.filter?.late ?? undefined };
  };
  // Only what was asked is computed: percentiles sort every group's reports.
  const asked = new Set(args.measures);
  const values = new Set<ReportValue>([
    ...(asked.has('LATE_SHARE') ? (['lateCount'] as const) : []),
    ...(['MEDIAN_DAYS_TO_FILING', 'P90_DAYS_TO_FILING', 'AVERAGE_DAYS_TO_FILING'] as const).some((m) => asked.has(m)) ? (['days'] as const) : [],
  ]);
  return answer(ctx, REPORTS, args, rulesOverride, filterOf, (db, params) => reportStatistics(db, { ...params, values }));
}

// ---------------------------------------------------------------- monitoring cases

export type MonitoringCaseMeasure = 'COUNT';

const CASES: StatisticsSpec<MonitoringCaseMeasure, MonitoringCaseDimension> = {
  what: 'Monitoring case',
  fieldOf: { COUNT: 'records' },
  disclosure: { records: RECORDS },
  nested: [['OPENED_MONTH', 'OPENED_QUARTER', 'OPENED_YEAR']],
};

export interface MonitoringCaseStatisticsArgs {
  measures: MonitoringCaseMeasure[];
  groupBy?: MonitoringCaseDimension[] | null;
  filter?: { states?: MonitoringCaseRow['state'][] | null; riskLevels?: MonitoringCaseRow['riskLevel'][] | null } | null;
}

/** `monitoringCaseStatistics`: cases by state, risk level and the month, quarter or year they were opened. */
export function getMonitoringCaseStatistics(ctx: Context, args: MonitoringCaseStatisticsArgs, rulesOverride?: DisclosureRules): Promise<StatisticsOut> {
  const filterOf = () => ({ states: args.filter?.states ?? undefined, riskLevels: args.filter?.riskLevels ?? undefined });
  return answer(ctx, CASES, args, rulesOverride, filterOf, caseStatistics);
}
