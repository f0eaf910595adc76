import { and, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { afterCursor, anyOf, prepared, type Page } from '@nomad/kit';
import type { MigrationDb } from '../../db/index.ts';
import { applications, nomads, passportHistory, statusEvents, statusPeriods, zhaakSerials, type NomadRow } from '../../db/schema.ts';
import type { LinkFacts } from '../../policy.ts';

export interface NomadFilterParams {
  /** Restricts to one nomad (a nomad reading their own list). */
  onlyId?: string | undefined;
  citizenships?: readonly string[] | undefined;
  hasPin?: boolean | undefined;
  source?: NomadRow['source'] | undefined;
}

/** The `nomads` list's filter as conditions on `nomads` (also the filter of the status statistics). */
export function nomadConditions(filter: NomadFilterParams): SQL | undefined {
  return and(
    filter.onlyId !== undefined ? eq(nomads.id, filter.onlyId) : undefined,
    filter.citizenships?.length ? inArray(nomads.citizenship, [...filter.citizenships]) : undefined,
    filter.hasPin === true ? isNotNull(nomads.pin) : filter.hasPin === false ? isNull(nomads.pin) : undefined,
    filter.source !== undefined ? eq(nomads.source, filter.source) : undefined,
  );
}

const nomadsByIds = prepared((db: MigrationDb) => db.select().from(nomads).where(anyOf(nomads.id, 'ids')).prepare('nomads_by_ids'));

export async function getNomadsByIds(db: MigrationDb, params: { ids: readonly string[] }): Promise<NomadRow[]> {
  if (params.ids.length === 0) return [];
  return nomadsByIds(db, { ids: [...params.ids] });
}

export async function getNomadsByPins(db: MigrationDb, params: { pins: readonly string[] }): Promise<NomadRow[]> {
  if (params.pins.length === 0) return [];
  return db.select().from(nomads).where(inArray(nomads.pin, [...params.pins]));
}

/**
 * Migration's facts behind the other agencies' records of each nomad (the `linked` relation),
 * in one statement whatever the number of ids; an unknown id has no row.
 */
export async function getLinkFactsByNomadIds(db: MigrationDb, params: { ids: readonly string[] }): Promise<(LinkFacts & { id: string })[]> {
  if (params.ids.length === 0) return [];
  // Correlated subqueries name their tables by alias: drizzle writes a column in a selection
  // without its table, which inside a subquery would mean the subquery's own table.
  const n = alias(nomads, 'n');
  return db
    .select({
      id: n.id,
      heldStatus: sql<boolean>`exists (select 1 from ${statusPeriods} p where p.nomad_id = n.id)`,
      evaluationRequested: sql<boolean>`exists (select 1 from ${applications} a where a.nomad_id = n.id and a.evaluation_requested_at is not null)`,
      applied: sql<boolean>`exists (select 1 from ${applications} a where a.nomad_id = n.id)`,
      exited: sql<boolean>`exists (select 1 from ${statusEvents} e where e.nomad_id = n.id and e.kind in ('REVOKED', 'EXPIRED'))`,
    })
    .from(n)
    .where(inArray(n.id, [...params.ids]));
}

/** One page (+1 row to tell whether more follow), newest first. */
export async function listNomads(
  db: MigrationDb,
  params: { filter: NomadFilterParams; page: Page },
): Promise<NomadRow[]> {
  return db
    .select()
    .from(nomads)
    .where(and(nomadConditions(params.filter), afterCursor(nomads.createdAt, nomads.id, params.page.after, 'desc')))
    .orderBy(desc(nomads.createdAt), desc(nomads.id))
    .limit(params.page.limit + 1);
}

export async function countNomads(db: MigrationDb, params: { filter: NomadFilterParams }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(nomads).where(nomadConditions(params.filter));
  return row?.n ?? 0;
}

export type NewNomad = typeof nomads.$inferInsert;

/** Inserts the nomad, or updates the identity of an existing one (same id). */
export async function upsertNomad(db: MigrationDb, params: { nomad: NewNomad & { id: string } }): Promise<NomadRow> {
  const { id, ...fields } = params.nomad;
  const [row] = await db
    .insert(nomads)
    .values(params.nomad)
    .onConflictDoUpdate({ target: nomads.id, set: { ...fields, updatedAt: new Date().toISOString() } })
    .returning();
  if (!row) throw new Error(`upsert of nomad ${id} returned no row`);
  return row;
}

export async function findNomadByPassport(
  db: MigrationDb,
  params: { country: string; number: string },
): Promise<Pick<NomadRow, 'id'> | undefined> {
  const [row] = await db
    .select({ id: nomads.id })
    .from(nomads)
    .where(and(eq(nomads.passportCountry, params.country), eq(nomads.passportNumber, params.number)));
  return row;
}

/** Records the PIN ZHAAK assigned; the unique index refuses a PIN given to two people. */
export async function setNomadPin(db: MigrationDb, params: { nomadId: string; pin: string }): Promise<void> {
  await db
    .update(nomads)
    .set({ pin: params.pin, version: sql`${nomads.version} + 1`, updatedAt: sql`now()` })
    .where(eq(nomads.id, params.nomadId));
}

/**
 * The embedded ZHAAK's next serial for a birth date, taken with one atomic upsert so that
 * concurrent approvals of people born the same day get distinct serials; null if none came back.
 */
export async function takeZhaakSerial(db: MigrationDb, params: { dateOfBirth: string }): Promise<number | null> {
  const [row] = await db
    .insert(zhaakSerials)
    .values({ dateOfBirth: params.dateOfBirth, lastSerial: 1 })
    .onConflictDoUpdate({ target: zhaakSerials.dateOfBirth, set: { lastSerial: sql`${zhaakSerials.lastSerial} + 1` } })
    .returning({ serial: zhaakSerials.lastSerial });
  return row?.serial ?? null;
}

/**
 * Moves the embedded ZHAAK's counter for a birth date past a PIN the pilot already issued,
 * as the seed does for its sample PINs: otherwise the next approval of someone born that day
 * could be offered the same PIN and fail on the unique index. Harmless with a real ZHAAK,
 * which does not read this table.
 */
export async function reserveZhaakSerial(db: MigrationDb, params: { dateOfBirth: string; serial: number }): Promise<void> {
  await db
    .insert(zhaakSerials)
    .values({ dateOfBirth: params.dateOfBirth, lastSerial: params.serial })
    .onConflictDoUpdate({ target: zhaakSerials.dateOfBirth, set: { lastSerial: sql`greatest(${zhaakSerials.lastSerial}, excluded.last_serial)` } });
}

/** The nomad's row, locked for the rest of the transaction (a passport change). */
export async function lockNomadRow(db: MigrationDb, params: { nomadId: string }): Promise<NomadRow | undefined> {
  const [row] = await db.select().from(nomads).where(eq(nomads.id, params.nomadId)).for('update');
  return row;
}

/** Keeps the passport on record in the history and records `passport` in its place (two statements). */
export async function replacePassport(
  db: MigrationDb,
  params: { nomad: NomadRow; passport: { country: string; number: string; expiresOn: string }; replacedBy: string },
): Promise<NomadRow> {
  const { nomad, passport } = params;
  await db.insert(passportHistory).values({
    nomadId: nomad.id,
    country: nomad.passportCountry,
    number: nomad.passportNumber,
    expiresOn: nomad.passportExpiresOn,
    replacedBy: params.replacedBy,
  });
  const [row] = await db
    .update(nomads)
    .set({ passportCountry: passport.country, passportNumber: passport.number, passportExpiresOn: passport.expiresOn, version: sql`${nomads.version} + 1`, updatedAt: sql`now()` })
    .where(eq(nomads.id, nomad.id))
    .returning();
  if (!row) throw new Error(`passport update of nomad ${nomad.id} returned no row`);
  return row;
}
