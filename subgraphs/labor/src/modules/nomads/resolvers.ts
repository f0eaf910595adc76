import type { GraphQLResolverMap, PageArgs } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { evaluationOfApplication, evaluationsOfNomad } from '../evaluations/service.ts';
import { monitoringOfNomad } from '../monitoring/service.ts';
import { reportsOfNomad } from '../reports/service.ts';
import { activitiesFor } from '../rules/activities.ts';

/** A nomad or application as labor knows it: only the key; migration resolves the rest. */
interface EntityRef {
  id: string;
}

export function nomadResolvers(_app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      laborActivities: (_: unknown, _args: unknown, ctx: Context) => activitiesFor(ctx),
    },
    Nomad: {
      // Labor holds no nomad row: the reference is the key itself, so resolving 50 costs nothing.
      __resolveReference: (ref: EntityRef) => ({ id: ref.id }),
      monitoring: (nomad: EntityRef, _args: unknown, ctx: Context) => monitoringOfNomad(ctx, nomad.id),
      activityReports: (nomad: EntityRef, args: PageArgs, ctx: Context) => reportsOfNomad(ctx, nomad.id, args),
      evaluations: (nomad: EntityRef, _args: unknown, ctx: Context) => evaluationsOfNomad(ctx, nomad.id),
      latestEvaluation: async (nomad: EntityRef, _args: unknown, ctx: Context) => (await evaluationsOfNomad(ctx, nomad.id))[0] ?? null,
    },
    Application: {
      __resolveReference: (ref: EntityRef) => ({ id: ref.id }),
      evaluation: (application: EntityRef, _args: unknown, ctx: Context) => evaluationOfApplication(ctx, application.id),
    },
  };
}
