import { and, asc, eq, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { afterCursor, type Page } from '@nomad/kit';
import type { SecurityDb } from '../../db/index.ts';
import { measureEvidence, technicalMeasures, type MeasureEvidenceRow, type MeasureState, type TechnicalMeasureRow } from '../../db/schema.ts';

export type NewMeasure = typeof technicalMeasures.$inferInsert;

export interface MeasureFilter {
  states?: readonly MeasureState[] | null;
  /** true: not DONE and due before `today`; false: the others. */
  overdue?: boolean | null;
  today: string;
  /** The decree's deadline, for measures without an earlier one of their own. */
  decreeDueOn: string;
}

function filterSql(f: MeasureFilter): SQL | undefined {
  const due = sql`coalesce(${technicalMeasures.dueOn}, ${f.decreeDueOn}::date)`;
  const overdue = and(ne(technicalMeasures.state, 'DONE'), lt(due, f.today));
  return and(
    f.states && f.states.length > 0 ? inArray(technicalMeasures.state, [...f.states]) : undefined,
    f.overdue === true ? overdue : f.overdue === false ? sql`not (${overdue})` : undefined,
  );
}

/** A page of measures in the register's order (as entered), `LIMIT limit + 1`. */
export async function listMeasures(db: SecurityDb, params: { filter: MeasureFilter; page: Page }): Promise<TechnicalMeasureRow[]> {
  return db
    .select()
    .from(technicalMeasures)
    .where(and(filterSql(params.filter), afterCursor(technicalMeasures.createdAt, technicalMeasures.id, params.page.after, 'asc')))
    .orderBy(asc(technicalMeasures.createdAt), asc(technicalMeasures.id))
    .limit(params.page.limit + 1);
}

export async function countMeasures(db: SecurityDb, params: { filter: MeasureFilter }): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(technicalMeasures).where(filterSql(params.filter));
  return row?.n ?? 0;
}

export async function getMeasure(db: SecurityDb, params: { id: string }): Promise<TechnicalMeasureRow | undefined> {
  const [row] = await db.select().from(technicalMeasures).where(eq(technicalMeasures.id, params.id));
  return row;
}

export async function insertMeasure(db: SecurityDb, params: NewMeasure): Promise<TechnicalMeasureRow> {
  const [row] = await db.insert(technicalMeasures).values(params).returning();
  if (!row) throw new Error('measure insert returned no row');
  return row;
}

/** The guarded write: only a measure still at `version` changes. */
export async function updateMeasureIf(
  db: SecurityDb,
  params: { id: string; version: number; set: Partial<Pick<NewMeasure, 'title' | 'responsibleUnit' | 'dueOn' | 'state'>>; at: string },
): Promise<TechnicalMeasureRow | undefined> {
  const [row] = await db
    .update(technicalMeasures)
    .set({ ...params.set, updatedAt: params.at, version: sql`${technicalMeasures.version} + 1` })
    .where(and(eq(technicalMeasures.id, params.id), eq(technicalMeasures.version, params.version)))
    .returning();
  return row;
}

export async function insertEvidence(db: SecurityDb, params: typeof measureEvidence.$inferInsert): Promise<MeasureEvidenceRow> {
  const [row] = await db.insert(measureEvidence).values(params).returning();
  if (!row) throw new Error('evidence insert returned no row');
  return row;
}

/** Evidence of the measures, oldest first. */
export async function getEvidenceByMeasureIds(db: SecurityDb, params: { measureIds: readonly string[] }): Promise<MeasureEvidenceRow[]> {
  if (params.measureIds.length === 0) return [];
  return db
    .select()
    .from(measureEvidence)
    .where(inArray(measureEvidence.measureId, [...params.measureIds]))
    .orderBy(asc(measureEvidence.addedAt), asc(measureEvidence.id));
}

export async function countEvidence(db: SecurityDb, params: { measureId: string }): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(measureEvidence).where(eq(measureEvidence.measureId, params.measureId));
  return row?.n ?? 0;
}
