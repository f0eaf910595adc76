import { bishkekDateSql, calendarDimension, disclosureRuleSql, runGroupedStatistics, type GroupedStatement, type RawStatisticsRow } from '@nomad/kit';
import { sql, type SQL } from 'drizzle-orm';
import type { LaborDb } from '../../db/index.ts';
import { activityReports, evaluations, monitoringCases, ruleValues } from '../../db/schema.ts';
import { evaluationWhere, type EvaluationFilterParams } from '../evaluations/queries.ts';
import { caseWhere, type CaseFilterParams } from '../monitoring/queries.ts';
import { reportWhere, type ReportFilterParams } from '../reports/queries.ts';

/** A dimension of one kind of record: the result column it fills (its key in a row) and its SQL value. */
interface DimensionSpec {
  column: string;
  value: SQL;
}

const fromWhere = (table: SQL, where: SQL | undefined) => sql`from ${table} ${where ? sql`where ${where}` : sql``}`;
const dimensionsOf = <D extends string>(specs: Record<D, DimensionSpec>, groupBy: readonly D[]) => groupBy.map((d) => specs[d]);

/** Labor's `statistics_disclosure` rule value, read in each statement itself (one statement per request). */
const RULES = disclosureRuleSql(ruleValues);

/**
 * What `k` is applied to: the nomads of a group, not its records (a nomad files a report every
 * quarter: five reports can be one nomad), as tax counts taxpayers. Over the `nomadId` input.
 */
const PEOPLE = sql`count(distinct x."nomadId")`;

/** The COUNT measure: the row's records (`records`; the row's own count is its nomads). */
const RECORDS = sql`count(*)::int`;

/**
 * Median, 90th percentile and mean of `x.days`, named `median<What>`, `p90<What>`,
 * `average<What>`, and how many records have one (`dated`: the basis of the three).
 */
const daysAggregates = <W extends string>(what: W) => ({
  dated: sql`count(x.days)::int`,
  [`median${what}`]: sql`percentile_cont(0.5) within group (order by x.days)`,
  [`p90${what}`]: sql`percentile_cont(0.9) within group (order by x.days)`,
  [`average${what}`]: sql`avg(x.days)::float8`,
});

// ---------------------------------------------------------------- evaluations

export type EvaluationDimension = 'STATE' | 'VERDICT' | 'ACTIVITY' | 'ORIGIN' | 'REQUESTED_MONTH' | 'REQUESTED_QUARTER' | 'REQUESTED_YEAR' | 'CONCLUDED_MONTH';

const requestedOn = bishkekDateSql(evaluations.requestedAt);
const concludedOn = bishkekDateSql(evaluations.concludedAt);

export const EVALUATION_DIMENSIONS: Record<EvaluationDimension, DimensionSpec> = {
  STATE: { column: 'state', value: sql`${evaluations.state}::text` },
  VERDICT: { column: 'verdict', value: sql`${evaluations.verdict}::text` },
  ACTIVITY: { column: 'activityCode', value: sql`${evaluations.activityCode}` },
  ORIGIN: { column: 'origin', value: sql`${evaluations.origin}::text` },
  REQUESTED_MONTH: { column: 'requestedMonth', value: calendarDimension.month(requestedOn) },
  REQUESTED_QUARTER: { column: 'requestedQuarter', value: calendarDimension.quarter(requestedOn) },
  REQUESTED_YEAR: { column: 'requestedYear', value: calendarDimension.year(requestedOn) },
  CONCLUDED_MONTH: { column: 'concludedMonth', value: calendarDimension.month(concludedOn) },
};

/**
 * Evaluations per combination of `groupBy` and in total, in ONE statement; the row's count is
 * its nomads. Values: `records`, `dated` (concluded: those with days to verdict),
 * `medianDaysToVerdict`, `p90DaysToVerdict`, `averageDaysToVerdict` (calendar days from the
 * request's day to the verdict's), `nonCompliantCount` (of the concluded: the share's numerator).
 */
export function evaluationStatisticsStatement(params: { filter: EvaluationFilterParams; groupBy: readonly EvaluationDimension[] }): GroupedStatement {
  const concluded = sql`${evaluations.state} = 'CONCLUDED' and ${evaluations.concludedAt} is not null`;
  return {
    dimensions: dimensionsOf(EVALUATION_DIMENSIONS, params.groupBy),
    inputs: [
      sql`${evaluations.nomadId} as "nomadId"`,
      sql`case when ${concluded} then ${concludedOn} - ${requestedOn} end as days`,
      sql`case when ${concluded} then ${evaluations.verdict} = 'NON_COMPLIANT' end as "nonCompliant"`,
    ],
    from: fromWhere(sql`${evaluations}`, evaluationWhere(params.filter)),
    people: PEOPLE,
    aggregates: { records: RECORDS, ...daysAggregates('DaysToVerdict'), nonCompliantCount: sql`count(*) filter (where x."nonCompliant")::int` },
    rules: RULES,
  };
}

