import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@nomad/kit';
import { createTestDatabase, type TestDatabase } from '@nomad/kit/testing';
import { SUBGRAPHS } from '@nomad/schema';
import { token } from '../src/harness.ts';

/**
 * Issue 17's development loop, end to end: `npm run dev` (turbo: every subgraph under
 * `tsx watch`, the schema package's recomposer, the gateway following the supergraph file),
 * run in a copy of the repository; an agency adds a field to a module's `schema.graphql` and
 * `resolvers.ts`; the field answers through the gateway, and the gateway process is the one
 * that answered before (same pid, same start time) while the labor subgraph's is a new one.
 * The time from the save to the answer is printed, not asserted (no timed assertions).
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Not copied: dependencies are linked, and build output, data and git are not the loop's. */
const SKIPPED = new Set(['node_modules', '.git', '.data', 'dist', '.turbo', 'artifacts', 'coverage']);
const FIELD = 'devLoopProbe';
const ANSWER = 'added under npm run dev';
/** Generous: the loop's time is printed; this only bounds a broken loop. */
const POLL_TIMEOUT_MS = 90_000;

let copy = '';
let dev: ChildProcess | undefined;
let output = '';
const databases: TestDatabase[] = [];

/** The pid of the process listening on `port` (Linux: /proc/net/tcp* and each process's fds). */
async function listenerPid(port: number): Promise<number | null> {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is "ADDR:PORT"; state 0A is LISTEN; column 9 is the socket's inode.
      if (cols[1]?.endsWith(`:${hex}`) && cols[3] === '0A' && cols[9]) inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return Number(pid);
    }
  }
  return null;
}

/** A process's start time in clock ticks since boot (/proc/<pid>/stat field 22): a pid reused by another process differs here. */
async function startTicks(pid: number): Promise<string> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
}

/** Processes whose working directory is inside the copy: what `npm run dev` started there. */
async function processesIn(dir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => '');
    if (cwd === dir || cwd.startsWith(`${dir}/`)) pids.push(Number(pid));
  }
  return pids;
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms. npm run dev said:\n${output.slice(-6000)}`);
}

/** Replaces `from` (which must occur) with `to` in a file of the copy. */
async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}: the test's edit needs updating`);
  await writeFile(file, text.replace(from, to));
}

afterAll(async () => {
  if (dev?.pid) {
    try {
      process.kill(-dev.pid, 'SIGINT');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 3000));
  }
  // Whatever npm run dev started and did not stop (tsx watch children), by pid.
  if (copy) {
    for (const pid of await processesIn(copy)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // exited meanwhile
      }
    }
    await rm(copy, { recursive: true, force: true });
  }
  for (const db of databases) await db.drop().catch(() => undefined);
});

