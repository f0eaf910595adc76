import type { GraphQLResolverMap, PageArgs } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { ExitWatchRow } from '../../db/schema.ts';
import { confirmDeparture, daysOverdue, overdueDeparturesFor, type ConfirmDepartureInput } from './service.ts';

export function departureResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      overdueDepartures: (_: unknown, args: PageArgs, ctx: Context) => overdueDeparturesFor(ctx, app, args),
    },
    Mutation: {
      confirmDeparture: (_: unknown, args: { input: ConfirmDepartureInput }, ctx: Context) => confirmDeparture(ctx, app, args.input),
    },
    ExitWatch: {
      nomad: (w: ExitWatchRow) => ({ __typename: 'Nomad', id: w.nomadId }),
      daysOverdue: (w: ExitWatchRow) => daysOverdue(w, app.clock.today()),
    },
  };
}
