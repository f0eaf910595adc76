import type { GraphQLResolverMap, PageArgs } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { assertMonitoringReadable } from '../../access.ts';
import type { ActivityReportRow } from '../../db/schema.ts';
import type { Quarter } from '../rules/service.ts';
import { activityOf } from '../rules/activities.ts';
import { fileActivityReport, listReportsFor, missingReportsFor, periodOf, type FileReportInput, type ReportListArgs } from './service.ts';

/** A personal field of a report: refused unless the need-to-know table allows it, recorded in the access log before its value is returned. */
function personal<T>(field: 'ActivityReport.clients' | 'ActivityReport.income', read: (r: ActivityReportRow) => T) {
  return async (report: ActivityReportRow, _args: unknown, ctx: Context): Promise<T> => {
    await assertMonitoringReadable(ctx, report.nomadId, field);
    await ctx.loaders.access.record(report.nomadId, field);
    return read(report);
  };
}

export function reportResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      activityReports: (_: unknown, args: ReportListArgs, ctx: Context) => listReportsFor(ctx, args),
      missingActivityReports: (_: unknown, args: PageArgs & { period: Quarter }, ctx: Context) => missingReportsFor(ctx, args, app.clock.today()),
    },
    Mutation: {
      fileActivityReport: (_: unknown, args: { input: FileReportInput }, ctx: Context) => fileActivityReport(ctx, app, args.input),
    },
    ActivityReport: {
      nomad: (r: ActivityReportRow) => ({ id: r.nomadId }),
      period: (r: ActivityReportRow) => periodOf(r),
      activity: (r: ActivityReportRow, _args: unknown, ctx: Context) => activityOf(ctx, r.activityCode),
      clients: personal('ActivityReport.clients', (r) => r.clients),
      income: personal('ActivityReport.income', (r) => ({ amountMinor: r.incomeMinor, currency: r.incomeCurrency })),
    },
  };
}
