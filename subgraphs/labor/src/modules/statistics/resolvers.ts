import type { Resolvers } from '../../generated/resolvers-types.ts';
import { getActivityReportStatistics, getEvaluationStatistics, getMonitoringCaseStatistics } from './service.ts';

export function statisticsResolvers(): Resolvers {
  return {
    Query: {
      evaluationStatistics: (_, args, ctx) => getEvaluationStatistics(ctx, args),
      activityReportStatistics: (_, args, ctx) => getActivityReportStatistics(ctx, args),
      monitoringCaseStatistics: (_, args, ctx) => getMonitoringCaseStatistics(ctx, args),
    },
  };
}
