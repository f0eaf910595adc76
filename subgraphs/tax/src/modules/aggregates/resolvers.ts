import type { GraphQLResolverMap } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { regimeOf } from '../registrations/resolvers.ts';
import { taxAggregates, type CurrencyTotalsRow } from './service.ts';

export function aggregateResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      taxAggregates: (_: unknown, _args: unknown, ctx: Context) => taxAggregates(ctx, app),
    },
    TaxRegimeCount: {
      regime: (r: { regimeCode: string }, _args: unknown, ctx: Context) => regimeOf(ctx, r.regimeCode),
    },
    TaxCurrencyTotals: {
      income: (t: CurrencyTotalsRow) => ({ amountMinor: t.incomeMinor, currency: t.currency }),
      taxDue: (t: CurrencyTotalsRow) => ({ amountMinor: t.taxDueMinor, currency: t.currency }),
      paid: (t: CurrencyTotalsRow) => ({ amountMinor: t.paidMinor, currency: t.currency }),
    },
  };
}
