import type { GraphQLResolverMap } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { ApplicationRow } from '../../db/schema.ts';
import { decide, type Action, type DecisionInput } from './service.ts';

function action(app: App, name: Action) {
  return (_: unknown, args: { input: DecisionInput }, ctx: Context) => decide(ctx, app, name, args.input);
}

export function reviewResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Mutation: {
      startReview: action(app, 'startReview'),
      returnForCorrection: action(app, 'returnForCorrection'),
      resubmitApplication: action(app, 'resubmitApplication'),
      requestEvaluation: action(app, 'requestEvaluation'),
      approveApplication: action(app, 'approveApplication'),
      refuseApplication: action(app, 'refuseApplication'),
    },
    Application: {
      clearance: (a: ApplicationRow) => a.screeningOutcome,
      clearanceConcludedAt: (a: ApplicationRow) => a.screeningConcludedAt,
      evaluationRequested: (a: ApplicationRow) => a.evaluationRequestedAt !== null,
      expertVerdict: (a: ApplicationRow) => a.evaluationVerdict,
      expertVerdictAt: (a: ApplicationRow) => a.evaluationConcludedAt,
    },
  };
}
