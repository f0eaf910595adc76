import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect as tcpConnect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
    // An agency in miniature (see __fixtures__/README.md): migrated by the cluster's superuser.
    const migrationsFolder = fileURLToPath(new URL('./__fixtures__/gamma', import.meta.url));
    const options = { agency: 'gamma', dataDir, schema: {}, logger, migrationsFolder };

    let open: Database | undefined;
    cleanup.push(async () => {
      await open?.close();
    });

    open = await openDatabase(options);
    expect(existsSync(path.join(dataDir, 'gamma', 'PG_VERSION'))).toBe(true);
    // The pool is the runtime role the superuser created, not the superuser.
    expect(open.description).toMatch(/^postgres:\/\/nomad_gamma_runtime:\*\*\*@127\.0\.0\.1:\d+\/postgres$/);
    const [me] = [...(await open.db.execute<{ role: string; superuser: boolean }>(sql`select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user`))];
    expect(me).toEqual({ role: 'nomad_gamma_runtime', superuser: false });
    await expect(open.db.execute(sql`alter table gamma.access_records disable trigger all`)).rejects.toMatchObject({ cause: { code: '42501' } });
    await expect(open.db.execute(sql`set session_replication_role = replica`)).rejects.toMatchObject({ cause: { code: '42501' } });
    await expect(open.db.execute(sql`create table gamma.kept (id int)`)).rejects.toMatchObject({ cause: { code: '42501' } });
    await open.db.execute(sql`insert into gamma.items (id, label) values (1000, 'written before the restart')`);
    const firstPort = Number(new URL(open.description).port);
    await open.close();
    open = undefined;
    // close() stops the cluster it started: nothing listens on its port any more.
    expect(await accepts(firstPort)).toBe(false);

    open = await openDatabase(options);
    // Again the runtime role (a fresh password each start), and the data is there.
    expect(open.description).toMatch(/^postgres:\/\/nomad_gamma_runtime:/);
    const rows = await open.db.execute<{ id: number; label: string }>(sql`select id, label from gamma.items where id = 1000`);
    expect([...rows]).toEqual([{ id: 1000, label: 'written before the restart' }]);
    await open.close();
    open = undefined;
  });
});
