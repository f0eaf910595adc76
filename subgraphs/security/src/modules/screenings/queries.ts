import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { afterCursor, anyOf, prepared, type Page } from '@nomad/kit';
import type { SecurityDb } from '../../db/index.ts';
import { screenings, type ScreeningOutcome, type ScreeningRow } from '../../db/schema.ts';

export type NewScreening = typeof screenings.$inferInsert;

/**
 * Opens the screening of an application unless it already has one (a resubmitted
 * application sends ApplicationSubmitted again): returns the new row, or undefined.
 */
export async function insertApplicationScreening(
  db: SecurityDb,
  params: { applicationId: string; applicationNumber: string; nomadId: string; citizenship: string; openedAt: string },
): Promise<ScreeningRow | undefined> {
  const [row] = await db
    .insert(screenings)
    .values({ kind: 'APPLICATION', ...params })
    .onConflictDoNothing({ target: screenings.applicationId, where: sql`${screenings.applicationId} is not null` })
    .returning();
  return row;
}

/** Opens the screening of an adult dependant, once per dependant (undefined when it exists). */
export async function insertDependantScreening(
  db: SecurityDb,
  params: { dependantId: string; nomadId: string; citizenship: string; openedAt: string },
): Promise<ScreeningRow | undefined> {
  const [row] = await db
    .insert(screenings)
    .values({ kind: 'DEPENDANT', ...params })
    .onConflictDoNothing({ target: screenings.dependantId, where: sql`${screenings.dependantId} is not null` })
    .returning();
  return row;
}

/** Opens a re-screening; throws the unique violation `screenings_one_open_rescreen` if one is open. */
export async function insertRescreen(
  db: SecurityDb,
  params: { nomadId: string; officerSub: string; requestNote: string | null; openedAt: string },
): Promise<ScreeningRow> {
  const [row] = await db
    .insert(screenings)
    .values({ kind: 'RESCREEN', ...params })
    .returning();
  if (!row) throw new Error('screening insert returned no row');
  return row;
}

export async function getScreeningsByIds(db: SecurityDb, params: { ids: readonly string[] }): Promise<ScreeningRow[]> {
  if (params.ids.length === 0) return [];
  return db.select().from(screenings).where(inArray(screenings.id, [...params.ids]));
}

export async function getScreeningsByApplicationIds(db: SecurityDb, params: { applicationIds: readonly string[] }): Promise<ScreeningRow[]> {
  if (params.applicationIds.length === 0) return [];
  return db.select().from(screenings).where(inArray(screenings.applicationId, [...params.applicationIds]));
}

/** Every screening of the nomads themselves (not of their dependants), newest first. */
const screeningsByNomadIds = prepared((db: SecurityDb) =>
  db
    .select()
    .from(screenings)
    .where(and(anyOf(screenings.nomadId, 'nomadIds'), isNull(screenings.dependantId)))
    .orderBy(desc(screenings.seq))
    .prepare('screenings_by_nomad_ids'),
);

export async function getScreeningsByNomadIds(db: SecurityDb, params: { nomadIds: readonly string[] }): Promise<ScreeningRow[]> {
  if (params.nomadIds.length === 0) return [];
  return screeningsByNomadIds(db, { nomadIds: [...params.nomadIds] });
}

/** Does GKNB know this nomad (any screening, any outcome)? */
export async function hasScreenings(db: SecurityDb, params: { nomadId: string }): Promise<boolean> {
  const [row] = await db.select({ id: screenings.id }).from(screenings).where(and(eq(screenings.nomadId, params.nomadId), isNull(screenings.dependantId))).limit(1);
  return row !== undefined;
}

/** What `screenings` can be narrowed by: the list's filter, also that of `screeningStatistics`. */
export interface ScreeningFilterParams {
  outcomes?: readonly ScreeningOutcome[] | null;
  kind?: ScreeningRow['kind'] | null;
}

/** The list filter's conditions (undefined: every screening). */
export function screeningConditions(params: ScreeningFilterParams): SQL | undefined {
  return and(
    params.outcomes && params.outcomes.length > 0 ? inArray(screenings.outcome, [...params.outcomes]) : undefined,
    params.kind ? eq(screenings.kind, params.kind) : undefined,
  );
}

/** A page of screenings, newest first, optionally by outcome and kind (`LIMIT limit + 1`). */
export async function listScreenings(
  db: SecurityDb,
  params: ScreeningFilterParams & { page: Page },
): Promise<ScreeningRow[]> {
  return db
    .select()
    .from(screenings)
    .where(and(screeningConditions(params), afterCursor(screenings.openedAt, screenings.id, params.page.after, 'desc')))
    .orderBy(desc(screenings.openedAt), desc(screenings.id))
    .limit(params.page.limit + 1);
}

export async function countScreenings(db: SecurityDb, params: ScreeningFilterParams): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(screenings)
    .where(screeningConditions(params));
  return row?.n ?? 0;
}

/**
 * The guarded write of a conclusion: only a screening still PENDING and still at `version`
 * changes. Undefined means another officer concluded it first.
 */
export async function concludeScreeningIf(
  db: SecurityDb,
  params: { id: string; version: number; set: Pick<NewScreening, 'outcome' | 'reasons' | 'reasonText' | 'classification' | 'officerSub' | 'concludedAt'> },
): Promise<ScreeningRow | undefined> {
  const [row] = await db
    .update(screenings)
    .set({ ...params.set, version: sql`${screenings.version} + 1` })
    .where(and(eq(screenings.id, params.id), eq(screenings.version, params.version), eq(screenings.outcome, 'PENDING')))
    .returning();
  return row;
}

/**
 * Concluded screenings of family members (DEPENDANT, not PENDING), in opening order after
 * `afterSeq`, at most `limit` (one statement).
 */
export async function listConcludedDependantScreenings(
  db: SecurityDb,
  params: { afterSeq: number; limit: number },
): Promise<{ seq: number; id: string; dependantId: string | null; nomadId: string; outcome: ScreeningOutcome; concludedAt: string | null }[]> {
  return db
    .select({ seq: screenings.seq, id: screenings.id, dependantId: screenings.dependantId, nomadId: screenings.nomadId, outcome: screenings.outcome, concludedAt: screenings.concludedAt })
    .from(screenings)
    .where(and(eq(screenings.kind, 'DEPENDANT'), sql`${screenings.outcome} <> 'PENDING'`, sql`${screenings.concludedAt} is not null`, sql`${screenings.seq} > ${params.afterSeq}`))
    .orderBy(screenings.seq)
    .limit(params.limit);
}
