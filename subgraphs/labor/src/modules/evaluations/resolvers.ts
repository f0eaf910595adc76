import type { App } from '../../app.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import { assertFindingsReadable } from '../../access.ts';
import { expertOfEvaluation } from '../experts/service.ts';
import { activityOf } from '../rules/activities.ts';
import {
  assignEvaluation,
  getEvaluation,
  listEvaluationsFor,
  requestMonitoringEvaluation,
  submitEvaluationFindings,
} from './service.ts';

export function evaluationResolvers(app: App): Resolvers {
  return {
    Query: {
      evaluations: (_, args, ctx) => listEvaluationsFor(ctx, args),
      evaluation: (_, args, ctx) => getEvaluation(ctx, args.id),
    },
    Mutation: {
      requestMonitoringEvaluation: (_, args, ctx) =>
        requestMonitoringEvaluation(ctx, app, args.input),
      assignEvaluation: (_, args, ctx) => assignEvaluation(ctx, app, args.input),
      submitEvaluationFindings: (_, args, ctx) => submitEvaluationFindings(ctx, app, args.input),
    },
    Evaluation: {
      nomad: (e) => ({ id: e.nomadId }),
      application: (e) => (e.applicationId ? { id: e.applicationId } : null),
      activity: (e, _args, ctx) => activityOf(ctx, e.activityCode),
      expert: (e, _args, ctx) => expertOfEvaluation(ctx, e.expertId),
      findings: async (e, _args, ctx) => {
        await assertFindingsReadable(ctx, e);
        if (e.findings === null) return null;
        await ctx.loaders.access.record(e.nomadId, 'Evaluation.findings');
        return e.findings;
      },
    },
  };
}
