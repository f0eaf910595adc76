import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { MigrationDb } from '../../db/index.ts';
import { applicationDocuments, applications, statusRecommendations, type ApplicationRow, type StatusRecommendationRow } from '../../db/schema.ts';
import type { ApplicationState } from '../applications/queries.ts';
import type { NewDocument } from '../applications/queries.ts';

export async function getApplicationForDecision(db: MigrationDb, params: { id: string }): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, params.id));
  return row;
}

/**
 * The guarded write of every decision: applies `set` only if the application is still in one
 * of `from` and still at `version`. Undefined means someone else decided first.
 */
export async function updateApplicationIf(
  db: MigrationDb,
  params: { id: string; version: number; from: readonly ApplicationState[]; set: Partial<typeof applications.$inferInsert> },
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(applications)
    .set({ ...params.set, version: sql`${applications.version} + 1` })
    .where(and(eq(applications.id, params.id), eq(applications.version, params.version), inArray(applications.state, [...params.from])))
    .returning();
  return row;
}

export async function addDocuments(db: MigrationDb, params: { applicationId: string; documents: readonly NewDocument[]; at: string }): Promise<void> {
  if (params.documents.length === 0) return;
  await db.insert(applicationDocuments).values(params.documents.map((d) => ({ ...d, applicationId: params.applicationId, addedAt: params.at })));
}

/** Returned applications whose correction window closed before `today`: they are cancelled. */
export async function cancelLapsedCorrections(db: MigrationDb, params: { today: string; now: string }): Promise<ApplicationRow[]> {
  return db
    .update(applications)
    .set({ state: 'CANCELLED', stateChangedAt: params.now, version: sql`${applications.version} + 1` })
    .where(and(eq(applications.state, 'RETURNED_FOR_CORRECTION'), lt(applications.correctionDeadlineOn, params.today)))
    .returning();
}

/** The application, row-locked until the transaction ends: an event handler's facts are checked and written under it. */
export async function lockApplication(db: MigrationDb, params: { id: string }): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, params.id)).for('update');
  return row;
}

/** Records a fact reported by another agency on the application (and bumps its version). */
export async function recordOnApplication(
  db: MigrationDb,
  params: { id: string; set: Partial<typeof applications.$inferInsert> },
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(applications)
    .set({ ...params.set, version: sql`${applications.version} + 1` })
    .where(eq(applications.id, params.id))
    .returning();
  return row;
}

/** Records a recommendation once per (agency, reference): a repeated fact is harmless. */
export async function insertRecommendation(db: MigrationDb, params: { recommendation: typeof statusRecommendations.$inferInsert }): Promise<void> {
  await db.insert(statusRecommendations).values(params.recommendation).onConflictDoNothing();
}

export async function getRecommendationsByNomadIds(db: MigrationDb, params: { nomadIds: readonly string[] }): Promise<StatusRecommendationRow[]> {
  if (params.nomadIds.length === 0) return [];
  return db.select().from(statusRecommendations).where(inArray(statusRecommendations.nomadId, [...params.nomadIds])).orderBy(statusRecommendations.recommendedAt);
}
