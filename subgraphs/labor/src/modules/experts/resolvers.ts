import type { GraphQLResolverMap } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { ExpertRow } from '../../db/schema.ts';
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
  type DeclareConflictInput,
  type EndEngagementInput,
  type EngageExpertInput,
  type ExpertListArgs,
} from './service.ts';

export function expertResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      experts: (_: unknown, args: ExpertListArgs, ctx: Context) => listExpertsFor(ctx, args),
      expert: (_: unknown, args: { id: string }, ctx: Context) => getExpert(ctx, args.id),
      myExpertRecord: (_: unknown, _args: unknown, ctx: Context) => myExpertRecord(ctx),
    },
    Mutation: {
      engageExpert: (_: unknown, args: { input: EngageExpertInput }, ctx: Context) => engageExpert(ctx, app, args.input),
      endEngagement: (_: unknown, args: { input: EndEngagementInput }, ctx: Context) => endEngagement(ctx, app, args.input),
      declareConflict: (_: unknown, args: { input: DeclareConflictInput }, ctx: Context) => declareConflict(ctx, app, args.input),
    },
    Expert: {
      fields: (e: ExpertRow, _args: unknown, ctx: Context) => Promise.all(e.fields.map((code) => activityOf(ctx, code))),
      engagedToday: (e: ExpertRow) => isEngagedOn(e, app.clock.today()),
      conflicts: (e: ExpertRow, _args: unknown, ctx: Context) => conflictsOf(ctx, e),
    },
  };
}
