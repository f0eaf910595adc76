import { analyticsRead, discloseStatistics, disclosureRulesFrom, roundCount, type DisclosureRules, type MeasureDisclosure, type RawStatisticsRow } from '@nomad/kit';
import { assertAggregateReader } from '../../access.ts';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { RegistrationState } from '../../db/schema.ts';
import { readAggregateFigures, type CurrencyTotalsRow } from './queries.ts';

export type { CurrencyTotalsRow };

export interface TaxAggregates {
  disclosure: DisclosureRules;
  registrations: number;
  byState: { state: RegistrationState; count: number }[];
  byRegime: { regimeCode: string; count: number }[];
  declarationsByCurrency: CurrencyTotalsRow[];
}

const COUNT: Readonly<Record<string, MeasureDisclosure>> = { count: { kind: 'count' } };
const CURRENCY_TOTALS = {
  declarations: { kind: 'count' },
  inArrears: { kind: 'count' },
  incomeMinor: { kind: 'amount' },
  taxDueMinor: { kind: 'amount' },
  paidMinor: { kind: 'amount' },
} as const satisfies Record<string, MeasureDisclosure>;

/**
 * Registrations per value of one dimension (state or regime), disclosed: a value held by fewer
 * than k (or whose count the total and the values shown would give) left out, the others rounded.
 */
function disclosedCounts<K extends string>(counts: ReadonlyMap<K, number>, total: number, rules: DisclosureRules): { key: K; count: number }[] {
  const keys = [...counts.keys()].sort((a, b) => a.localeCompare(b));
  const raw: RawStatisticsRow[] = [
    ...keys.map((key) => ({ isTotal: false, dimensions: { key }, count: counts.get(key) ?? 0, values: { count: counts.get(key) ?? 0 } })),
    { isTotal: true, dimensions: {}, count: total, values: { count: total } },
  ];
  const { rows } = discloseStatistics(raw, { measures: COUNT, asked: new Set(['count']), rules });
  return rows.flatMap((r, i) => (r.suppressed || typeof r.count !== 'number' ? [] : [{ key: keys[i] as K, count: r.count }]));
}

/**
 * One currency's totals, disclosed on their own (no total across currencies is shown, nor could
 * one be added up): left out when filed by fewer than k taxpayers, counts rounded to the base and
 * amounts to significant figures (whole minor units).
 */
function disclosedTotals(row: CurrencyTotalsRow, rules: DisclosureRules): CurrencyTotalsRow | null {
  const values = { declarations: row.declarations, inArrears: row.inArrears, incomeMinor: row.incomeMinor, taxDueMinor: row.taxDueMinor, paidMinor: row.paidMinor };
  const raw: RawStatisticsRow = { isTotal: true, dimensions: {}, count: row.taxpayers, values };
  const { total } = discloseStatistics([raw], { measures: CURRENCY_TOTALS, asked: new Set(Object.keys(CURRENCY_TOTALS)), rules });
  if (total.suppressed) return null;
  const shown = (name: keyof typeof CURRENCY_TOTALS) => Math.round(Number(total[name]));
  return {
    currency: row.currency,
    declarations: shown('declarations'),
    taxpayers: roundCount(row.taxpayers, rules.countRoundingBase),
    incomeMinor: shown('incomeMinor'),
    taxDueMinor: shown('taxDueMinor'),
    paidMinor: shown('paidMinor'),
    inArrears: shown('inArrears'),
  };
}

/**
 * Counts and sums over the register and the declarations, for analysts and tax officers,
 * protected like every statistics answer (kit `discloseStatistics`): a state, regime or
 * currency of fewer than k people is left out, counts are rounded to a base and amounts to
 * significant figures, so that reading it before and after one declaration never gives that
 * declaration's income.
 */
export async function taxAggregates(ctx: Context, app: App, rulesOverride?: DisclosureRules): Promise<TaxAggregates> {
  assertAggregateReader(ctx.principal);
  // One statement on the analysts' pool (a replica, or under the analysts' statement timeout):
  // ANALYTICS_TIMEOUT past it. The rule value comes with the figures it protects.
  const { counts, totals, rules: ruleValue } = await analyticsRead(ctx, (db) => readAggregateFigures(db, { today: app.clock.today() }));
  const rules = rulesOverride ?? disclosureRulesFrom(ruleValue);
  const byState = new Map<RegistrationState, number>();
  const byRegime = new Map<string, number>();
  for (const r of counts) {
    byState.set(r.state, (byState.get(r.state) ?? 0) + r.n);
    byRegime.set(r.regimeCode, (byRegime.get(r.regimeCode) ?? 0) + r.n);
  }
  const registrations = counts.reduce((s, r) => s + r.n, 0);
  return {
    disclosure: rules,
    registrations: roundCount(registrations, rules.countRoundingBase),
    byState: disclosedCounts(byState, registrations, rules).map(({ key, count }) => ({ state: key, count })),
    byRegime: disclosedCounts(byRegime, registrations, rules).map(({ key, count }) => ({ regimeCode: key, count })),
    declarationsByCurrency: totals.flatMap((t) => disclosedTotals(t, rules) ?? []),
  };
}
