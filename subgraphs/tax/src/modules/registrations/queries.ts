import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { afterCursor, anyOf, prepared, type Page } from '@nomad/kit';
import type { TaxDb } from '../../db/index.ts';
import {
  regimes,
  registerEntries,
  registrations,
  type RegimeRow,
  type RegisterEntryRow,
  type RegistrationRow,
  type RegistrationState,
} from '../../db/schema.ts';

export async function getRegimes(db: TaxDb): Promise<RegimeRow[]> {
  return db.select().from(regimes).orderBy(desc(regimes.isDefault), asc(regimes.code));
}

export async function getRegimeByCode(db: TaxDb, params: { code: string }): Promise<RegimeRow | null> {
  const [row] = await db.select().from(regimes).where(eq(regimes.code, params.code));
  return row ?? null;
}

export async function getDefaultRegime(db: TaxDb): Promise<RegimeRow | null> {
  const [row] = await db.select().from(regimes).where(eq(regimes.isDefault, true));
  return row ?? null;
}

export async function getRegistrationsByIds(db: TaxDb, params: { ids: readonly string[] }): Promise<RegistrationRow[]> {
  if (params.ids.length === 0) return [];
  return db.select().from(registrations).where(inArray(registrations.id, [...params.ids]));
}

const registrationsByNomadIds = prepared((db: TaxDb) => db.select().from(registrations).where(anyOf(registrations.nomadId, 'nomadIds')).prepare('registrations_by_nomad_ids'));

export async function getRegistrationsByNomadIds(db: TaxDb, params: { nomadIds: readonly string[] }): Promise<RegistrationRow[]> {
  if (params.nomadIds.length === 0) return [];
  return registrationsByNomadIds(db, { nomadIds: [...params.nomadIds] });
}

export async function getRegistrationsByPins(db: TaxDb, params: { pins: readonly string[] }): Promise<RegistrationRow[]> {
  if (params.pins.length === 0) return [];
  return db.select().from(registrations).where(inArray(registrations.pin, [...params.pins]));
}

/** The registration of a PIN or a nomad, locked for the rest of the transaction. */
export async function lockRegistration(tx: TaxDb, params: { pin: string } | { nomadId: string } | { id: string }): Promise<RegistrationRow | null> {
  const where = 'pin' in params ? eq(registrations.pin, params.pin) : 'nomadId' in params ? eq(registrations.nomadId, params.nomadId) : eq(registrations.id, params.id);
  const [row] = await tx.select().from(registrations).where(where).for('update');
  return row ?? null;
}

/** Inserts a registration unless one exists for its PIN or nomad; returns null when it did. */
export async function insertRegistration(tx: TaxDb, values: typeof registrations.$inferInsert): Promise<RegistrationRow | null> {
  const [row] = await tx.insert(registrations).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/**
 * One guarded UPDATE: applies `set` only if the row is still at `version` and in one of
 * `from`; bumps the version. Null means someone else moved it first (CONFLICT).
 */
export async function updateRegistrationIf(
  tx: TaxDb,
  params: { id: string; version?: number; from: readonly RegistrationState[]; set: Partial<typeof registrations.$inferInsert> },
): Promise<RegistrationRow | null> {
  const conditions: SQL[] = [eq(registrations.id, params.id), inArray(registrations.state, [...params.from])];
  if (params.version !== undefined) conditions.push(eq(registrations.version, params.version));
  const [row] = await tx
    .update(registrations)
    .set({ ...params.set, version: sql`${registrations.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

export async function insertRegisterEntry(tx: TaxDb, values: typeof registerEntries.$inferInsert): Promise<void> {
  await tx.insert(registerEntries).values(values);
}

export async function getEntriesByRegistrationIds(db: TaxDb, params: { registrationIds: readonly string[] }): Promise<RegisterEntryRow[]> {
  if (params.registrationIds.length === 0) return [];
  return db
    .select()
    .from(registerEntries)
    .where(inArray(registerEntries.registrationId, [...params.registrationIds]))
    .orderBy(asc(registerEntries.at), asc(registerEntries.id));
}

export interface RegistrationFilter {
  states?: readonly RegistrationState[] | null;
  regimeCodes?: readonly string[] | null;
  firstRegistration?: boolean | null;
}

/** The conditions of the register's list filter, over `registrations` (statistics reuse them: the same filter as the list). */
export function registrationConditions(filter: RegistrationFilter | null | undefined): SQL[] {
  const c: SQL[] = [];
  if (filter?.states?.length) c.push(inArray(registrations.state, [...filter.states]));
  if (filter?.regimeCodes?.length) c.push(inArray(registrations.regimeCode, [...filter.regimeCodes]));
  if (filter?.firstRegistration != null) c.push(eq(registrations.firstRegistration, filter.firstRegistration));
  return c;
}

/** A page of registrations, oldest first (a work queue is worked from its head). */
export async function listRegistrations(db: TaxDb, params: { page: Page; filter?: RegistrationFilter | null }): Promise<RegistrationRow[]> {
  const conditions = registrationConditions(params.filter);
  const after = afterCursor(registrations.createdAt, registrations.id, params.page.after, 'asc');
  if (after) conditions.push(after);
  return db
    .select()
    .from(registrations)
    .where(and(...conditions))
    .orderBy(asc(registrations.createdAt), asc(registrations.id))
    .limit(params.page.limit + 1);
}

export async function countRegistrations(db: TaxDb, params: { filter?: RegistrationFilter | null }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(registrations).where(and(...registrationConditions(params.filter)));
  return row?.n ?? 0;
}
