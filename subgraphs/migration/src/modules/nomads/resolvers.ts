import type { GraphQLResolverMap, PageArgs } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { NomadRow } from '../../db/schema.ts';
import { applicationsOfNomad } from '../applications/service.ts';
import { recordPassport, type RecordPassportInput } from './passport.ts';
import { assertIdentityReadable, getMe, getNomad, listNomadsFor, resolveNomadReference, type IdentityField, type NomadListArgs } from './service.ts';

/**
 * An identity field: refused with FORBIDDEN to callers who may not read it, and recorded in
 * the access log before its value is returned (no record, no data).
 */
function identity<T>(field: IdentityField, read: (n: NomadRow) => T) {
  return async (nomad: NomadRow, _args: unknown, ctx: Context): Promise<T> => {
    await assertIdentityReadable(ctx, nomad.id, field);
    await ctx.loaders.access.record(nomad.id, field);
    return read(nomad);
  };
}

export function nomadResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      nomad: (_: unknown, args: { id?: string | null; pin?: string | null }, ctx: Context) => getNomad(ctx, args),
      nomads: (_: unknown, args: NomadListArgs, ctx: Context) => listNomadsFor(ctx, args),
      me: (_: unknown, _args: unknown, ctx: Context) => getMe(ctx),
    },
    Mutation: {
      recordPassport: async (_: unknown, args: { input: RecordPassportInput }, ctx: Context) => {
        const result = await recordPassport(ctx, app, args.input);
        return { nomad: result.nomadId ? await ctx.loaders.nomadById.load(result.nomadId) : null, userErrors: result.userErrors };
      },
    },
    Nomad: {
      __resolveReference: (ref: { id?: string; pin?: string }, ctx: Context) => resolveNomadReference(ctx, ref),
      surname: identity('Nomad.surname', (n) => n.surname),
      givenNames: identity('Nomad.givenNames', (n) => n.givenNames),
      dateOfBirth: identity('Nomad.dateOfBirth', (n) => n.dateOfBirth),
      sex: identity('Nomad.sex', (n) => n.sex),
      passport: identity('Nomad.passport', (n) => ({ country: n.passportCountry, number: n.passportNumber, expiresOn: n.passportExpiresOn })),
      email: identity('Nomad.email', (n) => n.email),
      pin: identity('Nomad.pin', (n) => n.pin),
      applications: (nomad: NomadRow, args: PageArgs, ctx: Context) => applicationsOfNomad(ctx, nomad, args),
    },
  };
}
