import { bishkekDateSql, calendarDimension, DISCLOSURE_BOUNDS, disclosureRuleSql, runGroupedStatistics, type GroupedStatement, type RawStatisticsRow } from '@nomad/kit';
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

/**
 * The nomads of the total: distinct nomads among the records `where` matches, counted up to one
 * more than k can ever be ({@link DISCLOSURE_BOUNDS}): the total's count is only ever compared
 * with k, and stopping there reads a few index entries, not a sort of every record's nomad.
 */
function totalNomads(table: SQL, nomadColumn: SQL, where: SQL | undefined): SQL {
  const enough = DISCLOSURE_BOUNDS.minCellSize.max + 1;
  return sql`(select count(*) from (select distinct ${nomadColumn} from ${table} ${where ? sql`where ${where}` : sql``} limit ${sql.raw(String(enough))}) as nomads)`;
}

/**
 * `people` when each row of `x` is one nomad of its group (one record per nomad and group, or
 * records reduced to one row per nomad and group): `count(*)`, and the total's {@link totalNomads}.
 */
function peopleOfRows(dimensions: readonly DimensionSpec[], total: SQL): SQL {
  const [first] = dimensions;
  if (!first) return total;
  return sql`case when grouping(${sql.raw(`"${first.column}"`)}) = 1 then ${total} else count(*) end`;
}

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

/**
 * PERIOD_QUARTER's value is the quarter's first day (`period_start`, a date, always a quarter's
 * first day: `activity_reports_period_quarter`): grouping by the column itself reads it from
 * the `(period_start, late)` index in order, where `to_char` of 770,000 rows took seconds.
 * {@link reportStatistics} writes it `YYYY-Qn`.
 */
export const REPORT_DIMENSIONS: Record<ActivityReportDimension, DimensionSpec> = {
  LATE: { column: 'late', value: sql`${activityReports.late}` },
  ACTIVITY: { column: 'activityCode', value: sql`${activityReports.activityCode}` },
  PERIOD_QUARTER: { column: 'periodQuarter', value: sql`${activityReports.periodStart}` },
  PERIOD_YEAR: { column: 'periodYear', value: calendarDimension.year(sql`${activityReports.periodStart}`) },
  FILED_MONTH: { column: 'filedMonth', value: calendarDimension.month(filedOn) },
  FILED_QUARTER: { column: 'filedQuarter', value: calendarDimension.quarter(filedOn) },
  FILED_YEAR: { column: 'filedYear', value: calendarDimension.year(filedOn) },
};

/** The report measures' values: what a statement computes (`records` always; the rest only when asked). */
export type ReportValue = 'lateCount' | 'days';

/**
 * Activity reports per combination of `groupBy` and in total, in ONE statement; the row's count
 * is its nomads. Values: `records`; `lateCount` (the late share's numerator) when `values` has
 * it; with `days`, `medianDaysToFiling`, `p90DaysToFiling`, `averageDaysToFiling` of the
 * calendar days from the quarter's last day to the day of filing (`dated`: every report).
 *
 * How the nomads are counted decides the cost on a large program (770,000 reports):
 * - a nomad files one report a quarter, so grouped by PERIOD_QUARTER each row holds one report
 *   per nomad: its nomads are its records (`count(*)`, hashed or read in index order);
 * - otherwise, without days, the reports are first reduced to one row per nomad and group
 *   (`count(*)` of those rows is the group's nomads, no `count(distinct)` sorting every group);
 * - with days (percentiles need every report), `count(distinct)` over the reports.
 * The total's nomads come from {@link totalNomads}.
 */
