import { bishkekDateSql, calendarDimension, disclosureRuleSql, runGroupedStatistics, type GroupedStatement, type RawStatisticsRow } from '@nomad/kit';
import { sql, type SQL } from 'drizzle-orm';
import type { MigrationDb } from '../../db/index.ts';
import { applications, publicHolidays, ruleValues } from '../../db/schema.ts';
import { applicationConditions, AWAITING_DECISION, submittedOn, type ApplicationFilterParams } from '../applications/queries.ts';
import { calendarSql, applicantCitizenshipSql } from './dimensions.ts';

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
const decidedOn = bishkekDateSql(applications.decidedAt);

/** Each dimension's value, over the `applications` of the statement. */
const DIMENSION_SQL: Record<Dimension, SQL> = {
  CITIZENSHIP: applicantCitizenshipSql,
  ACTIVITY: sql`${applications.activityCode}`,
  STATE: sql`${applications.state}::text`,
  ...calendarSql(submittedOn, { month: 'SUBMITTED_MONTH', quarter: 'SUBMITTED_QUARTER', year: 'SUBMITTED_YEAR' }),
  DECIDED_MONTH: calendarDimension.month(decidedOn),
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

/**
 * Counts, duration percentiles and the overdue share of the applications `filter` matches,
 * per combination of `groupBy` and for all of them (grouping sets), in ONE statement. Values:
 * `count`, `decided` (approved or refused: those with a duration), `median`, `p90`, `average`,
 * `overdue` (the numerator of the overdue share, which the kit computes from the rounded counts).
 */
export function applicationStatisticsStatement(params: {
  filter: ApplicationFilterParams;
  groupBy: readonly Dimension[];
  duration: Duration | null;
}): GroupedStatement {
  const { groupBy, filter } = params;
  const days = params.duration ? DURATION_SQL[params.duration] : sql`null::int`;
  const decided = sql`${applications.state} in ('APPROVED', 'REFUSED') and ${applications.decidedAt} is not null`;
  const overdue = sql`${applications.state} in (${sql.join(
    AWAITING_DECISION.map((s) => sql`${s}`),
    sql`, `,
  )}) and ${applications.reviewDeadlineOn} < ${filter.today}::date`;
  const where = applicationConditions(filter);
  return {
    dimensions: groupBy.map((d) => ({ column: DIMENSION_COLUMN[d], value: DIMENSION_SQL[d] })),
    inputs: [sql`case when ${decided} then ${days} end as days`, sql`(${overdue}) as overdue`],
    from: sql`from ${applications} ${where ? sql`where ${where}` : sql``}`,
    aggregates: {
      count: sql`count(*)::int`,
      decided: sql`count(x.days)::int`,
      median: sql`percentile_cont(0.5) within group (order by x.days)`,
      p90: sql`percentile_cont(0.9) within group (order by x.days)`,
      average: sql`avg(x.days)::float8`,
      overdue: sql`count(*) filter (where x.overdue)::int`,
    },
    rules: disclosureRuleSql(ruleValues),
  };
}

/** Runs {@link applicationStatisticsStatement}: one row per group, then the total. */
export function applicationStatistics(db: MigrationDb, params: Parameters<typeof applicationStatisticsStatement>[0]): Promise<RawStatisticsRow[]> {
  return runGroupedStatistics(db, applicationStatisticsStatement(params));
}
