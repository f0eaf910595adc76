import type { Resolvers } from '../../generated/resolvers-types.ts';
import { getDeclarationStatistics, getReregistrationStatistics } from './service.ts';

export function statisticsResolvers(): Resolvers {
  return {
    Query: {
      declarationStatistics: (_, args, ctx) => getDeclarationStatistics(ctx, args),
      reregistrationStatistics: (_, args, ctx) => getReregistrationStatistics(ctx, args),
    },
  };
}
