import { fileURLToPath } from 'node:url';
import { connect, formatPin, runMigrations, type Database } from '@nomad/kit';
import { createTestDatabase, type TestDatabase } from '@nomad/kit/testing';
import { schema, type TaxSchema } from './db/index.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

/** A fresh, migrated tax database on the test server (unit tests). */
export async function openTestTaxDatabase(label: string): Promise<{ testDb: TestDatabase; database: Database<TaxSchema> }> {
  const testDb = await createTestDatabase(label);
  const database = connect(testDb.url, { agency: 'tax', schema });
  await runMigrations(database, { agency: 'tax', migrationsFolder: MIGRATIONS_FOLDER });
  return { testDb, database };
}

/** A valid PIN for test person `n` (sex digit, birth date 01.01.1990, serial n). */
export function testPin(n: number): string {
  return formatPin('MALE', '1990-01-01', n);
}
