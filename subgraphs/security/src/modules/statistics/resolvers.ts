import type { Resolvers } from '../../generated/resolvers-types.ts';
import { getScreeningStatistics } from './service.ts';

export function statisticsResolvers(): Resolvers {
  return {
    Query: {
      screeningStatistics: (_, args, ctx) => getScreeningStatistics(ctx, args),
    },
  };
}
