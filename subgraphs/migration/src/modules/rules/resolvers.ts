import type { GraphQLResolverMap } from '@nomad/kit';
import type { Context } from '../../context.ts';
import { listPublicHolidays, loadPublicHolidays, type LoadPublicHolidaysInput } from './holidays.ts';

export function rulesResolvers(): GraphQLResolverMap<Context> {
  return {
    Query: {
      publicHolidays: (_: unknown, args: { fromYear: number; toYear: number }, ctx: Context) => listPublicHolidays(ctx.db, args),
    },
    Mutation: {
      loadPublicHolidays: (_: unknown, args: { input: LoadPublicHolidaysInput }, ctx: Context) => loadPublicHolidays(ctx, args.input),
    },
  };
}
