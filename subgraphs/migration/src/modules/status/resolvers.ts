import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import { changeStatus, type StatusAction, type StatusChangeInput, type StatusPayload } from './change.ts';
import { listExpiringStatuses, readRecommendations, readStatus, readStatusHistory, readStatusPeriods, statusRemarkFor } from './service.ts';

export function statusResolvers(app: App): Resolvers {
  const payload = async (result: StatusPayload, ctx: Context) => ({
    nomad: result.nomadId ? await ctx.loaders.nomadById.load(result.nomadId) : null,
    userErrors: result.userErrors,
  });
  const mutation = (action: StatusAction) => async (_: unknown, args: { input: StatusChangeInput }, ctx: Context) => payload(await changeStatus(ctx, app, action, args.input), ctx);
  return {
    Nomad: {
      status: (nomad, _args, ctx) => readStatus(ctx, nomad, app.clock.today(), 'Nomad.status'),
      statusOn: (nomad, args, ctx) => readStatus(ctx, nomad, args.date, 'Nomad.statusOn'),
      statusPeriods: (nomad, _args, ctx) => readStatusPeriods(ctx, nomad.id, 'Nomad.statusPeriods'),
      statusRecommendations: (nomad, _args, ctx) => readRecommendations(ctx, nomad.id),
      statusHistory: (nomad, _args, ctx) => readStatusHistory(ctx, nomad.id, 'Nomad.statusHistory'),
    },
    NomadStatus: {
      grantedSince: (s) => s.chainStartedOn,
    },
    StatusEvent: {
      reason: (event, _args, ctx) => statusRemarkFor(ctx, event.reason),
    },
    ExpiringStatusConnection: {
      totalCount: (c) => c.totalCount(),
    },
    Query: {
      expiringStatuses: (_, args, ctx) => listExpiringStatuses(ctx, app, args),
    },
    Mutation: {
      extendStatus: mutation('extendStatus'),
      renewStatus: mutation('renewStatus'),
      suspendStatus: mutation('suspendStatus'),
      reinstateStatus: mutation('reinstateStatus'),
      revokeStatus: mutation('revokeStatus'),
    },
  };
}
