import { analyticsRead } from '@nomad/kit';
import { assertAggregateReader } from '../../access.ts';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { RegistrationState } from '../../db/schema.ts';
import { countRegistrationsByStateAndRegime, declarationTotalsByCurrency, type CurrencyTotalsRow } from './queries.ts';

export type { CurrencyTotalsRow };

export interface TaxAggregates {
  registrations: number;
  byState: { state: RegistrationState; count: number }[];
  byRegime: { regimeCode: string; count: number }[];
  declarationsByCurrency: CurrencyTotalsRow[];
}

/** Counts and sums over the register and the declarations, for analysts: never a PIN or one person's income. */
export async function taxAggregates(ctx: Context, app: App): Promise<TaxAggregates> {
  assertAggregateReader(ctx.principal);
  // On the analysts' pool (a replica, or under the analysts' statement timeout): ANALYTICS_TIMEOUT past it.
  const [counts, totals] = await analyticsRead(ctx, (db) =>
    Promise.all([countRegistrationsByStateAndRegime(db), declarationTotalsByCurrency(db, { today: app.clock.today() })]),
  );
  const byState = new Map<RegistrationState, number>();
  const byRegime = new Map<string, number>();
  for (const r of counts) {
    byState.set(r.state, (byState.get(r.state) ?? 0) + r.n);
    byRegime.set(r.regimeCode, (byRegime.get(r.regimeCode) ?? 0) + r.n);
  }
  return {
    registrations: counts.reduce((s, r) => s + r.n, 0),
    byState: [...byState].map(([state, count]) => ({ state, count })).sort((a, b) => a.state.localeCompare(b.state)),
    byRegime: [...byRegime].map(([regimeCode, count]) => ({ regimeCode, count })).sort((a, b) => a.regimeCode.localeCompare(b.regimeCode)),
    declarationsByCurrency: totals,
  };
}
