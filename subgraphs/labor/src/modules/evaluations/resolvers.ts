import type { GraphQLResolverMap } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { assertFindingsReadable } from '../../access.ts';
import type { EvaluationRow } from '../../db/schema.ts';
import { expertOfEvaluation } from '../experts/service.ts';
import { activityOf } from '../rules/activities.ts';
import {
  assignEvaluation,
  getEvaluation,
  listEvaluationsFor,
  requestMonitoringEvaluation,
  submitEvaluationFindings,
  type AssignEvaluationInput,
  type EvaluationListArgs,
  type RequestMonitoringEvaluationInput,
  type SubmitFindingsInput,
} from './service.ts';

export function evaluationResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      evaluations: (_: unknown, args: EvaluationListArgs, ctx: Context) => listEvaluationsFor(ctx, args),
      evaluation: (_: unknown, args: { id: string }, ctx: Context) => getEvaluation(ctx, args.id),
    },
    Mutation: {
      requestMonitoringEvaluation: (_: unknown, args: { input: RequestMonitoringEvaluationInput }, ctx: Context) =>
        requestMonitoringEvaluation(ctx, app, args.input),
      assignEvaluation: (_: unknown, args: { input: AssignEvaluationInput }, ctx: Context) => assignEvaluation(ctx, app, args.input),
      submitEvaluationFindings: (_: unknown, args: { input: SubmitFindingsInput }, ctx: Context) => submitEvaluationFindings(ctx, app, args.input),
    },
    Evaluation: {
      nomad: (e: EvaluationRow) => ({ id: e.nomadId }),
      application: (e: EvaluationRow) => (e.applicationId ? { id: e.applicationId } : null),
      activity: (e: EvaluationRow, _args: unknown, ctx: Context) => activityOf(ctx, e.activityCode),
      expert: (e: EvaluationRow, _args: unknown, ctx: Context) => expertOfEvaluation(ctx, e.expertId),
      findings: async (e: EvaluationRow, _args: unknown, ctx: Context) => {
        await assertFindingsReadable(ctx, e);
        if (e.findings === null) return null;
        await ctx.loaders.access.record(e.nomadId, 'Evaluation.findings');
        return e.findings;
      },
    },
  };
}
