import { abort, badUserInput, COUNTRY_CODE, CURRENCY_CODE, forbidden, hasRole, HOME_COUNTRY, isMinorAmount, isUuid, runMutation, toConnection, toPage, userError, UserErrorsAbort, type Connection, type CountedConnection, type PageArgs, type UserError } from '@nomad/kit';
import { assertLaborOfficer, assertMonitoringReadable, isLaborOfficer, isSelf, myExpertIds } from '../../access.ts';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { ActivityReportRow, MonitoringCaseRow, ReportClient } from '../../db/schema.ts';
import { getNomadIdsEvaluatedBy } from '../evaluations/queries.ts';
import { lockCaseOfNomad, addCaseAction } from '../monitoring/queries.ts';
import { isActivity, isValidQuarter, loadRules, quarterDates, type Quarter, type Rules } from '../rules/service.ts';
import { countCasesMissingReport, countReports, insertReport, listCasesMissingReport, listReports, type ReportFilterParams } from './queries.ts';

export interface ReportPeriodView extends Quarter {
  startsOn: string;
  endsOn: string;
  dueOn: string;
}

/** The quarter of a stored report. */
export function periodOf(report: ActivityReportRow): ReportPeriodView {
  const [y, m] = report.periodStart.split('-').map(Number) as [number, number];
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1, startsOn: report.periodStart, endsOn: report.periodEnd, dueOn: report.dueOn };
}

/** BAD_USER_INPUT naming `field` unless `q` is a quarter from 2022. */
export function checkQuarter(q: Quarter, field: string): void {
  if (!isValidQuarter(q)) throw badUserInput('A period is a year from 2022 and a quarter 1–4.', field);
}

// ---------------------------------------------------------------- reads

type ReportConnection = CountedConnection<ActivityReportRow>;

/** `Nomad.activityReports`: labor officers, the nomad, and an expert evaluating the nomad. */
export async function reportsOfNomad(ctx: Context, nomadId: string, args: PageArgs): Promise<ReportConnection> {
  const page = toPage(args);
  await assertMonitoringReadable(ctx, nomadId);
  const rows = await ctx.loaders.reportsByNomad.load({ nomadId, page });
  return {
    ...toConnection(rows, page, (r) => ({ key: r.periodStart, id: r.id })),
    // Through a loader: in a list of nomads, one statement counts them all.
    totalCount: () => ctx.loaders.reportCountByNomad.load(nomadId),
  };
}

export interface ReportListArgs extends PageArgs {
  filter?: { nomadId?: string | null; period?: Quarter | null; late?: boolean | null } | null;
}

/**
 * Reports across nomads. Labor officers see all; an expert, the reports of nomads whose
 * evaluation is theirs; a nomad, their own.
 */
export async function listReportsFor(ctx: Context, args: ReportListArgs): Promise<ReportConnection> {
  const page = toPage(args);
  const { principal } = ctx;
  const nomadId = args.filter?.nomadId ?? undefined;
  if (nomadId !== undefined && !isUuid(nomadId)) throw badUserInput('`nomadId` must be a UUID.', 'filter.nomadId');
  const period = args.filter?.period ?? undefined;
  if (period) checkQuarter(period, 'filter.period');
  const rules = await ctx.loaders.rules.load('rules');
  const filter: ReportFilterParams = {
    nomadIds: nomadId ? [nomadId] : undefined,
    periodStart: period ? quarterDates(period, rules).startsOn : undefined,
    late: args.filter?.late ?? undefined,
  };
  if (!isLaborOfficer(principal)) {
    let allowed: string[];
    if (hasRole(principal, 'labor_expert')) allowed = await getNomadIdsEvaluatedBy(ctx.db, { expertIds: [...(await myExpertIds(ctx))] });
    else if (principal.roles.includes('nomad') && principal.nomadId) allowed = [principal.nomadId];
    else throw forbidden('Activity reports are for labor officers, the experts evaluating a nomad, and the nomad.');
    filter.nomadIds = filter.nomadIds ? filter.nomadIds.filter((id) => allowed.includes(id)) : allowed;
  }
  const rows = await listReports(ctx.db, { filter, page });
  return { ...toConnection(rows, page, (r) => ({ key: r.periodStart, id: r.id })), totalCount: () => countReports(ctx.db, { filter }) };
}

/**
 * Cases that owe a report for `period` and have none, once it is due (before the due day
 * nothing is missing yet). Labor officers only.
 */
export async function missingReportsFor(
  ctx: Context,
  args: PageArgs & { period: Quarter },
  today: string,
): Promise<Connection<MonitoringCaseRow> & { totalCount: () => Promise<number>; dueOn: string }> {
  assertLaborOfficer(ctx, 'The list of missing reports');
  checkQuarter(args.period, 'period');
  const page = toPage(args);
  const rules = await ctx.loaders.rules.load('rules');
  const { startsOn, endsOn, dueOn } = quarterDates(args.period, rules);
  if (today <= dueOn) return { ...toConnection([], page, () => ({ key: '', id: '' })), totalCount: () => Promise.resolve(0), dueOn };
  const params = { periodStart: startsOn, periodEnd: endsOn };
  const rows = await listCasesMissingReport(ctx.db, { ...params, page });
  for (const row of rows) ctx.loaders.caseByNomad.prime(row.nomadId, row);
  return { ...toConnection(rows, page, (r) => ({ key: r.createdAt, id: r.id })), totalCount: () => countCasesMissingReport(ctx.db, params), dueOn };
}

// ---------------------------------------------------------------- filing

