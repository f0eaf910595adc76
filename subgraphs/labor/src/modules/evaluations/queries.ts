import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { afterCursor, anyOf, prepared, type Page } from '@nomad/kit';
import type { LaborDb } from '../../db/index.ts';
import { evaluations, type EvaluationRow } from '../../db/schema.ts';

export async function getEvaluationsByIds(db: LaborDb, params: { ids: readonly string[] }): Promise<EvaluationRow[]> {
  if (params.ids.length === 0) return [];
  return db.select().from(evaluations).where(inArray(evaluations.id, [...params.ids]));
}

export async function getEvaluationsByApplicationIds(db: LaborDb, params: { applicationIds: readonly string[] }): Promise<EvaluationRow[]> {
  if (params.applicationIds.length === 0) return [];
  return db.select().from(evaluations).where(inArray(evaluations.applicationId, [...params.applicationIds]));
}

/** Every evaluation of these nomads, newest request first. */
const evaluationsByNomadIds = prepared((db: LaborDb) =>
  db
    .select()
    .from(evaluations)
    .where(anyOf(evaluations.nomadId, 'nomadIds'))
    .orderBy(desc(evaluations.requestedAt), desc(evaluations.id))
    .prepare('evaluations_by_nomad_ids'),
);

export async function getEvaluationsByNomadIds(db: LaborDb, params: { nomadIds: readonly string[] }): Promise<EvaluationRow[]> {
  if (params.nomadIds.length === 0) return [];
  return evaluationsByNomadIds(db, { nomadIds: [...params.nomadIds] });
}

export interface EvaluationFilterParams {
  states?: readonly EvaluationRow['state'][] | undefined;
  nomadId?: string | undefined;
  /** Only these experts' evaluations (an expert's own view). */
  expertIds?: readonly string[] | undefined;
}

/** The list's filter as a condition (also the statistics' filter). */
export function evaluationWhere(filter: EvaluationFilterParams): SQL | undefined {
  return and(
    filter.states && filter.states.length > 0 ? inArray(evaluations.state, [...filter.states]) : undefined,
    filter.nomadId ? eq(evaluations.nomadId, filter.nomadId) : undefined,
    filter.expertIds ? inArray(evaluations.expertId, [...filter.expertIds]) : undefined,
  );
}

export async function listEvaluations(db: LaborDb, params: { filter: EvaluationFilterParams; page: Page }): Promise<EvaluationRow[]> {
  if (params.filter.expertIds && params.filter.expertIds.length === 0) return [];
  return db
    .select()
    .from(evaluations)
    .where(and(evaluationWhere(params.filter), afterCursor(evaluations.requestedAt, evaluations.id, params.page.after, 'desc')))
    .orderBy(desc(evaluations.requestedAt), desc(evaluations.id))
    .limit(params.page.limit + 1);
}

export async function countEvaluations(db: LaborDb, params: { filter: EvaluationFilterParams }): Promise<number> {
  if (params.filter.expertIds && params.filter.expertIds.length === 0) return 0;
  const [row] = await db.select({ n: count() }).from(evaluations).where(evaluationWhere(params.filter));
  return row?.n ?? 0;
}

/** The nomads whose evaluations are (or were) assigned to these experts: whose reports an expert may read. */
export async function getNomadIdsEvaluatedBy(db: LaborDb, params: { expertIds: readonly string[] }): Promise<string[]> {
  if (params.expertIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ nomadId: evaluations.nomadId })
    .from(evaluations)
    .where(inArray(evaluations.expertId, [...params.expertIds]));
  return rows.map((r) => r.nomadId);
}

export async function lockEvaluation(db: LaborDb, params: { id: string }): Promise<EvaluationRow | undefined> {
  const [row] = await db.select().from(evaluations).where(eq(evaluations.id, params.id)).for('update');
  return row;
}

/** Inserts a request; undefined when the application already has an evaluation (a repeated request). */
export async function insertEvaluation(db: LaborDb, params: { values: typeof evaluations.$inferInsert }): Promise<EvaluationRow | undefined> {
  const [row] = await db.insert(evaluations).values(params.values).onConflictDoNothing().returning();
  return row;
}

/** The guarded write of every evaluation transition. */
export async function updateEvaluationIf(
  db: LaborDb,
  params: { id: string; version: number; from: readonly EvaluationRow['state'][]; set: Partial<typeof evaluations.$inferInsert> },
): Promise<EvaluationRow | undefined> {
  const [row] = await db
    .update(evaluations)
    .set({ ...params.set, version: sql`${evaluations.version} + 1` })
    .where(and(eq(evaluations.id, params.id), eq(evaluations.version, params.version), inArray(evaluations.state, [...params.from])))
    .returning();
  return row;
}

/** An expert's open evaluations go back to the queue (engagement ended, conflict declared). */
export async function releaseAssignments(db: LaborDb, params: { expertId: string; nomadId?: string }): Promise<EvaluationRow[]> {
  return db
    .update(evaluations)
    .set({ state: 'UNASSIGNED', expertId: null, assignedAt: null, assignedBy: null, version: sql`${evaluations.version} + 1` })
    .where(
      and(
        eq(evaluations.expertId, params.expertId),
        eq(evaluations.state, 'ASSIGNED'),
        params.nomadId ? eq(evaluations.nomadId, params.nomadId) : undefined,
      ),
    )
    .returning();
}

/** An expert's evaluations in progress (a new declaration may rule some of them out). */
export async function getAssignedEvaluationsOfExpert(db: LaborDb, params: { expertId: string }): Promise<EvaluationRow[]> {
  return db
    .select()
    .from(evaluations)
    .where(and(eq(evaluations.expertId, params.expertId), eq(evaluations.state, 'ASSIGNED')));
}
