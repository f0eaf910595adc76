import type { GraphQLResolverMap } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { PaymentRow } from '../../db/schema.ts';
import { assertMayReadNomadTax } from '../../access.ts';
import { regimeOf } from '../registrations/resolvers.ts';
import { arrearsFor, fileDeclaration, recordPayment, type DeclarationView, type FileDeclarationInput, type RecordPaymentInput } from './service.ts';
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

export function declarationResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      taxArrears: (_: unknown, args: { first?: number | null; after?: string | null }, ctx: Context) => arrearsFor(ctx, app, args),
    },
    Mutation: {
      fileTaxDeclaration: (_: unknown, args: { input: FileDeclarationInput }, ctx: Context) => fileDeclaration(ctx, app, args.input),
      recordTaxPayment: (_: unknown, args: { input: RecordPaymentInput }, ctx: Context) => recordPayment(ctx, app, args.input),
    },
    TaxDeclaration: {
      registration: (d: DeclarationView, _args: unknown, ctx: Context) => ctx.loaders.registrationById.load(d.registrationId),
      regime: (d: DeclarationView, _args: unknown, ctx: Context) => regimeOf(ctx, d.regimeCode),
      income: personal('TaxDeclaration.income', (d) => ({ amountMinor: d.incomeMinor, currency: d.currency })),
      taxDue: personal('TaxDeclaration.taxDue', (d) => ({ amountMinor: d.taxDueMinor, currency: d.currency })),
      paid: personal('TaxDeclaration.paid', async (d, ctx) => ({ amountMinor: await paidMinor(d, ctx), currency: d.currency })),
      balance: personal('TaxDeclaration.balance', async (d, ctx) => ({ amountMinor: d.taxDueMinor - (await paidMinor(d, ctx)), currency: d.currency })),
      inArrears: async (d: DeclarationView, _args: unknown, ctx: Context) => d.dueOn < app.clock.today() && d.taxDueMinor > (await paidMinor(d, ctx)),
      payments: personal('TaxDeclaration.payments', (d, ctx) => ctx.loaders.paymentsByDeclaration.load(d.id)),
    },
    TaxDeclarationConnection: {
      totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
    },
    TaxPayment: {
      amount: (p: PaymentRow) => ({ amountMinor: p.amountMinor, currency: p.currency }),
    },
  };
}
