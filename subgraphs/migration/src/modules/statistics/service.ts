import { analyticsRead, badUserInput, forbidden, hasRole } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { applicationFilterParams, type ApplicationListArgs } from '../applications/service.ts';
import { applicationStatistics, type Dimension, type Duration, type StatisticsDimensions, type StatisticsRow } from './queries.ts';

export type Measure = 'COUNT' | 'MEDIAN' | 'P90' | 'AVERAGE' | 'OVERDUE_SHARE';

/**
 * Rows holding fewer applications than this are suppressed: a count of 1 to 4 (or the
 * duration of so few) is too close to a person. Fixed in code, not yet a rule value.
 * @default 5
 */
export const MIN_CELL_SIZE = 5;
/** More dimensions than this make cells too small to show anything but suppression. */
export const MAX_DIMENSIONS = 3;
const DATE_OF_SUBMISSION: readonly Dimension[] = ['SUBMITTED_MONTH', 'SUBMITTED_QUARTER', 'SUBMITTED_YEAR'];
const DURATION_MEASURES: readonly Measure[] = ['MEDIAN', 'P90', 'AVERAGE'];
const READERS = ['analyst', 'migration_officer'] as const;

export interface ApplicationStatisticsArgs {
  measures: Measure[];
  groupBy?: Dimension[] | null;
  duration?: Duration | null;
  filter?: ApplicationListArgs['filter'];
}

/** A row as the schema shows it: dimension values, the flag, measures (null when withheld or not asked). */
export interface StatisticsRowOut extends StatisticsDimensions {
  suppressed: boolean;
  count: number | null;
  median: number | null;
  p90: number | null;
  average: number | null;
  overdueShare: number | null;
}

export interface ApplicationStatisticsOut {
  minCellSize: number;
  duration: Duration;
  rows: StatisticsRowOut[];
  total: StatisticsRowOut;
}

/** Throws BAD_USER_INPUT, naming the argument, for what the statement cannot answer. */
function checkArgs(args: ApplicationStatisticsArgs): { measures: Set<Measure>; groupBy: Dimension[]; duration: Duration } {
  if (args.measures.length === 0) throw badUserInput('Ask for at least one measure.', 'measures');
  const groupBy = args.groupBy ?? [];
  if (groupBy.length > MAX_DIMENSIONS) throw badUserInput(`Group by at most ${MAX_DIMENSIONS} dimensions.`, 'groupBy');
  const twice = groupBy.find((d, i) => groupBy.indexOf(d) !== i);
  if (twice) throw badUserInput(`${twice} is listed more than once.`, 'groupBy');
  const dates = groupBy.filter((d) => DATE_OF_SUBMISSION.includes(d));
  if (dates.length > 1) throw badUserInput(`Group by one of ${DATE_OF_SUBMISSION.join(', ')} at a time, not ${dates.join(' and ')}: one is inside the other.`, 'groupBy');
  if (args.filter?.nomadId != null) throw badUserInput('Statistics never look at one nomad: leave out `filter.nomadId`.', 'filter.nomadId');
  return { measures: new Set(args.measures), groupBy, duration: args.duration ?? 'WORKING_DAYS_TO_DECISION' };
}

/**
 * Which rows to withhold, by index (the total last). Primary: a row under `k`. Secondary: the
 * rows partition the total, so the suppressed rows' counts add up to the total minus the rows
 * shown; while that sum is under `k` (one suppressed row: exactly its count) the smallest row
 * still shown is suppressed too. The total itself is suppressed only when under `k`.
 */
export function suppressedRows(counts: readonly number[], total: number, k: number): Set<number> {
  const out = new Set<number>();
  counts.forEach((n, i) => {
    if (n < k) out.add(i);
  });
  if (total < k) return out;
  const hidden = () => [...out].reduce((sum, i) => sum + (counts[i] ?? 0), 0);
  while (out.size > 0 && hidden() < k) {
    const shown = counts.map((n, i) => [n, i] as const).filter(([, i]) => !out.has(i));
    if (shown.length === 0) break;
    const [, smallest] = shown.reduce((a, b) => (b[0] < a[0] ? b : a));
    out.add(smallest);
  }
  return out;
}

function shape(row: StatisticsRow, suppressed: boolean, measures: Set<Measure>, k: number): StatisticsRowOut {
  const durations = !suppressed && row.decided >= k;
  return {
    ...row.dimensions,
    suppressed,
    count: !suppressed && measures.has('COUNT') ? row.count : null,
    median: durations && measures.has('MEDIAN') ? row.median : null,
    p90: durations && measures.has('P90') ? row.p90 : null,
    average: durations && measures.has('AVERAGE') ? row.average : null,
    overdueShare: !suppressed && measures.has('OVERDUE_SHARE') ? row.overdueShare : null,
  };
}

/**
 * Grouped statistics over applications for analysts and migration officers, in one SQL
 * statement. Aggregates with small cells withheld are not personal data: no access record.
 */
export async function getApplicationStatistics(
  ctx: Context,
  app: App,
  args: ApplicationStatisticsArgs,
  k: number = MIN_CELL_SIZE,
): Promise<ApplicationStatisticsOut> {
  if (!hasRole(ctx.principal, ...READERS)) throw forbidden('Application statistics are for analysts and migration officers.');
  const { measures, groupBy, duration } = checkArgs(args);
  const filter = applicationFilterParams(args.filter ?? {}, app.clock.today());
  const needsDuration = DURATION_MEASURES.some((m) => measures.has(m));
  // On the analysts' pool (a replica, or under the analysts' statement timeout): ANALYTICS_TIMEOUT past it.
  const result = await analyticsRead(ctx, (db) => applicationStatistics(db, { filter, groupBy, duration: needsDuration ? duration : null }));
  const rows = result.filter((r) => !r.isTotal);
  const total = result.find((r) => r.isTotal);
  if (!total) throw new Error('statistics statement returned no total row');
  const hidden = suppressedRows(
    rows.map((r) => r.count),
    total.count,
    k,
  );
  return {
    minCellSize: k,
    duration,
    rows: rows.map((r, i) => shape(r, hidden.has(i), measures, k)),
    total: shape({ ...total, dimensions: {} }, total.count < k, measures, k),
  };
}
