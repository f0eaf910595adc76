import { sql, type SQL } from 'drizzle-orm';
import type { MigrationDb } from '../../db/index.ts';
import { applications, nomads, publicHolidays } from '../../db/schema.ts';
import { applicationConditions, AWAITING_DECISION, submittedOn, type ApplicationFilterParams, type ApplicationState } from '../applications/queries.ts';

export type Dimension = 'CITIZENSHIP' | 'ACTIVITY' | 'STATE' | 'SUBMITTED_MONTH' | 'SUBMITTED_QUARTER' | 'SUBMITTED_YEAR' | 'DECIDED_MONTH';
export type Duration = 'WORKING_DAYS_TO_DECISION' | 'CALENDAR_DAYS_TO_DECISION';

/** The result column each dimension fills (also its key in a row). */
export const DIMENSION_COLUMN = {
  CITIZENSHIP: 'citizenship',
  ACTIVITY: 'activityCode',
  STATE: 'state',
  SUBMITTED_MONTH: 'submittedMonth',
  SUBMITTED_QUARTER: 'submittedQuarter',
  SUBMITTED_YEAR: 'submittedYear',
  DECIDED_MONTH: 'decidedMonth',
} as const satisfies Record<Dimension, string>;

/** The Bishkek calendar date of the decision. */
const decidedOn = sql`(${applications.decidedAt} at time zone 'Asia/Bishkek')::date`;

/** Each dimension's value, over the `applications` and `nomads` of the statement. */
const DIMENSION_SQL: Record<Dimension, SQL> = {
  CITIZENSHIP: sql`${nomads.citizenship}::text`,
  ACTIVITY: sql`${applications.activityCode}`,
  STATE: sql`${applications.state}::text`,
  SUBMITTED_MONTH: sql`to_char(${submittedOn}, 'YYYY-MM')`,
  SUBMITTED_QUARTER: sql`to_char(${submittedOn}, 'YYYY-"Q"Q')`,
  SUBMITTED_YEAR: sql`extract(year from ${submittedOn})::int`,
  DECIDED_MONTH: sql`to_char(${decidedOn}, 'YYYY-MM')`,
};

/**
 * Working days after the submission day up to and including the decision day: weekdays that
 * are not in `public_holidays`, the table the review deadline's `addWorkingDays` skips. So a
 * decision on the deadline of an N-working-day review counts N, and one on the day of
 * submission 0.
 */
const workingDays = sql`(
  select count(*)::int
  from generate_series(${submittedOn} + 1, ${decidedOn}, interval '1 day') as g(day)
  where extract(isodow from g.day) < 6
    and not exists (select 1 from ${publicHolidays} where ${publicHolidays.day} = g.day::date)
)`;

const DURATION_SQL: Record<Duration, SQL> = {
  WORKING_DAYS_TO_DECISION: workingDays,
  CALENDAR_DAYS_TO_DECISION: sql`(${decidedOn} - ${submittedOn})`,
};

/** One result row: the dimension columns asked for, then the measures of the group. */
/**
 * A row's dimension values, as GraphQL's ApplicationStatisticsRow has them: each as its
 * DIMENSION_SQL selects it (the year an int, the rest text), absent when not grouped by it.
 */
export interface StatisticsDimensions {
  citizenship?: string | null;
  activityCode?: string | null;
  state?: ApplicationState | null;
  submittedMonth?: string | null;
  submittedQuarter?: string | null;
  submittedYear?: number | null;
  decidedMonth?: string | null;
}

export interface StatisticsRow {
  /** True for the row of every application the filter matches (grouping set `()`). */
  isTotal: boolean;
  dimensions: StatisticsDimensions;
  count: number;
  /** Applications of the group approved or refused (those with a duration). */
  decided: number;
  median: number | null;
  p90: number | null;
  average: number | null;
  overdueShare: number;
}

/**
 * Counts, duration percentiles and the overdue share of the applications `filter` matches,
 * per combination of `groupBy` and for all of them (grouping sets), in ONE statement.
 */
export async function applicationStatistics(
  db: MigrationDb,
  params: { filter: ApplicationFilterParams; groupBy: readonly Dimension[]; duration: Duration | null },
): Promise<StatisticsRow[]> {
  const { groupBy, filter } = params;
  const columns = groupBy.map((d) => sql.raw(`"${DIMENSION_COLUMN[d]}"`));
  const days = params.duration ? DURATION_SQL[params.duration] : sql`null::int`;
  const decided = sql`${applications.state} in ('APPROVED', 'REFUSED') and ${applications.decidedAt} is not null`;
  const overdue = sql`${applications.state} in (${sql.join(
    AWAITING_DECISION.map((s) => sql`${s}`),
    sql`, `,
  )}) and ${applications.reviewDeadlineOn} < ${filter.today}::date`;
  const where = applicationConditions(filter);
  const dimensionSelect = groupBy.length > 0 ? sql`${sql.join(groupBy.map((d, i) => sql`${DIMENSION_SQL[d]} as ${columns[i]}`), sql`, `)}, ` : sql``;
  const isTotal = groupBy.length > 0 ? sql`grouping(${columns[0]}) = 1` : sql`true`;
  const groupBySql = groupBy.length > 0 ? sql`group by grouping sets ((${sql.join(columns, sql`, `)}), ())` : sql``;
  const orderBy = sql`order by ${sql.join([sql`"isTotal"`, ...columns.map((c) => sql`${c} nulls last`)], sql`, `)}`;
  // The dimensions and the duration are computed per application in a subquery, so the
  // grouping sets name plain columns.
  const rows = await db.execute<Record<string, unknown>>(sql`
    select ${groupBy.length > 0 ? sql`${sql.join(columns, sql`, `)}, ` : sql``}
      ${isTotal} as "isTotal",
      count(*)::int as "count",
      count(x.days)::int as "decided",
      percentile_cont(0.5) within group (order by x.days) as "median",
      percentile_cont(0.9) within group (order by x.days) as "p90",
      avg(x.days)::float8 as "average",
      avg(case when x.overdue then 1 else 0 end)::float8 as "overdueShare"
    from (
      select ${dimensionSelect}
        case when ${decided} then ${days} end as days,
        (${overdue}) as overdue
      from ${applications}
      join ${nomads} on ${nomads.id} = ${applications.nomadId}
      ${where ? sql`where ${where}` : sql``}
    ) as x
    ${groupBySql}
    ${orderBy}
  `);
  return rows.map((r) => ({
    isTotal: r.isTotal === true,
    // The SQL boundary: each column is the type DIMENSION_SQL casts it to.
    dimensions: Object.fromEntries(groupBy.map((d) => [DIMENSION_COLUMN[d], r[DIMENSION_COLUMN[d]] ?? null])),
    count: Number(r.count),
    decided: Number(r.decided),
    median: r.median == null ? null : Number(r.median),
    p90: r.p90 == null ? null : Number(r.p90),
    average: r.average == null ? null : Number(r.average),
    overdueShare: Number(r.overdueShare ?? 0),
  }));
}
