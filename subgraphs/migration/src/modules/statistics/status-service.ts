import {
  analyticsRead,
  badUserInput,
  checkGroupBy,
  checkMeasures,
  discloseEachCount,
  discloseStatistics,
  forbidden,
  hasRole,
  statementDisclosureRules,
  type DisclosedRow,
  type DisclosureRules,
} from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { nomadFilterParams, type NomadListArgs } from '../nomads/service.ts';
import { EVENT_COUNT_COLUMN, EVENT_PEOPLE_COLUMN, statusEventStatistics, statusStatistics, type StatusDimension, type StatusEventDimension, type StatusEventKind } from './status-queries.ts';

export type StatusEventMeasure = 'GRANTS' | 'RENEWALS' | 'EXPIRIES' | 'REVOCATIONS';

const READERS = ['analyst', 'migration_officer'] as const;
const PERIODS_OF_TIME: readonly StatusEventDimension[] = ['YEAR', 'QUARTER', 'MONTH'];
const KIND_OF: Record<StatusEventMeasure, StatusEventKind> = { GRANTS: 'GRANT', RENEWALS: 'RENEWAL', EXPIRIES: 'EXPIRY', REVOCATIONS: 'REVOCATION' };
const COUNTS = Object.values(EVENT_COUNT_COLUMN);
/** Each count's people (k is applied to the nomads, not their events). */
const PEOPLE = Object.fromEntries((Object.keys(EVENT_COUNT_COLUMN) as StatusEventKind[]).map((k) => [EVENT_COUNT_COLUMN[k], EVENT_PEOPLE_COLUMN[k]]));

export interface StatusStatisticsArgs {
  asOf: string;
  groupBy?: StatusDimension[] | null;
  filter?: NomadListArgs['filter'];
}

export interface StatusEventStatisticsArgs {
  measures: StatusEventMeasure[];
  groupBy?: StatusEventDimension[] | null;
  from?: string | null;
  to?: string | null;
  filter?: NomadListArgs['filter'];
}

export interface StatisticsOut {
  disclosure: DisclosureRules;
  rows: DisclosedRow[];
  total: DisclosedRow;
}

function assertReader(ctx: Context): void {
  if (!hasRole(ctx.principal, ...READERS)) throw forbidden('Status statistics are for analysts and migration officers.');
}

/**
 * Nomads per status state on a day, for analysts and migration officers: one SQL statement on
 * the analysts' pool, protected by migration's disclosure rule value (read in the same
 * statement). Aggregates: no access record.
 */
export async function getStatusStatistics(
  ctx: Context,
  args: StatusStatisticsArgs,
  /** Tests only: other rules than migration's `statistics_disclosure` rule value. */
  rulesOverride?: DisclosureRules,
): Promise<StatisticsOut & { asOf: string }> {
  assertReader(ctx);
  const groupBy = checkGroupBy(args.groupBy ?? []);
  const filter = nomadFilterParams(args.filter);
  const raw = await analyticsRead(ctx, (db) => statusStatistics(db, { asOf: args.asOf, filter, groupBy }));
  const rules = rulesOverride ?? statementDisclosureRules(raw);
  return { asOf: args.asOf, disclosure: rules, ...discloseStatistics(raw, { measures: { count: { kind: 'count' } }, asked: new Set(['count']), rules }) };
}

/**
 * Grants, renewals, expiries and revocations per period of time, for analysts and migration
 * officers: one SQL statement on the analysts' pool; each count protected on its own.
 */
export async function getStatusEventStatistics(
  ctx: Context,
  app: App,
  args: StatusEventStatisticsArgs,
  /** Tests only: other rules than migration's `statistics_disclosure` rule value. */
  rulesOverride?: DisclosureRules,
): Promise<StatisticsOut> {
  assertReader(ctx);
  const measures = checkMeasures(args.measures);
  const groupBy = checkGroupBy(args.groupBy ?? [], [PERIODS_OF_TIME]);
  const from = args.from ?? null;
  const to = args.to ?? null;
  if (from && to && from > to) throw badUserInput('`from` is after `to`.', 'from');
  const kinds = [...measures].map((m) => KIND_OF[m]);
  const filter = nomadFilterParams(args.filter);
  const raw = await analyticsRead(ctx, (db) => statusEventStatistics(db, { kinds, from, to, today: app.clock.today(), filter, groupBy }));
  const rules = rulesOverride ?? statementDisclosureRules(raw);
  return { disclosure: rules, ...discloseEachCount(raw, { counts: COUNTS, asked: new Set(kinds.map((k) => EVENT_COUNT_COLUMN[k])), rules, people: PEOPLE }) };
}
