import { and, count, desc, eq, getTableColumns, inArray, lte, notExists, or, gt, isNull, sql, type SQL } from 'drizzle-orm';
import { afterCursor, type Page } from '@nomad/kit';
import type { LaborDb } from '../../db/index.ts';
import { activityReports, monitoringCases, type ActivityReportRow, type MonitoringCaseRow } from '../../db/schema.ts';

export interface ReportFilterParams {
  nomadIds?: readonly string[] | undefined;
  periodStart?: string | undefined;
  late?: boolean | undefined;
}

/** The list's filter as a condition (also the statistics' filter). */
export function reportWhere(filter: ReportFilterParams): SQL | undefined {
  return and(
    filter.nomadIds ? inArray(activityReports.nomadId, [...filter.nomadIds]) : undefined,
    filter.periodStart ? eq(activityReports.periodStart, filter.periodStart) : undefined,
    filter.late === undefined ? undefined : eq(activityReports.late, filter.late),
  );
}

/** Reports, latest period first (ties by id), keyset-paged on (periodStart, id). */
export async function listReports(db: LaborDb, params: { filter: ReportFilterParams; page: Page }): Promise<ActivityReportRow[]> {
  if (params.filter.nomadIds && params.filter.nomadIds.length === 0) return [];
  return db
    .select()
    .from(activityReports)
    .where(and(reportWhere(params.filter), afterCursor(activityReports.periodStart, activityReports.id, params.page.after, 'desc')))
    .orderBy(desc(activityReports.periodStart), desc(activityReports.id))
    .limit(params.page.limit + 1);
}

export async function countReports(db: LaborDb, params: { filter: ReportFilterParams }): Promise<number> {
  if (params.filter.nomadIds && params.filter.nomadIds.length === 0) return 0;
  const [row] = await db.select({ n: count() }).from(activityReports).where(reportWhere(params.filter));
  return row?.n ?? 0;
}

/** How many reports each nomad filed, in one statement (`Nomad.activityReports.totalCount` of a list). */
export async function countReportsByNomadIds(db: LaborDb, params: { nomadIds: readonly string[] }): Promise<{ nomadId: string; n: number }[]> {
  if (params.nomadIds.length === 0) return [];
  return db
    .select({ nomadId: activityReports.nomadId, n: count() })
    .from(activityReports)
    .where(inArray(activityReports.nomadId, [...params.nomadIds]))
    .groupBy(activityReports.nomadId);
}

/** One page of reports for each of several nomads, in one statement (a window per nomad). */
export async function getReportPagesByNomadIds(db: LaborDb, params: { nomadIds: readonly string[]; page: Page }): Promise<ActivityReportRow[]> {
  if (params.nomadIds.length === 0) return [];
  const ranked = db
    .select({
      ...getTableColumns(activityReports),
      rank: sql<number>`row_number() over (partition by ${activityReports.nomadId} order by ${activityReports.periodStart} desc, ${activityReports.id} desc)`.as('rank'),
    })
    .from(activityReports)
    .where(
      and(
        inArray(activityReports.nomadId, [...params.nomadIds]),
        afterCursor(activityReports.periodStart, activityReports.id, params.page.after, 'desc'),
      ),
    )
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, params.page.limit + 1))
    .orderBy(desc(ranked.periodStart), desc(ranked.id));
  return rows.map(({ rank: _rank, ...row }) => row);
}

export async function getReportOfPeriod(db: LaborDb, params: { nomadId: string; periodStart: string }): Promise<ActivityReportRow | undefined> {
  const [row] = await db
    .select()
    .from(activityReports)
    .where(and(eq(activityReports.nomadId, params.nomadId), eq(activityReports.periodStart, params.periodStart)));
  return row;
}

/** Every client the nomad ever reported: what an expert's employer and country conflicts are checked against. */
export async function getReportedClients(db: LaborDb, params: { nomadId: string }): Promise<ActivityReportRow['clients']> {
  const rows = await db.select({ clients: activityReports.clients }).from(activityReports).where(eq(activityReports.nomadId, params.nomadId));
  return rows.flatMap((r) => r.clients);
}

export async function insertReport(db: LaborDb, params: { values: typeof activityReports.$inferInsert }): Promise<ActivityReportRow | undefined> {
  const [row] = await db
    .insert(activityReports)
    .values(params.values)
    .onConflictDoNothing({ target: [activityReports.nomadId, activityReports.periodStart] })
    .returning();
  return row;
}

/**
 * Cases that owe a report for the period starting `periodStart`: monitored during the period
 * (opened by its end, not closed before it ended) and no report filed for it.
 */
function missingWhere(params: { periodStart: string; periodEnd: string }): SQL | undefined {
  return and(
    lte(monitoringCases.openedOn, params.periodEnd),
    or(isNull(monitoringCases.closedOn), gt(monitoringCases.closedOn, params.periodEnd)),
    notExists(reportOfPeriodExists(params.periodStart)),
  );
}

function reportOfPeriodExists(periodStart: string) {
  return sql`(select 1 from ${activityReports} where ${activityReports.nomadId} = ${monitoringCases.nomadId} and ${activityReports.periodStart} = ${periodStart})`;
}

export async function listCasesMissingReport(
  db: LaborDb,
  params: { periodStart: string; periodEnd: string; page: Page },
): Promise<MonitoringCaseRow[]> {
  return db
    .select()
    .from(monitoringCases)
    .where(and(missingWhere(params), afterCursor(monitoringCases.createdAt, monitoringCases.id, params.page.after, 'desc')))
    .orderBy(desc(monitoringCases.createdAt), desc(monitoringCases.id))
    .limit(params.page.limit + 1);
}

export async function countCasesMissingReport(db: LaborDb, params: { periodStart: string; periodEnd: string }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(monitoringCases).where(missingWhere(params));
  return row?.n ?? 0;
}
