import type { App } from '../../app.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import { assertMonitoringReadable } from '../../access.ts';
import { getCase, historyOf, listCasesFor, setCaseRiskLevel } from './service.ts';

export function monitoringResolvers(app: App): Resolvers {
  return {
    Query: {
      monitoringCases: (_, args, ctx) => listCasesFor(ctx, args),
      monitoringCase: (_, args, ctx) => getCase(ctx, args.id),
    },
    Mutation: {
      setCaseRiskLevel: (_, args, ctx) => setCaseRiskLevel(ctx, app, args.input),
    },
    MonitoringCase: {
      nomad: (c) => ({ id: c.nomadId }),
      // A risk assessment of a person is personal data: recorded before it is returned.
      riskLevel: async (c, _args, ctx) => {
        await assertMonitoringReadable(ctx, c.nomadId, 'MonitoringCase.riskLevel');
        await ctx.loaders.access.record(c.nomadId, 'MonitoringCase.riskLevel');
        return c.riskLevel;
      },
      history: (c, _args, ctx) => historyOf(ctx, c),
    },
    CaseAction: {
      // Notes state risk levels and their reasons, verdicts: recorded before they are returned.
      note: async (a, _args, ctx) => {
        await assertMonitoringReadable(ctx, a.nomadId, 'CaseAction.note');
        if (a.note === null) return null;
        await ctx.loaders.access.record(a.nomadId, 'CaseAction.note');
        return a.note;
      },
    },
  };
}
