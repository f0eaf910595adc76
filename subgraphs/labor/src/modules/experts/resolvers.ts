import type { App } from '../../app.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import { isEngagedOn } from '../evaluations/assign.ts';
import { activityOf } from '../rules/activities.ts';
import {
  conflictsOf,
  declareConflict,
  endEngagement,
  engageExpert,
  getExpert,
  listExpertsFor,
  myExpertRecord,
} from './service.ts';

export function expertResolvers(app: App): Resolvers {
  return {
    Query: {
      experts: (_, args, ctx) => listExpertsFor(ctx, args),
      expert: (_, args, ctx) => getExpert(ctx, args.id),
      myExpertRecord: (_, _args, ctx) => myExpertRecord(ctx),
    },
    Mutation: {
      engageExpert: (_, args, ctx) => engageExpert(ctx, app, args.input),
      endEngagement: (_, args, ctx) => endEngagement(ctx, app, args.input),
      declareConflict: (_, args, ctx) => declareConflict(ctx, app, args.input),
    },
    Expert: {
      fields: (e, _args, ctx) => Promise.all(e.fields.map((code) => activityOf(ctx, code))),
      engagedToday: (e) => isEngagedOn(e, app.clock.today()),
      conflicts: (e, _args, ctx) => conflictsOf(ctx, e),
    },
  };
}
