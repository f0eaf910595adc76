import { loadExisting } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import { assertMayReadNomadTax } from '../../access.ts';
import { regimeOf } from '../registrations/resolvers.ts';
import { arrearsFor, fileDeclaration, recordPayment, type DeclarationView } from './service.ts';
import type { PersonalField } from '../../personal-fields.ts';

/**
 * A money field of a declaration: personal data (it reveals the income), refused to anyone
 * but a tax officer and the nomad, and recorded in the access log before it is returned.
 */
function personal<T>(field: PersonalField, read: (d: DeclarationView, ctx: Context) => T | Promise<T>) {
  return async (d: DeclarationView, _args: unknown, ctx: Context): Promise<T> => {
    assertMayReadNomadTax(ctx.principal, d.nomadId, field);
    await ctx.loaders.access.record(d.nomadId, field);
    return read(d, ctx);
  };
}

async function paidMinor(d: DeclarationView, ctx: Context): Promise<number> {
  const payments = await ctx.loaders.paymentsByDeclaration.load(d.id);
  return payments.reduce((sum, p) => sum + p.amountMinor, 0);
}

export function declarationResolvers(app: App): Resolvers {
  return {
    Query: {
      taxArrears: (_, args, ctx) => arrearsFor(ctx, app, args),
    },
    Mutation: {
      fileTaxDeclaration: (_, args, ctx) => fileDeclaration(ctx, app, args.input),
      recordTaxPayment: (_, args, ctx) => recordPayment(ctx, app, args.input),
    },
    TaxDeclaration: {
      registration: (d, _args, ctx) => loadExisting(ctx.loaders.registrationById, d.registrationId, "A declaration's registration"),
      regime: (d, _args, ctx) => regimeOf(ctx, d.regimeCode),
      income: personal('TaxDeclaration.income', (d) => ({ amountMinor: d.incomeMinor, currency: d.currency })),
      taxDue: personal('TaxDeclaration.taxDue', (d) => ({ amountMinor: d.taxDueMinor, currency: d.currency })),
      paid: personal('TaxDeclaration.paid', async (d, ctx) => ({ amountMinor: await paidMinor(d, ctx), currency: d.currency })),
      balance: personal('TaxDeclaration.balance', async (d, ctx) => ({ amountMinor: d.taxDueMinor - (await paidMinor(d, ctx)), currency: d.currency })),
      inArrears: async (d, _args, ctx) => d.dueOn < app.clock.today() && d.taxDueMinor > (await paidMinor(d, ctx)),
      payments: personal('TaxDeclaration.payments', (d, ctx) => ctx.loaders.paymentsByDeclaration.load(d.id)),
    },
    TaxDeclarationConnection: {
      totalCount: (c) => c.totalCount(),
    },
    TaxPayment: {
      amount: (p) => ({ amountMinor: p.amountMinor, currency: p.currency }),
    },
  };
}
