import type { GraphQLResolverMap, PageArgs } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { NomadRow } from '../../db/schema.ts';
import { changeStatus, type StatusAction, type StatusChangeInput, type StatusPayload } from './change.ts';
import type { DerivedStatus } from './derive.ts';
import { listExpiringStatuses, readRecommendations, readStatus, readStatusHistory, readStatusPeriods } from './service.ts';

export function statusResolvers(app: App): GraphQLResolverMap<Context> {
  const payload = async (result: StatusPayload, ctx: Context) => ({
    nomad: result.nomadId ? await ctx.loaders.nomadById.load(result.nomadId) : null,
    userErrors: result.userErrors,
  });
  const mutation = (action: StatusAction) => async (_: unknown, args: { input: StatusChangeInput }, ctx: Context) => payload(await changeStatus(ctx, app, action, args.input), ctx);
  return {
    Nomad: {
      status: (nomad: NomadRow, _args: unknown, ctx: Context) => readStatus(ctx, nomad, app.clock.today(), 'Nomad.status'),
      statusOn: (nomad: NomadRow, args: { date: string }, ctx: Context) => readStatus(ctx, nomad, args.date, 'Nomad.statusOn'),
      statusPeriods: (nomad: NomadRow, _args: unknown, ctx: Context) => readStatusPeriods(ctx, nomad.id, 'Nomad.statusPeriods'),
      statusRecommendations: (nomad: NomadRow, _args: unknown, ctx: Context) => readRecommendations(ctx, nomad.id),
      statusHistory: (nomad: NomadRow, _args: unknown, ctx: Context) => readStatusHistory(ctx, nomad.id, 'Nomad.statusHistory'),
    },
    NomadStatus: {
      grantedSince: (s: DerivedStatus) => s.chainStartedOn,
    },
    ExpiringStatusConnection: {
      totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
    },
    Query: {
      expiringStatuses: (_: unknown, args: PageArgs & { withinDays: number }, ctx: Context) => listExpiringStatuses(ctx, app, args),
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
