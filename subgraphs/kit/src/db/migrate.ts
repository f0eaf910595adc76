import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './database.ts';

/**
 * One lock for every agency's migrations: two services starting at once against one
 * database take turns instead of racing on `CREATE SCHEMA`.
 */
export const MIGRATION_LOCK_KEY = 'nomad-graph:migrations';

/** Where an agency's applied migrations are recorded: its own table, never drizzle's shared default. */
export function migrationsTableOf(agency: string): { schema: string; table: string } {
  return { schema: 'drizzle', table: `__migrations_${agency}` };
}

/**
 * Applies the agency's drizzle migrations under an advisory lock.
 *
 * Each agency records its migrations in its own table: drizzle's default
 * (`drizzle.__drizzle_migrations`) shared by two agencies makes the second skip every
 * migration older than the first's latest, silently.
 */
export async function runMigrations(
  database: Database<Record<string, unknown>>,
  options: { agency: string; migrationsFolder: string },
): Promise<void> {
  const { schema, table } = migrationsTableOf(options.agency);
  // The lock holds one pooled connection for the whole run while drizzle migrates over the
  // pool: with a pool of one, drizzle would wait for that connection forever.
  if (database.client.options.max < 2) {
    throw new Error(
      `runMigrations needs a pool of at least 2 connections (got ${database.client.options.max}): ` +
        'one holds the migration lock while another applies the migrations.',
    );
  }
  const lock = await database.client.reserve();
  try {
    await lock`select pg_advisory_lock(hashtext(${MIGRATION_LOCK_KEY}))`;
    await migrate(database.db, {
      migrationsFolder: options.migrationsFolder,
      migrationsSchema: schema,
      migrationsTable: table,
    });
  } finally {
    await lock`select pg_advisory_unlock(hashtext(${MIGRATION_LOCK_KEY}))`.catch(() => undefined);
    lock.release();
  }
}
