import type { GraphQLResolverMap, PageArgs } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { RegistrationRow } from '../../db/schema.ts';
import { declarationsOfNomad, declarationsOfRegistration } from '../declarations/service.ts';
import { assertMayReadNomadTax } from '../../access.ts';
import {
  getRegistration,
  listRegistrationsFor,
  registerIndividualEntrepreneur,
  registrationOfNomad,
  transition,
  type RegisterInput,
  type RegistrationListArgs,
  type TransitionInput,
} from './service.ts';

async function regimeOf(ctx: Context, code: string) {
  const regime = (await ctx.loaders.regimes.load('all')).get(code);
  if (!regime) throw new Error(`regime ${code} is missing`);
  return regime;
}

export function registrationResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      taxRegistration: (_: unknown, args: { id?: string | null; pin?: string | null }, ctx: Context) => getRegistration(ctx, args),
      taxRegistrations: (_: unknown, args: RegistrationListArgs, ctx: Context) => listRegistrationsFor(ctx, args),
      taxRegimes: async (_: unknown, _args: unknown, ctx: Context) => [...(await ctx.loaders.regimes.load('all')).values()],
    },
    Mutation: {
      registerIndividualEntrepreneur: (_: unknown, args: { input: RegisterInput }, ctx: Context) => registerIndividualEntrepreneur(ctx, app, args.input),
      reregisterIndividualEntrepreneur: (_: unknown, args: { input: TransitionInput }, ctx: Context) => transition(ctx, app, 'reregister', args.input),
      deregisterIndividualEntrepreneur: (_: unknown, args: { input: TransitionInput }, ctx: Context) => transition(ctx, app, 'deregister', args.input),
      changeTaxRegime: (_: unknown, args: { input: TransitionInput }, ctx: Context) => transition(ctx, app, 'changeRegime', args.input),
    },
    Nomad: {
      // The tax service knows nomads only by id: the reference is all it needs.
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      taxRegistration: (nomad: { id: string }, _args: unknown, ctx: Context) => registrationOfNomad(ctx, nomad.id),
      declarations: (nomad: { id: string }, args: PageArgs, ctx: Context) => declarationsOfNomad(ctx, nomad.id, args),
    },
    TaxRegistration: {
      nomad: (r: RegistrationRow) => ({ id: r.nomadId }),
      pin: async (r: RegistrationRow, _args: unknown, ctx: Context) => {
        assertMayReadNomadTax(ctx.principal, r.nomadId, 'TaxRegistration.pin');
        await ctx.loaders.access.record(r.nomadId, 'TaxRegistration.pin');
        return r.pin;
      },
      regime: (r: RegistrationRow, _args: unknown, ctx: Context) => regimeOf(ctx, r.regimeCode),
      history: (r: RegistrationRow, _args: unknown, ctx: Context) => ctx.loaders.entriesByRegistration.load(r.id),
      declarations: (r: RegistrationRow, args: PageArgs, ctx: Context) => declarationsOfRegistration(ctx, r, args),
    },
    TaxRegistrationConnection: {
      totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
    },
  };
}

export { regimeOf };
