import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { afterCursor, anyOf, prepared, type Page } from '@nomad/kit';
import type { LaborDb } from '../../db/index.ts';
import { caseActions, monitoringCases, type CaseActionRow, type MonitoringCaseRow } from '../../db/schema.ts';

const casesByNomadIds = prepared((db: LaborDb) => db.select().from(monitoringCases).where(anyOf(monitoringCases.nomadId, 'nomadIds')).prepare('monitoring_cases_by_nomad_ids'));

export async function getCasesByNomadIds(db: LaborDb, params: { nomadIds: readonly string[] }): Promise<MonitoringCaseRow[]> {
  if (params.nomadIds.length === 0) return [];
  return casesByNomadIds(db, { nomadIds: [...params.nomadIds] });
}

export async function getCasesByIds(db: LaborDb, params: { ids: readonly string[] }): Promise<MonitoringCaseRow[]> {
  if (params.ids.length === 0) return [];
  return db.select().from(monitoringCases).where(inArray(monitoringCases.id, [...params.ids]));
}

export async function getActionsByCaseIds(db: LaborDb, params: { caseIds: readonly string[] }): Promise<CaseActionRow[]> {
  if (params.caseIds.length === 0) return [];
  return db
    .select()
    .from(caseActions)
    .where(inArray(caseActions.caseId, [...params.caseIds]))
    .orderBy(asc(caseActions.seq));
}

export interface CaseFilterParams {
  states?: readonly MonitoringCaseRow['state'][] | undefined;
  riskLevels?: readonly MonitoringCaseRow['riskLevel'][] | undefined;
}

/** The list's filter as a condition (also the statistics' filter). */
export function caseWhere(filter: CaseFilterParams): SQL | undefined {
  return and(
    filter.states && filter.states.length > 0 ? inArray(monitoringCases.state, [...filter.states]) : undefined,
    filter.riskLevels && filter.riskLevels.length > 0 ? inArray(monitoringCases.riskLevel, [...filter.riskLevels]) : undefined,
  );
}

export async function listCases(db: LaborDb, params: { filter: CaseFilterParams; page: Page }): Promise<MonitoringCaseRow[]> {
  return db
    .select()
    .from(monitoringCases)
    .where(and(caseWhere(params.filter), afterCursor(monitoringCases.createdAt, monitoringCases.id, params.page.after, 'desc')))
    .orderBy(desc(monitoringCases.createdAt), desc(monitoringCases.id))
    .limit(params.page.limit + 1);
}

export async function countCases(db: LaborDb, params: { filter: CaseFilterParams }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(monitoringCases).where(caseWhere(params.filter));
  return row?.n ?? 0;
}

/** The nomad's case, locked: events of one nomad and officers' changes to it apply one at a time. */
export async function lockCaseOfNomad(db: LaborDb, params: { nomadId: string }): Promise<MonitoringCaseRow | undefined> {
  const [row] = await db.select().from(monitoringCases).where(eq(monitoringCases.nomadId, params.nomadId)).for('update');
  return row;
}

export async function insertCase(db: LaborDb, params: { values: typeof monitoringCases.$inferInsert }): Promise<MonitoringCaseRow | undefined> {
  const [row] = await db.insert(monitoringCases).values(params.values).onConflictDoNothing({ target: monitoringCases.nomadId }).returning();
  return row;
}

/** The guarded write of a case change: only at `version` (when given) and in one of `from`. */
export async function updateCaseIf(
  db: LaborDb,
  params: { id: string; version?: number; from: readonly MonitoringCaseRow['state'][]; set: Partial<typeof monitoringCases.$inferInsert> },
): Promise<MonitoringCaseRow | undefined> {
  const [row] = await db
    .update(monitoringCases)
    .set({ ...params.set, version: sql`${monitoringCases.version} + 1` })
    .where(
      and(
        eq(monitoringCases.id, params.id),
        params.version === undefined ? undefined : eq(monitoringCases.version, params.version),
        inArray(monitoringCases.state, [...params.from]),
      ),
    )
    .returning();
  return row;
}

/**
 * When the last status fact migration reported on the case was applied, by the event's own time
 * (`at` of the OPENED, REOPENED, PERIOD_EXTENDED and CLOSED actions, whose actor is `migration`).
 * Null for a case with no such action.
 */
export async function lastStatusFactAt(db: LaborDb, params: { caseId: string }): Promise<string | null> {
  const [row] = await db
    .select({ at: sql<string | null>`max(${caseActions.at})` })
    .from(caseActions)
    .where(and(eq(caseActions.caseId, params.caseId), eq(caseActions.actor, 'migration'), inArray(caseActions.kind, ['OPENED', 'REOPENED', 'PERIOD_EXTENDED', 'CLOSED'])));
  return row?.at ?? null;
}

export async function addCaseAction(db: LaborDb, params: { values: typeof caseActions.$inferInsert }): Promise<void> {
  await db.insert(caseActions).values(params.values);
}
