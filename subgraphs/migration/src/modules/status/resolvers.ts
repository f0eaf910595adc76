import { badUserInput, decodeCursor, encodeCursor, forbidden, hasRole, toPage, type GraphQLResolverMap, type PageArgs } from '@nomad/kit';
import type { App } from '../../app.ts';
import { addDays } from '../../clock.ts';
import type { Context } from '../../context.ts';
import type { NomadRow } from '../../db/schema.ts';
import { assertStatusReadable } from '../nomads/service.ts';
import { deriveStatus, type DerivedStatus } from './derive.ts';
import { listExpiring } from './queries.ts';
import { ceilingOf, changeStatus, type RevocationGround, type StatusPayload } from './service.ts';

async function statusAt(ctx: Context, nomad: NomadRow, day: string): Promise<(DerivedStatus & { ceilingOn: string }) | null> {
  assertStatusReadable(ctx, nomad.id);
  await ctx.loaders.access.record(nomad.id, 'status');
  const [periods, events, rules] = await Promise.all([
    ctx.loaders.statusPeriodsByNomad.load(nomad.id),
    ctx.loaders.statusEventsByNomad.load(nomad.id),
    ctx.loaders.rules.load('rules'),
  ]);
  const status = deriveStatus(periods, events, day);
  return status ? { ...status, ceilingOn: ceilingOf(rules, status.chainStartedOn) } : null;
}

export function statusResolvers(app: App): GraphQLResolverMap<Context> {
  const payload = async (result: StatusPayload, ctx: Context) => ({
    nomad: result.nomadId ? await ctx.loaders.nomadById.load(result.nomadId) : null,
    userErrors: result.userErrors,
  });
  return {
    Nomad: {
      status: (nomad: NomadRow, _args: unknown, ctx: Context) => statusAt(ctx, nomad, app.clock.today()),
      statusOn: (nomad: NomadRow, args: { date: string }, ctx: Context) => statusAt(ctx, nomad, args.date),
      statusPeriods: async (nomad: NomadRow, _args: unknown, ctx: Context) => {
        assertStatusReadable(ctx, nomad.id);
        await ctx.loaders.access.record(nomad.id, 'status');
        return ctx.loaders.statusPeriodsByNomad.load(nomad.id);
      },
      statusRecommendations: (nomad: NomadRow, _args: unknown, ctx: Context) => {
        if (!hasRole(ctx.principal, 'migration_officer')) throw forbidden('Recommendations are for migration officers.');
        return ctx.loaders.recommendationsByNomad.load(nomad.id);
      },
      statusHistory: async (nomad: NomadRow, _args: unknown, ctx: Context) => {
        assertStatusReadable(ctx, nomad.id);
        await ctx.loaders.access.record(nomad.id, 'status');
        return ctx.loaders.statusEventsByNomad.load(nomad.id);
      },
    },
    NomadStatus: {
      grantedSince: (s: DerivedStatus) => s.chainStartedOn,
    },
    Query: {
      expiringStatuses: async (_: unknown, args: PageArgs & { withinDays: number }, ctx: Context) => {
        if (!hasRole(ctx.principal, 'migration_officer')) throw forbidden('Work queues are for migration officers.');
        if (!Number.isInteger(args.withinDays) || args.withinDays < 0 || args.withinDays > 366) {
          throw badUserInput('`withinDays` must be between 0 and 366.', 'withinDays');
        }
        const page = toPage({ first: args.first });
        const after = args.after ? decodeCursor(args.after) : null;
        const today = app.clock.today();
        const rows = await listExpiring(ctx.db, { from: today, to: addDays(today, args.withinDays), after, limit: page.limit });
        const nodes = rows.slice(0, page.limit);
        const nomads = await ctx.loaders.nomadById.loadMany(nodes.map((r) => r.nomadId));
        const edges = nodes.map((r, i) => ({ cursor: encodeCursor({ key: r.validUntil, id: r.nomadId }), node: nomads[i], validUntil: r.validUntil }));
        return {
          edges,
          pageInfo: { hasNextPage: rows.length > page.limit, hasPreviousPage: after !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
        };
      },
    },
    Mutation: {
      extendStatus: async (_: unknown, args: { input: { nomadId: string; reason?: string | null } }, ctx: Context) =>
        payload(await changeStatus(ctx, app, 'extendStatus', args.input), ctx),
      renewStatus: async (_: unknown, args: { input: { nomadId: string; reason?: string | null } }, ctx: Context) =>
        payload(await changeStatus(ctx, app, 'renewStatus', args.input), ctx),
      suspendStatus: async (_: unknown, args: { input: { nomadId: string; reason: string } }, ctx: Context) =>
        payload(await changeStatus(ctx, app, 'suspendStatus', args.input), ctx),
      reinstateStatus: async (_: unknown, args: { input: { nomadId: string; reason?: string | null } }, ctx: Context) =>
        payload(await changeStatus(ctx, app, 'reinstateStatus', args.input), ctx),
      revokeStatus: async (_: unknown, args: { input: { nomadId: string; ground: RevocationGround; reason?: string | null } }, ctx: Context) =>
        payload(await changeStatus(ctx, app, 'revokeStatus', args.input), ctx),
    },
  };
}
