import { and, arrayContains, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { afterCursor, type Page } from '@nomad/kit';
import type { LaborDb } from '../../db/index.ts';
import { evaluations, expertConflicts, experts, type ExpertConflictRow, type ExpertRow } from '../../db/schema.ts';

export async function getExpertsByIds(db: LaborDb, params: { ids: readonly string[] }): Promise<ExpertRow[]> {
  if (params.ids.length === 0) return [];
  return db.select().from(experts).where(inArray(experts.id, [...params.ids]));
}

/** Every record of these users (a person may be engaged again after an engagement ended). */
export async function getExpertsBySubs(db: LaborDb, params: { subs: readonly string[] }): Promise<ExpertRow[]> {
  if (params.subs.length === 0) return [];
  return db.select().from(experts).where(inArray(experts.principalSub, [...params.subs])).orderBy(desc(experts.createdAt));
}

export async function getConflictsByExpertIds(db: LaborDb, params: { expertIds: readonly string[] }): Promise<ExpertConflictRow[]> {
  if (params.expertIds.length === 0) return [];
  return db
    .select()
    .from(expertConflicts)
    .where(inArray(expertConflicts.expertId, [...params.expertIds]))
    .orderBy(asc(expertConflicts.declaredAt), asc(expertConflicts.id));
}

export interface ExpertFilterParams {
  states?: readonly ExpertRow['state'][] | undefined;
  field?: string | undefined;
}

function expertWhere(filter: ExpertFilterParams): SQL | undefined {
  return and(
    filter.states && filter.states.length > 0 ? inArray(experts.state, [...filter.states]) : undefined,
    filter.field ? arrayContains(experts.fields, [filter.field]) : undefined,
  );
}

export async function listExperts(db: LaborDb, params: { filter: ExpertFilterParams; page: Page }): Promise<ExpertRow[]> {
  return db
    .select()
    .from(experts)
    .where(and(expertWhere(params.filter), afterCursor(experts.createdAt, experts.id, params.page.after, 'desc')))
    .orderBy(desc(experts.createdAt), desc(experts.id))
    .limit(params.page.limit + 1);
}

export async function countExperts(db: LaborDb, params: { filter: ExpertFilterParams }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(experts).where(expertWhere(params.filter));
  return row?.n ?? 0;
}

/** Locks the expert for a change of its engagement (engagement end, new conflicts, assignments). */
export async function lockExpert(db: LaborDb, params: { id: string }): Promise<ExpertRow | undefined> {
  const [row] = await db.select().from(experts).where(eq(experts.id, params.id)).for('update');
  return row;
}

export async function insertExpert(db: LaborDb, params: { values: typeof experts.$inferInsert }): Promise<ExpertRow> {
  const [row] = await db.insert(experts).values(params.values).returning();
  if (!row) throw new Error('expert insert returned no row');
  return row;
}

export async function insertConflicts(db: LaborDb, params: { rows: (typeof expertConflicts.$inferInsert)[] }): Promise<void> {
  if (params.rows.length === 0) return;
  await db.insert(expertConflicts).values(params.rows);
}

/** The guarded write of an engagement change: only at `version` and in `from`. */
export async function updateExpertIf(
  db: LaborDb,
  params: { id: string; version: number; from: readonly ExpertRow['state'][]; set: Partial<typeof experts.$inferInsert> },
): Promise<ExpertRow | undefined> {
  const [row] = await db
    .update(experts)
    .set({ ...params.set, version: sql`${experts.version} + 1` })
    .where(and(eq(experts.id, params.id), eq(experts.version, params.version), inArray(experts.state, [...params.from])))
    .returning();
  return row;
}

/**
 * Experts who may take an evaluation of `activityCode` on `today`: engaged, the day within
 * their engagement period, the activity among their fields; with how many evaluations each
 * has open (the assignment prefers the least loaded).
 */
export async function getAvailableExperts(
  db: LaborDb,
  params: { activityCode: string; today: string },
): Promise<(ExpertRow & { openEvaluations: number })[]> {
  const open = db
    .select({ expertId: evaluations.expertId, n: count().as('n') })
    .from(evaluations)
    .where(eq(evaluations.state, 'ASSIGNED'))
    .groupBy(evaluations.expertId)
    .as('open');
  const rows = await db
    .select({ expert: experts, openEvaluations: sql<number>`coalesce(${open.n}, 0)::int` })
    .from(experts)
    .leftJoin(open, eq(open.expertId, experts.id))
    .where(
      and(
        eq(experts.state, 'ENGAGED'),
        arrayContains(experts.fields, [params.activityCode]),
        sql`${experts.engagedFrom} <= ${params.today}`,
        sql`(${experts.engagedUntil} is null or ${experts.engagedUntil} >= ${params.today})`,
      ),
    )
    .orderBy(asc(experts.createdAt), asc(experts.id));
  return rows.map((r) => ({ ...r.expert, openEvaluations: Number(r.openEvaluations) }));
}
