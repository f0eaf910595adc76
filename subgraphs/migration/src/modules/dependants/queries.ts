import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { afterCursor, type Page } from '@nomad/kit';
import type { MigrationDb } from '../../db/index.ts';
import { applications, dependantDocuments, dependants, type DependantDocumentRow, type DependantRow } from '../../db/schema.ts';

export type NewDependant = typeof dependants.$inferInsert;
export type NewDependantDocument = typeof dependantDocuments.$inferInsert;

export async function getDependantsByIds(db: MigrationDb, params: { ids: readonly string[] }): Promise<DependantRow[]> {
  if (params.ids.length === 0) return [];
  return db.select().from(dependants).where(inArray(dependants.id, [...params.ids]));
}

/** Every dependant of the principals, in the order they were added. */
export async function getDependantsByPrincipalIds(db: MigrationDb, params: { principalIds: readonly string[] }): Promise<DependantRow[]> {
  if (params.principalIds.length === 0) return [];
  return db.select().from(dependants).where(inArray(dependants.principalId, [...params.principalIds])).orderBy(asc(dependants.addedAt), asc(dependants.id));
}

export async function getDependantDocumentsByDependantIds(db: MigrationDb, params: { dependantIds: readonly string[] }): Promise<DependantDocumentRow[]> {
  if (params.dependantIds.length === 0) return [];
  return db.select().from(dependantDocuments).where(inArray(dependantDocuments.dependantId, [...params.dependantIds])).orderBy(asc(dependantDocuments.addedAt), asc(dependantDocuments.id));
}

/** Inserts a dependant with their documents; throws the unique violation `dependants_principal_passport_key` for a person listed twice. */
export async function insertDependant(db: MigrationDb, params: { dependant: NewDependant; documents: Omit<NewDependantDocument, 'dependantId'>[] }): Promise<DependantRow> {
  const [row] = await db.insert(dependants).values(params.dependant).returning();
  if (!row) throw new Error('insert of dependant returned no row');
  if (params.documents.length > 0) await db.insert(dependantDocuments).values(params.documents.map((d) => ({ ...d, dependantId: row.id })));
  return row;
}

/** Locks the dependant's row for a decision. */
export async function lockDependant(db: MigrationDb, params: { id: string }): Promise<DependantRow | undefined> {
  const [row] = await db.select().from(dependants).where(eq(dependants.id, params.id)).for('update');
  return row;
}

/** Updates the dependant if it is still at `version` (moves the version); undefined when it moved. */
export async function updateDependantIf(db: MigrationDb, params: { id: string; version: number; set: Partial<NewDependant> }): Promise<DependantRow | undefined> {
  const [row] = await db
    .update(dependants)
    .set({ ...params.set, version: params.version + 1 })
    .where(and(eq(dependants.id, params.id), eq(dependants.version, params.version)))
    .returning();
  return row;
}

/** Records a fact another agency reported on the dependant (moves the version: an officer's read is stale). */
export async function recordOnDependant(db: MigrationDb, params: { id: string; set: Partial<NewDependant> }): Promise<void> {
  await db
    .update(dependants)
    .set({ ...params.set, version: sql`${dependants.version} + 1` })
    .where(eq(dependants.id, params.id));
}

/** Approved dependants of a principal whose status has not ended yet (the ones a principal's end carries over to). */
export async function getLiveDependantsOf(db: MigrationDb, params: { principalId: string }): Promise<DependantRow[]> {
  return db
    .select()
    .from(dependants)
    .where(and(eq(dependants.principalId, params.principalId), eq(dependants.state, 'APPROVED'), isNull(dependants.endedOn)))
    .orderBy(asc(dependants.addedAt), asc(dependants.id))
    .for('update');
}

/** Records that the dependant's status ended with the principal's (once: only while none is recorded). */
export async function markEndedWithPrincipal(db: MigrationDb, params: { id: string; cause: 'REVOKED' | 'EXPIRED'; endedOn: string; exitDeadlineOn: string | null }): Promise<boolean> {
  const rows = await db
    .update(dependants)
    .set({ endedOn: params.endedOn, endCause: params.cause, endExitDeadlineOn: params.exitDeadlineOn, version: sql`${dependants.version} + 1` })
    .where(and(eq(dependants.id, params.id), isNull(dependants.endedOn)))
    .returning({ id: dependants.id });
  return rows.length > 0;
}

/** The officers' queues. */
export type DependantQueue = 'PENDING' | 'COMING_OF_AGE';

/**
 * PENDING: dependants awaiting review, oldest first. COMING_OF_AGE: approved children whose
 * status has not ended and who are `ageLimit` years old on `today` or older, by birth date.
 */
function queueConditions(queue: DependantQueue, params: { today: string; ageLimit: number }): SQL | undefined {
  if (queue === 'PENDING') return eq(dependants.state, 'PENDING');
  return and(
    eq(dependants.state, 'APPROVED'),
    eq(dependants.relation, 'CHILD'),
    isNull(dependants.endedOn),
    sql`${dependants.dateOfBirth} <= (${params.today}::date - make_interval(years => ${params.ageLimit}))::date`,
  );
}

export async function listDependantQueue(db: MigrationDb, params: { queue: DependantQueue; today: string; ageLimit: number; page: Page }): Promise<DependantRow[]> {
  const key = params.queue === 'PENDING' ? dependants.addedAt : dependants.dateOfBirth;
  return db
    .select()
    .from(dependants)
    .where(and(queueConditions(params.queue, params), afterCursor(key, dependants.id, params.page.after, 'asc')))
    .orderBy(asc(key), asc(dependants.id))
    .limit(params.page.limit + 1);
}

export async function countDependantQueue(db: MigrationDb, params: { queue: DependantQueue; today: string; ageLimit: number }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(dependants).where(queueConditions(params.queue, params));
  return row?.n ?? 0;
}

/** Whether the principal has an application open (SUBMITTED, UNDER_REVIEW or RETURNED_FOR_CORRECTION). */
export async function hasOpenApplication(db: MigrationDb, params: { nomadId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.nomadId, params.nomadId), inArray(applications.state, ['SUBMITTED', 'UNDER_REVIEW', 'RETURNED_FOR_CORRECTION'])))
    .limit(1);
  return row !== undefined;
}

