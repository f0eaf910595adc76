import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Nothing phones home (issue 12): `@apollo/gateway` reports usage to Apollo and probes cloud
 * metadata servers unless APOLLO_TELEMETRY_DISABLED is set. The gateway's entry point sets it
 * itself; this starts the real entry point in a child process whose network calls to anything
 * but loopback are recorded and refused (see `__fixtures__/egress-guard.ts`).
 */
const GATEWAY_DIR = fileURLToPath(new URL('../', import.meta.url));
const GUARD = fileURLToPath(new URL('./__fixtures__/egress-guard.ts', import.meta.url));

interface Run {
  output: () => string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const runs: Run[] = [];
afterAll(async () => {
  await Promise.all(runs.map((r) => r.stop()));
});

function run(args: string[], env: Record<string, string>): Run {
  // The environment must not switch telemetry off for the entry point: it must do so itself.
  const { APOLLO_TELEMETRY_DISABLED: _inherited, ...base } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', GUARD, ...args], {
    cwd: GATEWAY_DIR,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const handle: Run = {
    output: () => out,
    waitFor: (pattern, timeoutMs = 90_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(out)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${String(pattern)} within ${timeoutMs} ms:\n${out}`));
        }, timeoutMs);
        listeners.add(check);
        check();
        void exited.then(() => setTimeout(check, 0));
      }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  runs.push(handle);
  return handle;
}

async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('egress at start', () => {
  it('the guard sees and refuses a connection and a lookup off the machine (control)', async () => {
    // TEST-NET-1 and a reserved name: blocked before any packet or DNS query leaves.
    const control = run(
      ['-e', "fetch('http://192.0.2.1/').catch(() => {}); require('node:dns').lookup('nomad-graph.invalid', () => {});"],
      {},
    );
    await control.waitFor(/EGRESS-ATTEMPT lookup nomad-graph\.invalid/);
    await control.waitFor(/EGRESS-ATTEMPT connect 192\.0\.2\.1:80/);
  }, 180_000);

  it('the gateway starts without attempting any connection beyond loopback', async () => {
    const port = await deadPort();
    const env: Record<string, string> = { NODE_ENV: 'development', LOG_LEVEL: 'info', GATEWAY_PORT: '0' };
    for (const name of ['MIGRATION', 'LABOR', 'TAX', 'SECURITY']) env[`${name}_URL`] = `http://127.0.0.1:${port}/graphql`;
    const gateway = run(['src/main.ts'], env);
    await gateway.waitFor(/"msg":"gateway listening"/);
    const listening = /"port":(\d+)[^\n]*"msg":"gateway listening"/.exec(gateway.output());
    expect(listening?.[1]).toBeDefined();
    // One request through the running server: every start-up task has had its turn by now.
    const health = await fetch(`http://127.0.0.1:${listening?.[1] ?? ''}/health`);
    expect(health.status).toBe(200);
    await gateway.stop();
    expect(gateway.output().match(/EGRESS-ATTEMPT .*/g) ?? []).toEqual([]);
  }, 180_000);
});
