import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect as tcpConnect } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { openDatabase, type Database } from './database.ts';

/** Whether something accepts TCP connections on this loopback port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('openDatabase without a URL (embedded PostgreSQL)', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('starts a cluster in its data folder and keeps the data across a restart', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'nomad-embedded-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    // mkdtemp makes the folder 0700; as root, the postgres OS user must be able to enter it.
    await chmod(dataDir, 0o755);
    const logger = pino({ level: 'silent' });
    const options = { agency: 'kit_embedded', dataDir, schema: {}, logger };

    let open: Database | undefined;
    cleanup.push(async () => {
      await open?.close();
    });

    open = await openDatabase(options);
    expect(existsSync(path.join(dataDir, 'kit_embedded', 'PG_VERSION'))).toBe(true);
    expect(open.description).toMatch(/^postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres$/);
    await open.db.execute(sql`create table kept (id int primary key, note text not null)`);
    await open.db.execute(sql`insert into kept values (1, 'written before the restart')`);
    const firstPort = Number(new URL(open.description).port);
    await open.close();
    open = undefined;
    // close() stops the cluster it started: nothing listens on its port any more.
    expect(await accepts(firstPort)).toBe(false);

    open = await openDatabase(options);
    const rows = await open.db.execute<{ id: number; note: string }>(sql`select id, note from kept`);
    expect([...rows]).toEqual([{ id: 1, note: 'written before the restart' }]);
    await open.close();
    open = undefined;
  });
});
