import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { connect, runMigrations, type Database, type Principal } from '@nomad/kit';
import { createTestDatabase } from '@nomad/kit/testing';
import type { Context } from './context.ts';
import { schema, type MigrationSchema } from './db/index.ts';
import { createLoaders } from './loaders.ts';
import type { SubmitApplicationInput } from './modules/applications/intake.ts';

/**
 * What migration's service tests share (TypeScript only: the build leaves this file out): a
 * migrated database of their own, a request context for a principal, and an application that
 * passes every intake rule on 2026-11-24.
 */

export interface ServiceTestDatabase {
  database: Database<MigrationSchema>;
  /** Its postgres:// URL (the test server's superuser). */
  url: string;
  /** Closes the pool and drops the database. */
  close(): Promise<void>;
}

/** A fresh database named after the test file, with every migration applied. */
export async function openServiceTestDatabase(name: string): Promise<ServiceTestDatabase> {
  const testDb = await createTestDatabase(name);
  const database = connect(testDb.url, { agency: 'migration', schema });
  await runMigrations(database, { agency: 'migration', migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)) });
  return {
    database,
    url: testDb.url,
    close: async () => {
      await database.close();
      await testDb.drop();
    },
  };
}

/** A request's context for `principal`, with fresh loaders, as the subgraph builds it. */
export function serviceContext(
  database: Database<MigrationSchema>,
  principal: Principal,
  options: { purpose?: string | null; idempotencyKey?: string | null; logger?: Logger } = {},
): Context {
  const purpose = options.purpose === undefined ? 'test' : options.purpose;
  return {
    principal,
    purpose,
    requestId: randomUUID(),
    idempotencyKey: options.idempotencyKey ?? null,
    db: database.db,
    loaders: createLoaders(database.db, { principal, purpose, requestId: 'r', operationName: null }),
    logger: options.logger ?? pino({ level: 'silent' }),
  };
}

/** A nomad acting on their own record. */
export function nomadPrincipal(nomadId: string): Principal {
  return { sub: `nomad-${nomadId}`, name: 'test', roles: ['nomad'], nomadId };
}

/** An application that passes every intake rule on 2026-11-24 (Kazakh software developer, USD 24,000). */
export function sampleApplication(passport: { number: string; expiresOn?: string }): SubmitApplicationInput {
  return {
    applicant: {
      surname: 'Nurlanov',
      givenNames: 'Arman',
      dateOfBirth: '1990-04-12',
      sex: 'MALE',
      citizenship: 'KAZ',
      passport: { country: 'KAZ', number: passport.number, expiresOn: passport.expiresOn ?? '2030-01-31' },
      email: 'arman@example.org',
    },
    activityCode: 'SOFTWARE_DEVELOPMENT',
    foreignParties: [{ kind: 'EMPLOYER', name: 'Northwind Labs GmbH', country: 'DEU' }],
    declaredAnnualIncome: { amountMinor: 2_400_000, currency: 'USD' },
    requestedStartOn: '2026-12-15',
    documents: [
      { kind: 'PASSPORT', fileName: 'passport.pdf', language: 'ru' },
      { kind: 'PHOTO', fileName: 'photo.jpg', language: 'ru' },
      { kind: 'EMPLOYMENT_CONTRACT', fileName: 'contract.pdf', language: 'ru' },
    ],
  };
}
