import type { App } from '../../app.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import { evaluationOfApplication, evaluationsOfNomad } from '../evaluations/service.ts';
import { monitoringOfNomad } from '../monitoring/service.ts';
import { reportsOfNomad } from '../reports/service.ts';
import { activitiesFor } from '../rules/activities.ts';

export function nomadResolvers(_app: App): Resolvers {
  return {
    Query: {
      laborActivities: (_, _args, ctx) => activitiesFor(ctx),
    },
    Nomad: {
      // Labor holds no nomad row: the reference is the key itself, so resolving 50 costs nothing.
      __resolveReference: (ref) => ({ id: ref.id }),
      monitoring: (nomad, _args, ctx) => monitoringOfNomad(ctx, nomad.id),
      activityReports: (nomad, args, ctx) => reportsOfNomad(ctx, nomad.id, args),
      evaluations: (nomad, _args, ctx) => evaluationsOfNomad(ctx, nomad.id),
      latestEvaluation: async (nomad, _args, ctx) => (await evaluationsOfNomad(ctx, nomad.id))[0] ?? null,
    },
    Application: {
      __resolveReference: (ref) => ({ id: ref.id }),
      evaluation: (application, _args, ctx) => evaluationOfApplication(ctx, application.id),
    },
  };
}
