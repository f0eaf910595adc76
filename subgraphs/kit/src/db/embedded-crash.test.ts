import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { pino } from 'pino';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { lockPathOf } from './cluster-lock.ts';
import { ClusterInUseError, startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';
import { identify, isPidAlive, waitUntilGone } from './processes.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const HOLDER = fileURLToPath(new URL('./__fixtures__/hold-cluster.ts', import.meta.url));
const logger = pino({ level: 'silent' });

interface Held {
  child: ChildProcess;
  pid: number;
  port: number;
  postmaster: number;
  watchdog: number;
}

const children: ChildProcess[] = [];
const servers: EmbeddedServer[] = [];
const strays: number[] = [];
let root = '';

afterAll(async () => {
  for (const server of servers) await server.stop().catch(() => undefined);
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pid of strays) if (isPidAlive(pid)) process.kill(pid, 'SIGINT');
  for (const pid of strays) await waitUntilGone(identify(pid), 30_000);
  if (root) await rm(root, { recursive: true, force: true });
});

/** Starts a service stand-in holding the cluster of `dir` in another process. */
async function hold(dir: string): Promise<Held> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const end = out.indexOf('\n');
      if (end >= 0) resolve(out.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`holder exited ${code}: ${out}`)));
  });
  const held = JSON.parse(line) as Omit<Held, 'child'>;
  strays.push(held.postmaster);
  return { child, ...held };
}

/** Kills a process with SIGKILL and waits until it is reaped. */
async function kill9(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function query<T extends postgres.Row>(port: number, text: string): Promise<T[]> {
  const sql = postgres(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`, { max: 1, onnotice: () => undefined });
  try {
    return [...(await sql.unsafe<T[]>(text))];
  } finally {
    await sql.end();
  }
}

let dir = '';
beforeEach(async () => {
  if (!root) {
    root = await mkdtemp(path.join(tmpdir(), 'nomad-crash-'));
    // mkdtemp makes the folder 0700; as root, the postgres OS user must be able to enter it.
    await chmod(root, 0o755);
  }
  dir = path.join(root, `cluster-${Math.random().toString(36).slice(2, 8)}`);
});

describe('embedded PostgreSQL survives the death of its service', () => {
  it('a SIGKILLed service takes its cluster with it (watchdog), and the next start keeps the data', { timeout: 120_000 }, async () => {
    const held = await hold(dir);
    await query(held.port, `create table kept (note text); insert into kept values ('before the kill')`);
    await kill9(held.child);
    expect(await waitUntilGone(identify(held.postmaster), 30_000)).toBe(true);

    const server = await startEmbeddedPostgres(dir, logger);
    servers.push(server);
    expect(await query(server.port, 'select note from kept')).toEqual([{ note: 'before the kill' }]);
  });

  it('a cluster left running by a dead service (watchdog dead too) is stopped cleanly, then started', { timeout: 120_000 }, async () => {
    const held = await hold(dir);
    await query(held.port, `create table kept (note text); insert into kept values ('before the crash')`);
    process.kill(held.watchdog, 'SIGKILL');
    await waitUntilGone(identify(held.watchdog), 10_000);
    await kill9(held.child);
    // The orphan exists: without it this test would prove nothing.
    expect(isPidAlive(held.postmaster)).toBe(true);
    expect(await query(held.port, 'select 1 as one')).toEqual([{ one: 1 }]);

    const server = await startEmbeddedPostgres(dir, logger);
    servers.push(server);
    expect(isPidAlive(held.postmaster)).toBe(false);
    expect(server.pid).not.toBe(held.postmaster);
    expect(await query(server.port, 'select note from kept')).toEqual([{ note: 'before the crash' }]);
  });

  it('refuses a second live service on one folder, and the first keeps serving', { timeout: 120_000 }, async () => {
    const held = await hold(dir);
    const second = startEmbeddedPostgres(dir, logger);
    await expect(second).rejects.toThrow(ClusterInUseError);
    await expect(second).rejects.toThrow(`belongs to process ${held.pid}, which is still running`);
    expect(await query(held.port, 'select 1 as one')).toEqual([{ one: 1 }]);
    // The refused start left the owner's lock in place.
    expect(existsSync(lockPathOf(dir))).toBe(true);
    held.child.kill('SIGINT');
    expect(await waitUntilGone(identify(held.postmaster), 30_000)).toBe(true);
  });

  it('refuses a cluster that runs with no owner on record: not ours to stop', { timeout: 120_000 }, async () => {
    const held = await hold(dir);
    process.kill(held.watchdog, 'SIGKILL');
    await waitUntilGone(identify(held.watchdog), 10_000);
    await kill9(held.child);
    await unlink(lockPathOf(dir));
    await expect(startEmbeddedPostgres(dir, logger)).rejects.toThrow(`PostgreSQL (pid ${held.postmaster}) is running on`);
    expect(isPidAlive(held.postmaster)).toBe(true);
  });

  it('tells its service when the cluster dies under it', { timeout: 120_000 }, async () => {
    let died: () => void = () => undefined;
    const exited = new Promise<void>((resolve) => (died = resolve));
    const server = await startEmbeddedPostgres(dir, logger, { onUnexpectedExit: () => died() });
    servers.push(server);
    process.kill(server.pid, 'SIGKILL');
    await exited;
    // stop() on a cluster that is already gone returns instead of waiting for it forever.
    await server.stop();
    expect(existsSync(lockPathOf(dir))).toBe(false);
  });
});
