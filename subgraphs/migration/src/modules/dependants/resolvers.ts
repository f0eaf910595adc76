import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import type { DependantRow } from '../../db/schema.ts';
import type { PersonalField } from '../../personal-fields.ts';
import { birthdayOn, CHILD_AGE_LIMIT_YEARS } from './derive.ts';
import {
  addDependant,
  approveDependant,
  dependantQueue,
  dependantsOf,
  dependantStatusOn,
  endDependantStatus,
  getDependant,
  principalOf,
  readDependantField,
  refuseDependant,
  resolveDependantReference,
  type DependantPayload,
} from './service.ts';

/** A personal field of a dependant: checked against the principal's row and recorded before it is returned. */
function personal<T>(field: PersonalField, read: (d: DependantRow, ctx: Context) => T | Promise<T>) {
  return (d: DependantRow, _args: unknown, ctx: Context): Promise<T> => readDependantField(ctx, d, field, () => read(d, ctx));
}

export function dependantResolvers(app: App): Resolvers {
  const payload = async (result: DependantPayload, ctx: Context) => ({
    dependant: result.dependantId ? await ctx.loaders.dependantById.load(result.dependantId) : null,
    userErrors: result.userErrors,
  });
  return {
    Nomad: {
      dependants: (nomad, _args, ctx) => dependantsOf(ctx, nomad),
    },
    Dependant: {
      __resolveReference: (ref, ctx) => resolveDependantReference(ctx, ref),
      nomad: (d, _args, ctx) => principalOf(ctx, d),
      surname: personal('Dependant.surname', (d) => d.surname),
      givenNames: personal('Dependant.givenNames', (d) => d.givenNames),
      dateOfBirth: personal('Dependant.dateOfBirth', (d) => d.dateOfBirth),
      comesOfAgeOn: personal('Dependant.dateOfBirth', (d) => (d.relation === 'CHILD' ? birthdayOn(d.dateOfBirth, CHILD_AGE_LIMIT_YEARS) : null)),
      sex: personal('Dependant.sex', (d) => d.sex),
      passport: personal('Dependant.passport', (d) => ({ country: d.passportCountry, number: d.passportNumber, expiresOn: d.passportExpiresOn })),
      pin: personal('Dependant.pin', (d) => d.pin),
      documents: personal('Dependant.documents', (d, ctx) => ctx.loaders.documentsByDependant.load(d.id)),
      screening: personal('Dependant.screening', (d) => (d.screeningOutcome ? { outcome: d.screeningOutcome, concludedAt: d.screeningConcludedAt } : null)),
      status: (d, _args, ctx) => dependantStatusOn(ctx, d, app.clock.today(), 'Dependant.status'),
      statusOn: (d, args, ctx) => dependantStatusOn(ctx, d, args.date, 'Dependant.statusOn'),
    },
    DependantDocument: {
      translates: (doc) => doc.translatesFileName,
    },
    DependantConnection: {
      totalCount: (c) => c.totalCount(),
    },
    Query: {
      dependant: (_, args, ctx) => getDependant(ctx, args.id),
      pendingDependants: (_, args, ctx) => dependantQueue(ctx, app, 'PENDING', args),
      dependantsComingOfAge: (_, args, ctx) => dependantQueue(ctx, app, 'COMING_OF_AGE', args),
    },
    Mutation: {
      addDependant: async (_, args, ctx) => payload(await addDependant(ctx, app, args.input), ctx),
      approveDependant: async (_, args, ctx) => payload(await approveDependant(ctx, app, args.input), ctx),
      refuseDependant: async (_, args, ctx) => payload(await refuseDependant(ctx, app, args.input), ctx),
      endDependantStatus: async (_, args, ctx) => payload(await endDependantStatus(ctx, app, args.input), ctx),
    },
  };
}
