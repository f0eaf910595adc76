import { and, eq } from 'drizzle-orm';
import type { MigrationDb } from '../db/index.ts';
import { nomads, type NomadRow } from '../db/schema.ts';

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
