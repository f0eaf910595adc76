import type { App } from '../../app.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import { regimeOf } from '../registrations/resolvers.ts';
import { taxAggregates } from './service.ts';

export function aggregateResolvers(app: App): Resolvers {
  return {
    Query: {
      taxAggregates: (_, _args, ctx) => taxAggregates(ctx, app),
    },
    TaxRegimeCount: {
      regime: (r, _args, ctx) => regimeOf(ctx, r.regimeCode),
    },
    TaxCurrencyTotals: {
      income: (t) => ({ amountMinor: t.incomeMinor, currency: t.currency }),
      taxDue: (t) => ({ amountMinor: t.taxDueMinor, currency: t.currency }),
      paid: (t) => ({ amountMinor: t.paidMinor, currency: t.currency }),
    },
  };
}