export function evaluationStatistics(db: LaborDb, params: Parameters<typeof evaluationStatisticsStatement>[0]): Promise<RawStatisticsRow[]> {
  return runGroupedStatistics(db, evaluationStatisticsStatement(params));
}

// ---------------------------------------------------------------- activity reports

export type ActivityReportDimension = 'LATE' | 'ACTIVITY' | 'PERIOD_QUARTER' | 'PERIOD_YEAR' | 'FILED_MONTH' | 'FILED_QUARTER' | 'FILED_YEAR';

const filedOn = bishkekDateSql(activityReports.filedAt);

export const REPORT_DIMENSIONS: Record<ActivityReportDimension, DimensionSpec> = {
  LATE: { column: 'late', value: sql`${activityReports.late}` },
  ACTIVITY: { column: 'activityCode', value: sql`${activityReports.activityCode}` },
  PERIOD_QUARTER: { column: 'periodQuarter', value: calendarDimension.quarter(sql`${activityReports.periodStart}`) },
  PERIOD_YEAR: { column: 'periodYear', value: calendarDimension.year(sql`${activityReports.periodStart}`) },
  FILED_MONTH: { column: 'filedMonth', value: calendarDimension.month(filedOn) },
  FILED_QUARTER: { column: 'filedQuarter', value: calendarDimension.quarter(filedOn) },
  FILED_YEAR: { column: 'filedYear', value: calendarDimension.year(filedOn) },
};

/**
 * Activity reports per combination of `groupBy` and in total, in ONE statement; the row's count
 * is its nomads. Values: `records`, `lateCount` (the late share's numerator), and `medianDaysToFiling`, `p90DaysToFiling`, `averageDaysToFiling` of the calendar days from the quarter's last day
 * to the day of filing (`dated`: every report).
 */
export function reportStatisticsStatement(params: { filter: ReportFilterParams; groupBy: readonly ActivityReportDimension[] }): GroupedStatement {
  return {
    dimensions: dimensionsOf(REPORT_DIMENSIONS, params.groupBy),
    inputs: [sql`${activityReports.nomadId} as "nomadId"`, sql`${filedOn} - ${activityReports.periodEnd} as days`, sql`${activityReports.late} as late_`],
    from: fromWhere(sql`${activityReports}`, reportWhere(params.filter)),
    people: PEOPLE,
    aggregates: { records: RECORDS, ...daysAggregates('DaysToFiling'), lateCount: sql`count(*) filter (where x.late_)::int` },
    rules: RULES,
  };
}

export function reportStatistics(db: LaborDb, params: Parameters<typeof reportStatisticsStatement>[0]): Promise<RawStatisticsRow[]> {
  return runGroupedStatistics(db, reportStatisticsStatement(params));
}

// ---------------------------------------------------------------- monitoring cases

export type MonitoringCaseDimension = 'STATE' | 'RISK_LEVEL' | 'OPENED_MONTH' | 'OPENED_QUARTER' | 'OPENED_YEAR';

const openedOn = sql`${monitoringCases.openedOn}`;

export const CASE_DIMENSIONS: Record<MonitoringCaseDimension, DimensionSpec> = {
  STATE: { column: 'state', value: sql`${monitoringCases.state}::text` },
  RISK_LEVEL: { column: 'riskLevel', value: sql`${monitoringCases.riskLevel}::text` },
  OPENED_MONTH: { column: 'openedMonth', value: calendarDimension.month(openedOn) },
  OPENED_QUARTER: { column: 'openedQuarter', value: calendarDimension.quarter(openedOn) },
  OPENED_YEAR: { column: 'openedYear', value: calendarDimension.year(openedOn) },
};

/** Monitoring cases per combination of `groupBy` and in total, in ONE statement: `records`; the row's count is its nomads. */
export function caseStatisticsStatement(params: { filter: CaseFilterParams; groupBy: readonly MonitoringCaseDimension[] }): GroupedStatement {
  return {
    dimensions: dimensionsOf(CASE_DIMENSIONS, params.groupBy),
    inputs: [sql`${monitoringCases.nomadId} as "nomadId"`],
    from: fromWhere(sql`${monitoringCases}`, caseWhere(params.filter)),
    people: PEOPLE,
    aggregates: { records: RECORDS },
    rules: RULES,
  };
}

export function caseStatistics(db: LaborDb, params: Parameters<typeof caseStatisticsStatement>[0]): Promise<RawStatisticsRow[]> {
  return runGroupedStatistics(db, caseStatisticsStatement(params));
}
