import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/database.ts';
import { connect, DEFAULT_STATEMENT_TIMEOUT_MS, type Database } from './database.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';
import { isPgError } from '../errors.ts';
import { identify, waitUntilGone } from './processes.ts';
import { databaseReady, READY_TIMEOUT_MS } from './readiness.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

/** A server that accepts TCP connections and never says a word: a partitioned or frozen database. */
async function blackHole(): Promise<{ port: number; server: Server }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return { port: (server.address() as { port: number }).port, server };
}

function track<T extends Database<Record<string, never>>>(database: T): T {
  cleanup.push(() => database.client.end({ timeout: 1 }));
  return database;
}

describe('statement_timeout', () => {
  it('is set on every connection of the pool, and cancels a longer statement', async () => {
    const testDb = await createTestDatabase('statement_timeout');
    cleanup.push(() => testDb.drop());
    const byDefault = track(connect(testDb.url, { agency: 'kit', schema: {} }));
    const [shown] = await byDefault.db.execute<{ statement_timeout: string }>(sql`show statement_timeout`);
    expect(shown?.statement_timeout).toBe(`${DEFAULT_STATEMENT_TIMEOUT_MS / 1000}s`);

    const short = track(connect(testDb.url, { agency: 'kit', schema: {}, statementTimeoutMs: 200 }));
    const slow = short.db.execute(sql`select pg_sleep(2)`);
    await expect(slow).rejects.toSatisfy((err: unknown) => isPgError(err, '57014'));
    // The pool goes on serving after the cancellation.
    expect([...(await short.db.execute<{ one: number }>(sql`select 1 as one`))]).toEqual([{ one: 1 }]);
  });
});

describe('databaseReady', () => {
  it('answers false by its deadline when the server accepts but never answers', async () => {
    const { port } = await blackHole();
    const database = track(connect(`postgres://nobody:nothing@127.0.0.1:${port}/none`, { agency: 'kit', schema: {} }));
    const started = Date.now();
    expect(await databaseReady(database.db)).toBe(false);
    // The deadline is the contract (a probe answered late is useless), not a speed figure.
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(READY_TIMEOUT_MS).toBeLessThan(1_000);
  });

  it('goes false when the server dies and true again when it is back, on the same pool', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nomad-recover-'));
    await chmod(dir, 0o755);
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const logger = pino({ level: 'silent' });
    let server: EmbeddedServer = await startEmbeddedPostgres(path.join(dir, 'cluster'), logger);
    cleanup.push(() => server.stop());
    const database = track(connect(server.url, { agency: 'kit', schema: {} }));
    await database.db.execute(sql`create table kept (note text)`);
    expect(await databaseReady(database.db)).toBe(true);

    process.kill(server.pid, 'SIGKILL');
    expect(await waitUntilGone(identify(server.pid), 10_000)).toBe(true);
    expect(await databaseReady(database.db)).toBe(false);
    await expect(database.db.execute(sql`insert into kept values ('while down')`)).rejects.toThrow();

    await server.stop();
    server = await startEmbeddedPostgres(path.join(dir, 'cluster'), logger, { port: server.port });
    expect(await databaseReady(database.db)).toBe(true);
    await database.db.execute(sql`insert into kept values ('after the restart')`);
    expect([...(await database.db.execute<{ note: string }>(sql`select note from kept`))]).toEqual([{ note: 'after the restart' }]);
  });
});
