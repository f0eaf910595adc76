import type { App } from '../../app.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import { getApplicationStatistics } from './service.ts';
import { getStatusEventStatistics, getStatusStatistics } from './status-service.ts';

export function statisticsResolvers(app: App): Resolvers {
  return {
    Query: {
      applicationStatistics: (_, args, ctx) => getApplicationStatistics(ctx, app, args),
      statusStatistics: (_, args, ctx) => getStatusStatistics(ctx, args),
      statusEventStatistics: (_, args, ctx) => getStatusEventStatistics(ctx, app, args),
    },
  };
}
