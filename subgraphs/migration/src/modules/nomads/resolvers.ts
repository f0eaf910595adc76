import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import type { NomadRow } from '../../db/schema.ts';
import { applicationsOfNomad } from '../applications/service.ts';
import { recordPassport } from './passport.ts';
import { assertIdentityReadable, getMe, getNomad, listNomadsFor, resolveNomadReference, type IdentityField } from './service.ts';

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

export function nomadResolvers(app: App): Resolvers {
  return {
    Query: {
      nomad: (_, args, ctx) => getNomad(ctx, args),
      nomads: (_, args, ctx) => listNomadsFor(ctx, args),
      me: (_, _args, ctx) => getMe(ctx),
    },
    Mutation: {
      recordPassport: async (_, args, ctx) => {
        const result = await recordPassport(ctx, app, args.input);
        return { nomad: result.nomadId ? await ctx.loaders.nomadById.load(result.nomadId) : null, userErrors: result.userErrors };
      },
    },
    Nomad: {
      __resolveReference: (ref, ctx) => resolveNomadReference(ctx, ref),
      surname: identity('Nomad.surname', (n) => n.surname),
      givenNames: identity('Nomad.givenNames', (n) => n.givenNames),
      dateOfBirth: identity('Nomad.dateOfBirth', (n) => n.dateOfBirth),
      sex: identity('Nomad.sex', (n) => n.sex),
      passport: identity('Nomad.passport', (n) => ({ country: n.passportCountry, number: n.passportNumber, expiresOn: n.passportExpiresOn })),
      email: identity('Nomad.email', (n) => n.email),
      pin: identity('Nomad.pin', (n) => n.pin),
      applications: (nomad, args, ctx) => applicationsOfNomad(ctx, nomad, args),
    },
  };
}
