import {
  analyticsRead,
  checkGroupBy,
  discloseRecordsOverPeople,
  statementDisclosureRules,
  forbidden,
  hasRole,
  type DisclosedRow,
  type DisclosureRules,
  type MeasureDisclosure,
} from '@nomad/kit';
import type { Context } from '../../context.ts';
import type { ScreeningFilterParams } from '../screenings/queries.ts';
import { screeningStatistics, type Dimension } from './queries.ts';

const READERS = ['analyst', 'security_officer'] as const;
const DATE_OF_OPENING: readonly Dimension[] = ['OPENED_MONTH', 'OPENED_QUARTER', 'OPENED_YEAR'];
const DATE_OF_CONCLUSION: readonly Dimension[] = ['CONCLUDED_MONTH', 'CONCLUDED_QUARTER', 'CONCLUDED_YEAR'];
/** The screenings of a row (`records`), shown as its `count`; k is applied to the row's nomads. */
const MEASURES = { records: { kind: 'count' } } as const satisfies Record<string, MeasureDisclosure>;
const ASKED: ReadonlySet<string> = new Set(['records']);

export interface ScreeningStatisticsArgs {
  groupBy?: Dimension[] | null;
  filter?: ScreeningFilterParams | null;
}

export interface ScreeningStatisticsOut {
  disclosure: DisclosureRules;
  rows: DisclosedRow[];
  total: DisclosedRow;
}

/**
 * Counts of screenings for analysts and security officers, in one SQL statement on the
 * analysts' pool, protected by GKNB's disclosure rule value (cells of fewer than k NOMADS
 * suppressed, whatever their screenings; counts rounded).
 * Counts only: no reason, classification or person is read, so no access record.
 */
export async function getScreeningStatistics(ctx: Context, args: ScreeningStatisticsArgs, rulesOverride?: DisclosureRules): Promise<ScreeningStatisticsOut> {
  if (!hasRole(ctx.principal, ...READERS)) throw forbidden('Screening statistics are for analysts and security officers.');
  const groupBy = checkGroupBy(args.groupBy ?? [], [DATE_OF_OPENING, DATE_OF_CONCLUSION]);
  const filter: ScreeningFilterParams = { outcomes: args.filter?.outcomes ?? null, kind: args.filter?.kind ?? null };
  const raw = await analyticsRead(ctx, (db) => screeningStatistics(db, { filter, groupBy }));
  // GKNB's statistics_disclosure rule value, read in the same statement (tests may pass others).
  const rules = rulesOverride ?? statementDisclosureRules(raw);
  // `count` is the screenings; the statement's row count (what k was applied to) is the nomads.
  return { disclosure: rules, ...discloseRecordsOverPeople(raw, { measures: MEASURES, asked: ASKED, rules }) };
}
