import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import type { ExitWatchRow } from '../../db/schema.ts';
import type { PersonalField } from '../../personal-fields.ts';
import { assertAllowedByTable } from '../../policy.ts';
import { confirmDeparture, daysOverdue, overdueDeparturesFor } from './service.ts';

/**
 * A personal field of an exit watch: refused unless the need-to-know table allows it, recorded in
 * the access log before its value is returned (none when it is empty). Under the watch's nomad:
 * on a family member's watch the principal, as every read of a dependant's data is recorded.
 */
function personal<T>(field: PersonalField, read: (w: ExitWatchRow) => T) {
  return async (w: ExitWatchRow, _args: unknown, ctx: Context): Promise<T> => {
    assertAllowedByTable(ctx, field, w.nomadId);
    const value = read(w);
    if (value !== null) await ctx.loaders.access.record(w.nomadId, field);
    return value;
  };
}

export function departureResolvers(app: App): Resolvers {
  return {
    Query: {
      overdueDepartures: (_, args, ctx) => overdueDeparturesFor(ctx, app, args),
    },
    Mutation: {
      confirmDeparture: (_, args, ctx) => confirmDeparture(ctx, app, args.input),
    },
    ExitWatch: {
      nomad: (w) => ({ __typename: 'Nomad', id: w.nomadId }),
      dependant: (w) => (w.dependantId === null ? null : { __typename: 'Dependant', id: w.dependantId }),
      daysOverdue: (w) => daysOverdue(w, app.clock.today()),
      pin: personal('ExitWatch.pin', (w) => w.pin),
      ground: personal('ExitWatch.ground', (w) => w.ground),
      note: personal('ExitWatch.note', (w) => w.note),
    },
  };
}
