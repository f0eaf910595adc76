import {
  analyticsRead,
  badUserInput,
  checkGroupBy,
  checkMeasures,
  discloseStatistics,
  statementDisclosureRules,
  forbidden,
  hasRole,
  type DisclosedRow,
  type DisclosureRules,
  type MeasureDisclosure,
} from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { applicationFilterParams, type ApplicationListArgs } from '../applications/service.ts';
import { applicationStatistics, isApplicationStatisticsValue, type ApplicationStatisticsValue, type Dimension, type Duration } from './queries.ts';

export type Measure = 'COUNT' | 'MEDIAN' | 'P90' | 'AVERAGE' | 'OVERDUE_SHARE';

const DATE_OF_SUBMISSION: readonly Dimension[] = ['SUBMITTED_MONTH', 'SUBMITTED_QUARTER', 'SUBMITTED_YEAR'];
const DURATION_MEASURES: readonly Measure[] = ['MEDIAN', 'P90', 'AVERAGE'];
const READERS = ['analyst', 'migration_officer'] as const;

/**
 * Each measure's field in a row, and how it is protected: k applies to the row's applicants
 * (a nomad may have several applications), the durations only over `k` applicants with a
 * decided application or more; the overdue share from the rounded counts of applications.
 * COUNT's field is `applications` (the row's own count is its applicants).
 */
const MEASURES = {
  applications: { kind: 'count' },
  median: { kind: 'amount', basis: 'decidedPeople' },
  p90: { kind: 'amount', basis: 'decidedPeople' },
  average: { kind: 'amount', basis: 'decidedPeople' },
  overdueShare: { kind: 'share', numerator: 'overdue', denominator: 'applications' },
} as const satisfies Record<string, MeasureDisclosure>;
const FIELD_OF: Record<Measure, keyof typeof MEASURES> = { COUNT: 'applications', MEDIAN: 'median', P90: 'p90', AVERAGE: 'average', OVERDUE_SHARE: 'overdueShare' };
/**
 * The statement's values a measure needs, read off its disclosure: a share's numerator and
 * denominator, else its own field and its basis. (MEASURES' names are the statement's values.)
 */
function valuesOf(measure: Measure): ApplicationStatisticsValue[] {
  const field = FIELD_OF[measure];
  const how: MeasureDisclosure = MEASURES[field];
  const names = how.kind === 'share' ? [how.numerator, how.denominator] : [field, how.basis];
  return names.filter(isApplicationStatisticsValue);
}

/** COUNT is the applications; the statement's row count (what k was applied to) is the applicants. */
const counted = ({ applications, ...row }: DisclosedRow): DisclosedRow => ({ ...row, count: applications ?? null });

export interface ApplicationStatisticsArgs {
  measures: Measure[];
  groupBy?: Dimension[] | null;
  duration?: Duration | null;
  filter?: ApplicationListArgs['filter'];
}

export interface ApplicationStatisticsOut {
  minCellSize: number;
  disclosure: DisclosureRules;
  duration: Duration;
  rows: DisclosedRow[];
  total: DisclosedRow;
}

/**
 * Grouped statistics over applications for analysts and migration officers, in one SQL
 * statement, protected by migration's disclosure rule value, read in the same statement
 * (small cells suppressed, values rounded).
 * Aggregates so protected are not personal data: no access record.
 */
export async function getApplicationStatistics(
  ctx: Context,
  app: App,
  args: ApplicationStatisticsArgs,
  /** Tests only: other rules than migration's `statistics_disclosure` rule value. */
  rulesOverride?: DisclosureRules,
): Promise<ApplicationStatisticsOut> {
  if (!hasRole(ctx.principal, ...READERS)) throw forbidden('Application statistics are for analysts and migration officers.');
  const measures = checkMeasures(args.measures);
  const groupBy = checkGroupBy(args.groupBy ?? [], [DATE_OF_SUBMISSION]);
  if (args.filter?.nomadId != null) throw badUserInput('Statistics never look at one nomad: leave out `filter.nomadId`.', 'filter.nomadId');
  const duration = args.duration ?? 'WORKING_DAYS_TO_DECISION';
  const filter = applicationFilterParams(args.filter ?? {}, app.clock.today());
  const needsDuration = DURATION_MEASURES.some((m) => measures.has(m));
  // On the analysts' pool (a replica, or under the analysts' statement timeout): ANALYTICS_TIMEOUT past it.
  const raw = await analyticsRead(ctx, (db) => applicationStatistics(db, { filter, groupBy, duration: needsDuration ? duration : null, values: new Set([...measures].flatMap(valuesOf)) }));
  const asked = new Set([...measures].map((m) => FIELD_OF[m]));
  const rules = rulesOverride ?? statementDisclosureRules(raw);
  const out = discloseStatistics(raw, { measures: MEASURES, asked, rules });
  return { minCellSize: rules.minCellSize, disclosure: rules, duration, rows: out.rows.map(counted), total: counted(out.total) };
}
