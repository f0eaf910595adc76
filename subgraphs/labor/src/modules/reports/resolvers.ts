import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import { assertMonitoringReadable } from '../../access.ts';
import type { ActivityReportRow } from '../../db/schema.ts';
import { activityOf } from '../rules/activities.ts';
import { fileActivityReport, listReportsFor, missingReportsFor, periodOf } from './service.ts';

/** A personal field of a report: refused unless the need-to-know table allows it, recorded in the access log before its value is returned. */
function personal<T>(field: 'ActivityReport.clients' | 'ActivityReport.income', read: (r: ActivityReportRow) => T) {
  return async (report: ActivityReportRow, _args: unknown, ctx: Context): Promise<T> => {
    await assertMonitoringReadable(ctx, report.nomadId, field);
    await ctx.loaders.access.record(report.nomadId, field);
    return read(report);
  };
}

export function reportResolvers(app: App): Resolvers {
  return {
    Query: {
      activityReports: (_, args, ctx) => listReportsFor(ctx, args),
      missingActivityReports: (_, args, ctx) => missingReportsFor(ctx, args, app.clock.today()),
    },
    Mutation: {
      fileActivityReport: (_, args, ctx) => fileActivityReport(ctx, app, args.input),
    },
    ActivityReport: {
      nomad: (r) => ({ id: r.nomadId }),
      period: (r) => periodOf(r),
      activity: (r, _args, ctx) => activityOf(ctx, r.activityCode),
      clients: personal('ActivityReport.clients', (r) => r.clients),
      income: personal('ActivityReport.income', (r) => ({ amountMinor: r.incomeMinor, currency: r.incomeCurrency })),
    },
  };
}
