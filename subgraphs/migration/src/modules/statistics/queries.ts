import { bishkekDateSql, calendarDimension, disclosureRuleSql, runGroupedStatistics, type GroupedStatement, type RawStatisticsRow } from '@nomad/kit';
import { sql, type SQL } from 'drizzle-orm';
import type { MigrationDb } from '../../db/index.ts';
import { applications, nomads, publicHolidays, ruleValues } from '../../db/schema.ts';
import { applicationConditions, AWAITING_DECISION, submittedOn, type ApplicationFilterParams } from '../applications/queries.ts';
import { applicantCitizenshipSql, calendarSql, citizenshipSql } from './dimensions.ts';

export type Dimension = 'CITIZENSHIP' | 'ACTIVITY' | 'STATE' | 'SUBMITTED_MONTH' | 'SUBMITTED_QUARTER' | 'SUBMITTED_YEAR' | 'DECIDED_MONTH' | 'DECIDING_UNIT';
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
  DECIDING_UNIT: 'decidingUnit',
} as const satisfies Record<Dimension, string>;

/** The Bishkek calendar date of the decision. */
const decidedOn = bishkekDateSql(applications.decidedAt);

/** Each dimension's value, over the `applications` of the statement. */
const DIMENSION_SQL: Record<Dimension, SQL> = {
  CITIZENSHIP: citizenshipSql,
  ACTIVITY: sql`${applications.activityCode}`,
  STATE: sql`${applications.state}::text`,
  ...calendarSql(submittedOn, { month: 'SUBMITTED_MONTH', quarter: 'SUBMITTED_QUARTER', year: 'SUBMITTED_YEAR' }),
  DECIDED_MONTH: calendarDimension.month(decidedOn),
  DECIDING_UNIT: sql`${applications.decidedUnit}`,
};

/**
 * Working days after the submission day up to and including the decision day: weekdays that
 * are not in `public_holidays`, the table the review deadline's `addWorkingDays` skips. So a
 * decision on the deadline of an N-working-day review counts N, and one on the day of
 * submission 0.
 *
 * Read from a calendar, not counted per application: each day from the first submission or
 * decision to the last (index ends of `applications_submitted_on_idx` and
 * `applications_decided_on_idx`) with its working-day number (working days up to and including
 * it), joined twice by day: the duration is the decision day's number minus the submission
 * day's (a few thousand days, however many applications).
 */
const workingDayCalendar = (alias: string) => sql`left join (
  select g.day::date as day, (count(*) filter (where extract(isodow from g.day) < 6 and h.day is null) over (order by g.day))::int as number
  from generate_series(
    (select least(min(${submittedOn}), min(${decidedOn})) from ${applications})::timestamp,
    (select greatest(max(${submittedOn}), max(${decidedOn})) from ${applications})::timestamp,
    interval '1 day') as g(day)
  left join ${publicHolidays} h on h.day = g.day::date
) as ${sql.raw(alias)}`;

const workingDays = sql`greatest(wd_decided.number - wd_submitted.number, 0)`;

const DURATION_SQL: Record<Duration, SQL> = {
  WORKING_DAYS_TO_DECISION: workingDays,
  CALENDAR_DAYS_TO_DECISION: sql`(${decidedOn} - ${submittedOn})`,
};

/** Each value a row can hold, over the per-application subquery `x`. */
const APPLICATION_AGGREGATES = {
  applications: sql`count(*)::int`,
  decidedPeople: sql`(count(distinct x."nomadId") filter (where x.days is not null))::int`,
  median: sql`percentile_cont(0.5) within group (order by x.days)`,
  p90: sql`percentile_cont(0.9) within group (order by x.days)`,
  average: sql`avg(x.days)::float8`,
  overdue: sql`count(*) filter (where x.overdue)::int`,
} as const satisfies Record<string, SQL>;
export type ApplicationStatisticsValue = keyof typeof APPLICATION_AGGREGATES;

/** Whether `name` is one of the values the statement can compute. */
export const isApplicationStatisticsValue = (name: string | undefined): name is ApplicationStatisticsValue => name !== undefined && Object.hasOwn(APPLICATION_AGGREGATES, name);

/**
 * Counts, duration percentiles and the overdue share of the applications `filter` matches,
 * per combination of `groupBy` and for all of them (grouping sets), in ONE statement. The row's
 * count (what k is applied to) is its applicants; values: `applications`, `decidedPeople` (the
 * applicants of those approved or refused: those with a duration), `median`, `p90`,
 * `average`, `overdue` (the numerator of the overdue share, which the kit computes from the
 * rounded counts).
 */
export function applicationStatisticsStatement(params: {
  filter: ApplicationFilterParams;
  groupBy: readonly Dimension[];
  duration: Duration | null;
  /**
   * The values to compute (default all): each distinct count and percentile sorts its group's
   * records, so an answer of counts alone does not pay for the durations.
   */
  values?: ReadonlySet<ApplicationStatisticsValue>;
}): GroupedStatement {
  const { groupBy, filter } = params;
  const days = params.duration ? DURATION_SQL[params.duration] : sql`null::int`;
  const decided = sql`${applications.state} in ('APPROVED', 'REFUSED') and ${applications.decidedAt} is not null`;
  const overdue = sql`${applications.state} in (${sql.join(
    AWAITING_DECISION.map((s) => sql`${s}`),
    sql`, `,
  )}) and ${applications.reviewDeadlineOn} < ${filter.today}::date`;
  const where = applicationConditions(filter);
  // The whole program joins the nomads for their citizenship; a filtered question looks its few up.
  const joinNomads = where === undefined && groupBy.includes('CITIZENSHIP');
  const dimensionSql = (d: Dimension): SQL => (d === 'CITIZENSHIP' && !joinNomads ? applicantCitizenshipSql : DIMENSION_SQL[d]);
  return {
    dimensions: groupBy.map((d) => ({ column: DIMENSION_COLUMN[d], value: dimensionSql(d) })),
    inputs: [sql`case when ${decided} then ${days} end as days`, sql`(${overdue}) as overdue`, sql`${applications.nomadId} as "nomadId"`],
    from: sql`from ${applications}
      ${joinNomads ? sql`join ${nomads} on ${nomads.id} = ${applications.nomadId}` : sql``}
      ${params.duration === 'WORKING_DAYS_TO_DECISION' ? sql`${workingDayCalendar('wd_submitted')} on wd_submitted.day = ${submittedOn} ${workingDayCalendar('wd_decided')} on wd_decided.day = ${decidedOn}` : sql``}
      ${where ? sql`where ${where}` : sql``}`,
    // What k is applied to: the applicants, not the applications (a nomad may apply again).
    people: sql`count(distinct x."nomadId")`,
    aggregates: Object.fromEntries(Object.entries(APPLICATION_AGGREGATES).filter(([name]) => params.values?.has(name as ApplicationStatisticsValue) ?? true)),
    rules: disclosureRuleSql(ruleValues),
  };
}

/** Runs {@link applicationStatisticsStatement}: one row per group, then the total. */
export function applicationStatistics(db: MigrationDb, params: Parameters<typeof applicationStatisticsStatement>[0]): Promise<RawStatisticsRow[]> {
  return runGroupedStatistics(db, applicationStatisticsStatement(params));
}
