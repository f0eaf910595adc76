import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../db/embedded.ts';

/**
 * Vitest global setup: without DATABASE_URL, start one embedded PostgreSQL for the whole
 * run in a temporary folder and hand its URL to the test workers; remove it afterwards.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.DATABASE_URL) return undefined;
  const dir = await mkdtemp(path.join(tmpdir(), 'nomad-test-pg-'));
  // mkdtemp makes the folder 0700; the postgres OS user must be able to enter it.
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres(path.join(dir, 'cluster'), pino({ level: 'silent' }));
  process.env.NOMAD_TEST_PG_URL = server.url;
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
