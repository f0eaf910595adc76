import type { Resolvers } from '../../generated/resolvers-types.ts';
import { listPublicHolidays, loadPublicHolidays } from './holidays.ts';

export function rulesResolvers(): Resolvers {
  return {
    Query: {
      publicHolidays: (_, args, ctx) => listPublicHolidays(ctx.db, args),
    },
    Mutation: {
      loadPublicHolidays: (_, args, ctx) => loadPublicHolidays(ctx, args.input),
    },
  };
}
