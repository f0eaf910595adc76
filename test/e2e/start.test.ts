import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@nomad/kit';
import { SUBGRAPHS } from '@nomad/schema';
import { token } from '../src/harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts a service the way `npm start` does (tsx over the TypeScript source). */
function startService(entry: string, env: Record<string, string>): Proc {
  // The start path under test is the embedded one: drop any server URL CI gave the test run.
  const { DATABASE_URL: _drop, NOMAD_TEST_PG_URL: _drop2, ...base } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...base, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Resolves once `url` answers 200, or rejects with the service output after `timeoutMs`. */
async function waitFor(url: string, procs: Proc[], timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready:\n${procs.map((p) => p.output()).join('\n')}`);
}

const running: Proc[] = [];
let dataDir = '';
afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('npm start path', () => {
  it('starts on embedded PostgreSQL with sample data, stops cleanly on SIGINT and keeps the data', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'nomad-start-'));
    await chmod(dataDir, 0o755);
    const gatewayPort = await freePort();
    const env: Record<string, string> = { DATA_DIR: dataDir, GATEWAY_PORT: String(gatewayPort) };
    // Every agency of the supergraph on a free port, wired to each other as npm start wires them.
    for (const { name } of SUBGRAPHS) {
      const port = await freePort();
      const A = name.toUpperCase();
      env[`${A}_PORT`] = String(port);
      env[`${A}_URL`] = `http://127.0.0.1:${port}/graphql`;
      env[`${A}_EVENTS_URL`] = `http://127.0.0.1:${port}/events`;
    }
    const officer = await token(['migration_officer']);
    const countNomads = async () => {
      const res = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
        body: JSON.stringify({ query: '{ nomads(first: 1) { totalCount edges { node { applications(first: 1) { edges { node { number } } } } } } }' }),
      });
      const body = (await res.json()) as { data?: { nomads: { totalCount: number } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data?.nomads.totalCount;
    };

    // Who each service's pool is, as its embedded cluster sees it (the port is line 4 of postmaster.pid).
    const poolRoles = async (agency: string) => {
      const port = (await readFile(path.join(dataDir, agency, 'postmaster.pid'), 'utf8')).split('\n')[3];
      const sql = postgres(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`, { max: 1, onnotice: () => undefined });
      try {
        const rows = await sql<{ role: string }[]>`select distinct usename as role from pg_stat_activity where application_name = ${`nomad-${agency}`}`;
        return rows.map((r) => r.role);
      } finally {
        await sql.end();
      }
    };

    const run = async () => {
      const services = [...SUBGRAPHS.map(({ name }) => startService(`subgraphs/${name}/src/main.ts`, env)), startService('gateway/src/main.ts', env)];
      running.push(...services);
      await waitFor(`http://127.0.0.1:${gatewayPort}/ready`, services);
      const total = await countNomads();
      // Every service serves as its runtime role, not the cluster's superuser (its sealer keeps a connection open).
      expect(SUBGRAPHS.length).toBeGreaterThan(0);
      for (const { name } of SUBGRAPHS) expect(await poolRoles(name), name).toEqual([`nomad_${name}_runtime`]);
      for (const s of services) s.child.kill('SIGINT');
      for (const s of services) expect(await s.exited, s.output().slice(-2000)).toBe(0);
      return total;
    };

    const first = await run();
    expect(first).toBeGreaterThanOrEqual(200);
    const second = await run();
    expect(second).toBe(first);
  }, 360_000);
});
