import { and, eq, sql } from 'drizzle-orm';
import type { MigrationDb } from '../db/index.ts';
import { nomads, zhaakSerials, type NomadRow } from '../db/schema.ts';

/** What an import compares to tell a re-run (same person) from a clash (another person). */
export type RegisteredIdentity = Pick<NomadRow, 'id' | 'surname' | 'givenNames' | 'dateOfBirth' | 'sex' | 'source'>;

export async function getIdentityByPassport(db: MigrationDb, params: { country: string; number: string }): Promise<RegisteredIdentity | undefined> {
  const [row] = await db
    .select({ id: nomads.id, surname: nomads.surname, givenNames: nomads.givenNames, dateOfBirth: nomads.dateOfBirth, sex: nomads.sex, source: nomads.source })
    .from(nomads)
    .where(and(eq(nomads.passportCountry, params.country), eq(nomads.passportNumber, params.number)));
  return row;
}

export async function getNomadIdByPin(db: MigrationDb, params: { pin: string }): Promise<string | undefined> {
  const [row] = await db.select({ id: nomads.id }).from(nomads).where(eq(nomads.pin, params.pin));
  return row?.id;
}

export async function insertNomad(db: MigrationDb, params: { nomad: typeof nomads.$inferInsert & { id: string } }): Promise<NomadRow> {
  const [row] = await db.insert(nomads).values(params.nomad).returning();
  if (!row) throw new Error('insert of nomad returned no row');
  return row;
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
