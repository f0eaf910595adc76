import { and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { afterCursor, type Page } from '@nomad/kit';
import type { SecurityDb } from '../../db/index.ts';
import { exitWatches, type ExitWatchRow } from '../../db/schema.ts';

export type NewExitWatch = typeof exitWatches.$inferInsert;

export async function insertExitWatch(db: SecurityDb, params: Omit<NewExitWatch, 'id'>): Promise<ExitWatchRow> {
  const [row] = await db.insert(exitWatches).values(params).returning();
  if (!row) throw new Error('exit watch insert returned no row');
  return row;
}

/** Whose watches: the holder's own (`dependantId` null), or one family member's (the principal's watches of other people excluded). */
export interface WatchedPerson {
  nomadId: string;
  dependantId: string | null;
}

function watchesOfPerson(person: WatchedPerson) {
  return person.dependantId === null ? and(eq(exitWatches.nomadId, person.nomadId), isNull(exitWatches.dependantId)) : eq(exitWatches.dependantId, person.dependantId);
}

/** The person's watch of one status end (same cause, same last day), if GKNB already watches it. */
export async function findExitWatchOf(db: SecurityDb, params: WatchedPerson & { cause: ExitWatchRow['cause']; endedOn: string }): Promise<ExitWatchRow | undefined> {
  const [row] = await db
    .select()
    .from(exitWatches)
    .where(and(watchesOfPerson(params), eq(exitWatches.cause, params.cause), eq(exitWatches.endedOn, params.endedOn)))
    .limit(1);
  return row;
}

/** The person's watch of the latest status end (by the day the status ended), if any. */
export async function findLatestExitWatchOf(db: SecurityDb, params: WatchedPerson): Promise<ExitWatchRow | undefined> {
  const [row] = await db.select().from(exitWatches).where(watchesOfPerson(params)).orderBy(desc(exitWatches.endedOn)).limit(1);
  return row;
}

export async function getExitWatch(db: SecurityDb, params: { id: string }): Promise<ExitWatchRow | undefined> {
  const [row] = await db.select().from(exitWatches).where(eq(exitWatches.id, params.id));
  return row;
}

/** Unconfirmed watches whose deadline is before `today`, earliest deadline first (`LIMIT limit + 1`). */
export async function listOverdueWatches(db: SecurityDb, params: { today: string; page: Page }): Promise<ExitWatchRow[]> {
  return db
    .select()
    .from(exitWatches)
    .where(
      and(
        isNull(exitWatches.departureConfirmedOn),
        lt(exitWatches.exitDeadlineOn, params.today),
        afterCursor(exitWatches.exitDeadlineOn, exitWatches.id, params.page.after, 'asc'),
      ),
    )
    .orderBy(asc(exitWatches.exitDeadlineOn), asc(exitWatches.id))
    .limit(params.page.limit + 1);
}

export async function countOverdueWatches(db: SecurityDb, params: { today: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(exitWatches)
    .where(and(isNull(exitWatches.departureConfirmedOn), lt(exitWatches.exitDeadlineOn, params.today)));
  return row?.n ?? 0;
}

/** The guarded confirmation: only an unconfirmed watch still at `version` changes. */
export async function confirmDepartureIf(
  db: SecurityDb,
  params: { id: string; version: number; departedOn: string; confirmedBy: string; note: string | null },
): Promise<ExitWatchRow | undefined> {
  const [row] = await db
    .update(exitWatches)
    .set({ departureConfirmedOn: params.departedOn, confirmedBy: params.confirmedBy, note: params.note, version: sql`${exitWatches.version} + 1` })
    .where(and(eq(exitWatches.id, params.id), eq(exitWatches.version, params.version), isNull(exitWatches.departureConfirmedOn)))
    .returning();
  return row;
}