describe('npm run dev: a field added to a subgraph shows through the gateway without a restart', () => {
  it('labor gets a Query field; the gateway answers it, same process', { timeout: 400_000 }, async () => {
    copy = await mkdtemp(path.join(tmpdir(), 'nomad-dev-'));
    await cp(ROOT, copy, { recursive: true, filter: (src) => !SKIPPED.has(path.basename(src)) });
    // The dependencies as installed, linked (workspace packages resolve to the original tree's
    // copies, which this test does not change; the subgraph edited is started from the copy).
    for (const dir of ['', ...(await readdir(ROOT))]) {
      const modules = path.join(ROOT, dir, 'node_modules');
      if (existsSync(modules) && existsSync(path.join(copy, dir))) await symlink(modules, path.join(copy, dir, 'node_modules'));
    }
    await mkdir(path.join(copy, '.data'));

    const gatewayPort = await freePort();
    const { DATABASE_URL: _server, NOMAD_TEST_PG_URL: _embedded, ...base } = process.env;
    const env: Record<string, string | undefined> = {
      ...base,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DATA_DIR: path.join(copy, '.data'),
      GATEWAY_PORT: String(gatewayPort),
      // No sample data: the loop is about the schema, and seeding four databases is slow.
      SEED: 'false',
      TURBO_TELEMETRY_DISABLED: '1',
      DO_NOT_TRACK: '1',
      FORCE_COLOR: '0',
    };
    const ports: Record<string, number> = {};
    for (const { name } of SUBGRAPHS) {
      const A = name.toUpperCase();
      const port = await freePort();
      ports[name] = port;
      const db = await createTestDatabase(`dev_${name}`);
      databases.push(db);
      env[`${A}_PORT`] = String(port);
      env[`${A}_URL`] = `http://127.0.0.1:${port}/graphql`;
      env[`${A}_EVENTS_URL`] = `http://127.0.0.1:${port}/events`;
      env[`${A}_DATABASE_URL`] = db.url;
    }

    // As a developer starts it, in its own process group so that all of it can be stopped.
    dev = spawn('npm', ['run', 'dev'], { cwd: copy, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    dev.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    dev.stderr?.on('data', (c: Buffer) => (output += c.toString()));

    const officer = await token(['labor_officer']);
    const ask = async () => {
      const res = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}`, 'x-purpose': 'dev loop test' },
        body: JSON.stringify({ query: `{ ${FIELD} }` }),
      });
      return (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
    };

    // Up: every subgraph ready behind the gateway, and the recomposer watching.
    await until('the gateway ready', async () => ((await fetch(`http://127.0.0.1:${gatewayPort}/ready`)).status === 200 ? true : null), 240_000);
    await until('the recomposer watching', () => Promise.resolve(output.includes('schema: recomposing on every SDL change') ? true : null), 120_000);
    const before = await ask();
    expect(before.errors?.[0]?.extensions?.code, JSON.stringify(before)).toBe('GRAPHQL_VALIDATION_FAILED');
    const gatewayPid = await listenerPid(gatewayPort);
    const laborPid = await listenerPid(ports.labor ?? 0);
    if (!gatewayPid || !laborPid) throw new Error(`no listener found: gateway ${gatewayPid}, labor ${laborPid}`);
    const gatewayStart = await startTicks(gatewayPid);
    const supergraph = path.join(copy, 'schema', 'supergraph.graphql');
    const labor = path.join(copy, 'subgraphs', 'labor', 'src', 'modules', 'experts');

    // The agency's change, as the README's recipe has it: the SDL, then its resolver.
    const saved = Date.now();
    await edit(path.join(labor, 'resolvers.ts'), '    Query: {\n', `    Query: {\n      ${FIELD}: () => '${ANSWER}',\n`);
    await edit(path.join(labor, 'schema.graphql'), 'extend type Query {\n', `extend type Query {\n  "Added by the dev-loop test."\n  ${FIELD}: String!\n`);

    const times: Record<string, number> = {};
    const watch = async () => {
      await until('labor stopped', async () => ((await listenerPid(ports.labor ?? 0)) !== laborPid ? true : null), POLL_TIMEOUT_MS);
      times.laborStopped = Date.now() - saved;
      await until('labor restarted', async () => {
        const pid = await listenerPid(ports.labor ?? 0);
        return pid !== null && pid !== laborPid ? pid : null;
      }, POLL_TIMEOUT_MS);
      times.laborRestarted = Date.now() - saved;
    };
    const composed = async () => {
      await until('the supergraph recomposed', async () => ((await readFile(supergraph, 'utf8')).includes(FIELD) ? true : null), POLL_TIMEOUT_MS);
      times.recomposed = Date.now() - saved;
    };
    /** What the gateway answered meanwhile, by error code: the loop's stages as a client sees them. */
    const seen: Record<string, number> = {};
    const answered = async () => {
      const res = await until('the field through the gateway', async () => {
        const r = await ask();
        for (const e of r.errors ?? []) seen[e.extensions?.code ?? e.message] = (seen[e.extensions?.code ?? e.message] ?? 0) + 1;
        return r.data?.[FIELD] === ANSWER ? r : null;
      }, POLL_TIMEOUT_MS);
      times.answered = Date.now() - saved;
      return res;
    };
    const [, , res] = await Promise.all([watch(), composed(), answered()]);
    const composition = /schema: recomposed .*\((\d+) ms\)/g;
    process.stdout.write(
      `dev loop: from the save, labor's old process gone ${times.laborStopped} ms, its new one listening ${times.laborRestarted} ms; ` +
        `supergraph recomposed ${times.recomposed} ms (composition itself: ${[...output.matchAll(composition)].map((m) => m[1]).join(', ')} ms); ` +
        `field answered through the gateway ${times.answered} ms (errors before: ${JSON.stringify(seen)})\n`,
    );

    expect(res.errors).toBeUndefined();
    expect(res.data?.[FIELD]).toBe(ANSWER);
    // The gateway was not restarted: the same process listens, started at the same time.
    expect(await listenerPid(gatewayPort)).toBe(gatewayPid);
    expect(await startTicks(gatewayPid)).toBe(gatewayStart);
    expect(output.match(/The nomad graph gateway is up\./g)).toHaveLength(1);
    expect(output).toMatch(/supergraph reloaded/);
  });
});
