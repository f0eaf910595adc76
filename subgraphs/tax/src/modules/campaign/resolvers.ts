import { loadExisting } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import { campaignFailures, getCampaign, listCampaignsFor, progressOf, startReregistrationCampaign } from './service.ts';

export function campaignResolvers(app: App): Resolvers {
  return {
    Query: {
      reregistrationCampaign: (_, args, ctx) => getCampaign(ctx, args.id),
      reregistrationCampaigns: (_, args, ctx) => listCampaignsFor(ctx, args),
    },
    Mutation: {
      startReregistrationCampaign: (_, args, ctx) =>
        startReregistrationCampaign(ctx, app, args.input),
    },
    ReregistrationCampaign: {
      code: async (c, _args, ctx) => (await ctx.loaders.campaignCode.load(c.id)) ?? '',
      progress: async (c, _args, ctx) => progressOf(c, await ctx.loaders.progressByCampaign.load(c.id)),
      failures: (c, args, ctx) => campaignFailures(ctx, c, args),
    },
    ReregistrationCampaignConnection: {
      totalCount: (c) => c.totalCount(),
    },
    ReregistrationFailureConnection: {
      totalCount: (c) => c.totalCount(),
    },
    ReregistrationFailure: {
      registration: (i, _args, ctx) => loadExisting(ctx.loaders.registrationById, i.registrationId, "A campaign item's registration"),
      reason: (i) => i.failureReason ?? 'unknown',
      at: (i) => i.processedAt,
    },
  };
}
