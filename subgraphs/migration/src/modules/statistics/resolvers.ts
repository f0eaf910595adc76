import type { GraphQLResolverMap } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { getApplicationStatistics, type ApplicationStatisticsArgs } from './service.ts';

export function statisticsResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      applicationStatistics: (_: unknown, args: ApplicationStatisticsArgs, ctx: Context) => getApplicationStatistics(ctx, app, args),
    },
  };
}