export interface FileReportInput {
  period: Quarter;
  activityCode: string;
  clients: { name?: string | null; country: string }[];
  income: { amountMinor: number; currency: string };
}

export interface ReportPayload {
  activityReport: ActivityReportRow | null;
  userErrors: UserError[];
}

/** Every rule a report breaks, at once (pure: the tests call it directly). */
export function checkReport(input: FileReportInput, rules: Rules, today: string): UserError[] {
  const errors: UserError[] = [];
  if (!isValidQuarter(input.period)) {
    errors.push(userError('INVALID_PERIOD', 'A period is a year from 2022 and a quarter 1–4.', 'input.period'));
  } else if (quarterDates(input.period, rules).startsOn > today) {
    errors.push(userError('PERIOD_NOT_STARTED', 'A report is filed for a quarter that has started.', 'input.period'));
  }
  if (!isActivity(rules, input.activityCode)) errors.push(userError('ACTIVITY_NOT_ELIGIBLE', `${input.activityCode} is not on the list of eligible activities.`, 'input.activityCode'));
  if (input.clients.length === 0) errors.push(userError('CLIENT_REQUIRED', 'List at least one foreign client or employer.', 'input.clients'));
  input.clients.forEach((c, i) => {
    if (!COUNTRY_CODE.test(c.country)) errors.push(userError('INVALID_FORMAT', 'Country must be ISO 3166-1 alpha-3.', `input.clients.${i}.country`));
    else if (c.country === HOME_COUNTRY) errors.push(userError('CLIENT_NOT_FOREIGN', 'A digital nomad works for foreign clients: KGZ is not one.', `input.clients.${i}.country`));
    if (c.name != null && (c.name.trim().length === 0 || c.name.length > 300)) errors.push(userError('INVALID_FORMAT', 'A client name is 1–300 characters.', `input.clients.${i}.name`));
  });
  if (!isMinorAmount(input.income.amountMinor)) errors.push(userError('INVALID_FORMAT', 'Income cannot be negative.', 'input.income.amountMinor'));
  if (!CURRENCY_CODE.test(input.income.currency) || !rules.currencies.includes(input.income.currency)) {
    errors.push(userError('CURRENCY_NOT_SUPPORTED', `Report income in one of ${rules.currencies.join(', ')}.`, 'input.income.currency'));
  }
  return errors;
}

/**
 * A nomad files the activity report of a quarter. One per quarter: a second one is refused
 * with REPORT_ALREADY_FILED (the unique key decides under concurrency). Filed after the due
 * day, the report is marked late.
 */
export async function fileActivityReport(ctx: Context, app: App, input: FileReportInput): Promise<ReportPayload> {
  const { principal } = ctx;
  const nomadId = principal.roles.includes('nomad') ? principal.nomadId : null;
  if (!nomadId || !isSelf(principal, nomadId)) {
    return { activityReport: null, userErrors: [userError('FORBIDDEN', 'Only a nomad files their own activity reports.')] };
  }
  const today = app.clock.today();
  const outcome = await runMutation(ctx, 'fileActivityReport', input, async (tx) => {
    const rules = await loadRules(tx);
    const errors = checkReport(input, rules, today);
    const monitoringCase = await lockCaseOfNomad(tx, { nomadId });
    if (!monitoringCase) errors.unshift(userError('CASE_NOT_FOUND', 'Reports are filed by status holders: you have no monitoring case.'));
    if (errors.length > 0 || !monitoringCase) throw new UserErrorsAbort(errors);
    const { startsOn, endsOn, dueOn } = quarterDates(input.period, rules);
    // Only quarters the nomad was monitored in: a closed case still takes its last quarters' reports.
    if (endsOn < monitoringCase.openedOn) {
      throw abort('PERIOD_OUTSIDE_MONITORING', `Monitoring began on ${monitoringCase.openedOn}: no report is due for earlier quarters.`, 'input.period');
    }
    if (monitoringCase.closedOn && startsOn > monitoringCase.closedOn) {
      throw abort('PERIOD_OUTSIDE_MONITORING', `Monitoring ended on ${monitoringCase.closedOn}: no report is due for later quarters.`, 'input.period');
    }
    const clients: ReportClient[] = input.clients.map((c) => ({ name: c.name?.trim() || null, country: c.country }));
    const now = app.clock.now().toISOString();
    // The (nomad, period) key decides under concurrency: no row, already filed.
    const report = await insertReport(tx, {
      values: {
        nomadId,
        caseId: monitoringCase.id,
        periodStart: startsOn,
        periodEnd: endsOn,
        dueOn,
        activityCode: input.activityCode,
        clients,
        incomeMinor: input.income.amountMinor,
        incomeCurrency: input.income.currency,
        filedAt: now,
        late: today > dueOn,
      },
    });
    if (!report) throw abort('REPORT_ALREADY_FILED', `The report for ${input.period.year} Q${input.period.quarter} was already filed.`, 'input.period');
    await addCaseAction(tx, { values: { caseId: monitoringCase.id, kind: 'REPORT_FILED', actor: principal.sub, at: now, note: `${input.period.year} Q${input.period.quarter}` } });
    return report;
  });
  if (!outcome.ok) return { activityReport: null, userErrors: outcome.userErrors };
  ctx.loaders.reportsByNomad.clearAll();
  ctx.loaders.reportCountByNomad.clear(nomadId);
  ctx.logger.info({ reportId: outcome.result.id, late: outcome.result.late }, 'activity report filed');
  return { activityReport: outcome.result, userErrors: [] };
}
