import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { connect, formatPin, runMigrations, type Database, type Principal } from '@nomad/kit';
import { createTestDatabase, type TestDatabase } from '@nomad/kit/testing';
import type { Context } from './context.ts';
import { schema, type TaxSchema } from './db/index.ts';
import { createLoaders } from './loaders.ts';

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

/** A request's context for `principal` over `database` (service tests): fresh loaders, a silent logger, no purpose. */
export function taxServiceContext(database: Database<TaxSchema>, principal: Principal): Context {
  const request = { principal, purpose: null, requestId: randomUUID(), operationName: null };
  return { ...request, idempotencyKey: null, db: database.db, loaders: createLoaders(database.db, request), logger: pino({ level: 'silent' }) };
}
