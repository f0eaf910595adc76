import type { GraphQLResolverMap, PageArgs } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { CampaignItemRow, CampaignRow } from '../../db/schema.ts';
import { campaignFailures, getCampaign, listCampaignsFor, progressOf, startReregistrationCampaign } from './service.ts';

export function campaignResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      reregistrationCampaign: (_: unknown, args: { id: string }, ctx: Context) => getCampaign(ctx, args.id),
      reregistrationCampaigns: (_: unknown, args: PageArgs, ctx: Context) => listCampaignsFor(ctx, args),
    },
    Mutation: {
      startReregistrationCampaign: (_: unknown, args: { input?: { batchSize?: number | null } | null }, ctx: Context) =>
        startReregistrationCampaign(ctx, app, args.input),
    },
    ReregistrationCampaign: {
      progress: async (c: CampaignRow, _args: unknown, ctx: Context) => progressOf(c, await ctx.loaders.progressByCampaign.load(c.id)),
      failures: (c: CampaignRow, args: PageArgs, ctx: Context) => campaignFailures(ctx, c, args),
    },
    ReregistrationCampaignConnection: {
      totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
    },
    ReregistrationFailureConnection: {
      totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
    },
    ReregistrationFailure: {
      registration: (i: CampaignItemRow, _args: unknown, ctx: Context) => ctx.loaders.registrationById.load(i.registrationId),
      reason: (i: CampaignItemRow) => i.failureReason ?? 'unknown',
      at: (i: CampaignItemRow) => i.processedAt,
    },
  };
}
