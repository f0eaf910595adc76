import { connect, type Database } from '../../db/database.ts';
import { runMigrations } from '../../db/migrate.ts';
import { createTestDatabase } from '../../testing/database.ts';
import { FIXTURE_MIGRATIONS, type FixtureSchema } from './fixture.ts';
import * as schema from './schema.ts';

export interface FixtureDatabase {
  url: string;
  database: Database<FixtureSchema>;
  /** Closes the connection and drops the database. */
  drop(): Promise<void>;
}

/** A fresh database on the test server with the fixture's migrations applied (as `agency` would apply them). */
export async function openFixtureDatabase(label: string, agency = 'events_fixture'): Promise<FixtureDatabase> {
  const testDb = await createTestDatabase(label);
  const database = connect(testDb.url, { agency, schema });
  await runMigrations(database, { agency, migrationsFolder: FIXTURE_MIGRATIONS });
  return {
    url: testDb.url,
    database,
    async drop() {
      await database.close();
      await testDb.drop();
    },
  };
}
