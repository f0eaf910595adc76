import { and, eq } from 'drizzle-orm';
import type { SecurityDb } from '../../db/index.ts';
import { knownSubjects, screenings, type KnownSubjectRow } from '../../db/schema.ts';

/** Records that migration announced the subject; the first announcement stays (a repeat changes nothing). Returns whether it was new. */
export async function insertKnownSubject(db: SecurityDb, params: KnownSubjectRow): Promise<boolean> {
  const rows = await db.insert(knownSubjects).values(params).onConflictDoNothing({ target: knownSubjects.subjectId }).returning({ subjectId: knownSubjects.subjectId });
  return rows.length > 0;
}

/** Whether migration announced the subject as `kind`. */
export async function isKnownSubject(db: SecurityDb, params: { subjectId: string; kind: KnownSubjectRow['kind'] }): Promise<boolean> {
  const [row] = await db
    .select({ subjectId: knownSubjects.subjectId })
    .from(knownSubjects)
    .where(and(eq(knownSubjects.subjectId, params.subjectId), eq(knownSubjects.kind, params.kind)))
    .limit(1);
  return row !== undefined;
}

/** Whether GKNB screened the family member (a DEPENDANT screening of theirs). */
export async function hasDependantScreening(db: SecurityDb, params: { dependantId: string }): Promise<boolean> {
  const [row] = await db.select({ id: screenings.id }).from(screenings).where(eq(screenings.dependantId, params.dependantId)).limit(1);
  return row !== undefined;
}
