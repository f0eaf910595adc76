import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import { decide, type Action, type DecisionInput } from './service.ts';

/** One decision mutation; its generated args (the mutation's own input) must fit `DecisionInput`. */
function action(app: App, name: Action) {
  return (_: unknown, args: { input: DecisionInput }, ctx: Context) => decide(ctx, app, name, args.input);
}

export function reviewResolvers(app: App): Resolvers {
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
      clearance: (a) => a.screeningOutcome,
      clearanceConcludedAt: (a) => a.screeningConcludedAt,
      evaluationRequested: (a) => a.evaluationRequestedAt !== null,
      expertVerdict: (a) => a.evaluationVerdict,
      expertVerdictAt: (a) => a.evaluationConcludedAt,
    },
  };
}
