import type { GraphQLResolverMap, PageArgs } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { NomadRow } from '../../db/schema.ts';
import { applicationsOfNomad } from '../applications/service.ts';
import { assertIdentityReadable, getMe, getNomad, listNomadsFor, type NomadListArgs } from './service.ts';

/** An identity field: refused with FORBIDDEN to callers who may not read it. */
function identity<T>(read: (n: NomadRow) => T) {
  return (nomad: NomadRow, _args: unknown, ctx: Context): T => {
    assertIdentityReadable(ctx, nomad.id);
    return read(nomad);
  };
}

export function nomadResolvers(_app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      nomad: (_: unknown, args: { id?: string | null; pin?: string | null }, ctx: Context) => getNomad(ctx, args),
      nomads: (_: unknown, args: NomadListArgs, ctx: Context) => listNomadsFor(ctx, args),
      me: (_: unknown, _args: unknown, ctx: Context) => getMe(ctx),
    },
    Nomad: {
      __resolveReference: async (ref: { id?: string; pin?: string }, ctx: Context) =>
        ref.id ? ctx.loaders.nomadById.load(ref.id) : ref.pin ? ctx.loaders.nomadByPin.load(ref.pin) : null,
      surname: identity((n) => n.surname),
      givenNames: identity((n) => n.givenNames),
      dateOfBirth: identity((n) => n.dateOfBirth),
      sex: identity((n) => n.sex),
      passport: identity((n) => ({ country: n.passportCountry, number: n.passportNumber, expiresOn: n.passportExpiresOn })),
      email: identity((n) => n.email),
      pin: identity((n) => n.pin),
      applications: (nomad: NomadRow, args: PageArgs, ctx: Context) => applicationsOfNomad(ctx, nomad, args),
    },
  };
}
