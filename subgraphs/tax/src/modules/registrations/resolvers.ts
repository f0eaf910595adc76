import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import { declarationsOfNomad, declarationsOfRegistration } from '../declarations/service.ts';
import { assertMayReadNomadTax } from '../../access.ts';
import {
  getRegistration,
  listRegistrationsFor,
  registerIndividualEntrepreneur,
  registrationOfNomad,
  transition,
} from './service.ts';

async function regimeOf(ctx: Context, code: string) {
  const regime = (await ctx.loaders.regimes.load('all')).get(code);
  if (!regime) throw new Error(`regime ${code} is missing`);
  return regime;
}

export function registrationResolvers(app: App): Resolvers {
  return {
    Query: {
      taxRegistration: (_, args, ctx) => getRegistration(ctx, args),
      taxRegistrations: (_, args, ctx) => listRegistrationsFor(ctx, args),
      taxRegimes: async (_, _args, ctx) => [...(await ctx.loaders.regimes.load('all')).values()],
    },
    Mutation: {
      registerIndividualEntrepreneur: (_, args, ctx) => registerIndividualEntrepreneur(ctx, app, args.input),
      reregisterIndividualEntrepreneur: (_, args, ctx) => transition(ctx, app, 'reregister', args.input),
      deregisterIndividualEntrepreneur: (_, args, ctx) => transition(ctx, app, 'deregister', args.input),
      changeTaxRegime: (_, args, ctx) => transition(ctx, app, 'changeRegime', args.input),
    },
    Nomad: {
      // The tax service knows nomads only by id: the reference is all it needs.
      __resolveReference: (ref) => ({ id: ref.id }),
      taxRegistration: (nomad, _args, ctx) => registrationOfNomad(ctx, nomad.id),
      declarations: (nomad, args, ctx) => declarationsOfNomad(ctx, nomad.id, args),
    },
    TaxRegistration: {
      nomad: (r) => ({ id: r.nomadId }),
      pin: async (r, _args, ctx) => {
        assertMayReadNomadTax(ctx.principal, r.nomadId, 'TaxRegistration.pin');
        await ctx.loaders.access.record(r.nomadId, 'TaxRegistration.pin');
        return r.pin;
      },
      regime: (r, _args, ctx) => regimeOf(ctx, r.regimeCode),
      history: (r, _args, ctx) => ctx.loaders.entriesByRegistration.load(r.id),
      declarations: (r, args, ctx) => declarationsOfRegistration(ctx, r, args),
    },
    TaxRegistrationConnection: {
      totalCount: (c) => c.totalCount(),
    },
  };
}

export { regimeOf };
