import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

    const run = async () => {
      const services = [...SUBGRAPHS.map(({ name }) => startService(`subgraphs/${name}/src/main.ts`, env)), startService('gateway/src/main.ts', env)];
      running.push(...services);
      await waitFor(`http://127.0.0.1:${gatewayPort}/ready`, services);
      const total = await countNomads();
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
