import type { GraphQLResolverMap } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { assertMonitoringReadable } from '../../access.ts';
import type { MonitoringCaseRow } from '../../db/schema.ts';
import { getCase, historyOf, listCasesFor, setCaseRiskLevel, type CaseActionView, type CaseListArgs, type SetRiskLevelInput } from './service.ts';

export function monitoringResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      monitoringCases: (_: unknown, args: CaseListArgs, ctx: Context) => listCasesFor(ctx, args),
      monitoringCase: (_: unknown, args: { id: string }, ctx: Context) => getCase(ctx, args.id),
    },
    Mutation: {
      setCaseRiskLevel: (_: unknown, args: { input: SetRiskLevelInput }, ctx: Context) => setCaseRiskLevel(ctx, app, args.input),
    },
    MonitoringCase: {
      nomad: (c: MonitoringCaseRow) => ({ id: c.nomadId }),
      // A risk assessment of a person is personal data: recorded before it is returned.
      riskLevel: async (c: MonitoringCaseRow, _args: unknown, ctx: Context) => {
        await assertMonitoringReadable(ctx, c.nomadId, 'MonitoringCase.riskLevel');
        await ctx.loaders.access.record(c.nomadId, 'MonitoringCase.riskLevel');
        return c.riskLevel;
      },
      history: (c: MonitoringCaseRow, _args: unknown, ctx: Context) => historyOf(ctx, c),
    },
    CaseAction: {
      // Notes state risk levels and their reasons, verdicts: recorded before they are returned.
      note: async (a: CaseActionView, _args: unknown, ctx: Context) => {
        await assertMonitoringReadable(ctx, a.nomadId, 'CaseAction.note');
        if (a.note === null) return null;
        await ctx.loaders.access.record(a.nomadId, 'CaseAction.note');
        return a.note;
      },
    },
  };
}
