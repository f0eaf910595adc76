import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * The PostgreSQL server tests run against: `DATABASE_URL` when set (CI's PostgreSQL 15),
 * else the embedded cluster the vitest global setup started.
 */
export function testServerUrl(): string {
  const url = process.env.DATABASE_URL ?? process.env.NOMAD_TEST_PG_URL;
  if (!url) throw new Error('No test database server: set DATABASE_URL or run tests through vitest (global setup).');
  return url;
}

export interface TestDatabase {
  /** URL of a fresh, empty database with a unique name. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates a uniquely named database on the test server; `drop()` removes it (and its connections). */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const server = testServerUrl();
  const name = `nomad_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(server, name),
    name,
    async drop() {
      const sql = postgres(server, { max: 1, onnotice: () => undefined });
      try {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end();
      }
    },
  };
}