export function reportStatisticsStatement(params: {
  filter: ReportFilterParams;
  groupBy: readonly ActivityReportDimension[];
  values?: ReadonlySet<ReportValue>;
}): GroupedStatement {
  const values = params.values ?? new Set<ReportValue>(['lateCount', 'days']);
  const where = reportWhere(params.filter);
  const specs = dimensionsOf(REPORT_DIMENSIONS, params.groupBy);
  const late = values.has('lateCount') ? { lateCount: sql`count(*) filter (where x.late_)::int` } : {};
  const total = totalNomads(sql`${activityReports}`, sql`${activityReports.nomadId}`, where);
  if (values.has('days')) {
    return {
      dimensions: specs,
      inputs: [sql`${activityReports.nomadId} as "nomadId"`, sql`${filedOn} - ${activityReports.periodEnd} as days`, sql`${activityReports.late} as late_`],
      from: fromWhere(sql`${activityReports}`, where),
      people: PEOPLE,
      aggregates: { records: RECORDS, ...daysAggregates('DaysToFiling'), ...late },
      rules: RULES,
    };
  }
  if (params.groupBy.includes('PERIOD_QUARTER')) {
    return {
      dimensions: specs,
      inputs: [sql`${activityReports.late} as late_`],
      from: fromWhere(sql`${activityReports}`, where),
      people: peopleOfRows(specs, total),
      aggregates: { records: RECORDS, ...late },
      rules: RULES,
    };
  }
  // One row per nomad and group: its reports (`n`) and late ones (`late_n`).
  const keys = specs.map((d, i) => sql`${d.value} as ${sql.raw(`"k${i}"`)}`);
  const perNomad = sql`(select ${sql.join([...keys, sql`${activityReports.nomadId} as "nomadId"`, sql`count(*) as n`, sql`count(*) filter (where ${activityReports.late}) as late_n`], sql`, `)}
    from ${activityReports} ${where ? sql`where ${where}` : sql``}
    group by ${sql.join([...specs.map((_, i) => sql.raw(String(i + 1))), sql.raw(String(specs.length + 1))], sql`, `)}) as per_nomad`;
  return {
    dimensions: specs.map((d, i) => ({ column: d.column, value: sql.raw(`per_nomad."k${i}"`) })),
    inputs: [sql`per_nomad.n as n`, sql`per_nomad.late_n as late_n`],
    from: sql`from ${perNomad}`,
    people: peopleOfRows(specs, total),
    aggregates: { records: sql`sum(x.n)::int`, ...(values.has('lateCount') ? { lateCount: sql`sum(x.late_n)::int` } : {}) },
    rules: RULES,
  };
}

const quarterOf = (day: unknown) => {
  if (typeof day !== 'string') return day;
  const [year, month] = day.split('-');
  return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`;
};

export async function reportStatistics(db: LaborDb, params: Parameters<typeof reportStatisticsStatement>[0]): Promise<RawStatisticsRow[]> {
  const rows = await runGroupedStatistics(db, reportStatisticsStatement(params));
  if (!params.groupBy.includes('PERIOD_QUARTER')) return rows;
  return rows.map((r) => ({ ...r, dimensions: { ...r.dimensions, periodQuarter: quarterOf(r.dimensions.periodQuarter) } }));
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

/**
 * Monitoring cases per combination of `groupBy` and in total, in ONE statement: `records`; the
 * row's count is its nomads, which are its cases (one case per nomad: `monitoring_cases_nomad_key`),
 * so a plain `count(*)` that PostgreSQL may hash.
 */
export function caseStatisticsStatement(params: { filter: CaseFilterParams; groupBy: readonly MonitoringCaseDimension[] }): GroupedStatement {
  return {
    dimensions: dimensionsOf(CASE_DIMENSIONS, params.groupBy),
    inputs: [],
    from: fromWhere(sql`${monitoringCases}`, caseWhere(params.filter)),
    aggregates: { records: RECORDS },
    rules: RULES,
  };
}

export function caseStatistics(db: LaborDb, params: Parameters<typeof caseStatisticsStatement>[0]): Promise<RawStatisticsRow[]> {
  return runGroupedStatistics(db, caseStatisticsStatement(params));
}
