import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_SERVICE, FAKE_SERVICES, launchFake } from './__fixtures__/fakes.ts';
import { restartDelay, startSupervisor, type Supervisor, type SupervisorEvents, type SupervisorOptions } from './supervisor.ts';
import { REPO_ROOT } from './services.ts';

const SUPERVISE = fileURLToPath(new URL('./__fixtures__/supervise.ts', import.meta.url));

let dir = '';
let logFile = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nomad-supervisor-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const running: Supervisor[] = [];
const orphans: number[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
  for (const pid of orphans.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves with the arguments of the next `event` for which `match` holds. */
function next<E extends keyof SupervisorEvents>(s: Supervisor, event: E, match: (...args: SupervisorEvents[E]) => boolean) {
  return new Promise<SupervisorEvents[E]>((resolve) => {
    const listener = (...args: SupervisorEvents[E]) => {
      if (!match(...args)) return;
      s.off(event, listener as never);
      resolve(args);
    };
    s.on(event, listener as never);
  });
}

/** Starts a supervisor over the stand-ins and waits until every one of them runs. */
function supervise(overrides: Partial<SupervisorOptions> = {}, lines: string[] = []) {
  logFile = path.join(dir, `${Math.random().toString(36).slice(2)}.log`);
  const stream = { write: (line: string) => void lines.push(line) };
  const s = startSupervisor({
    services: FAKE_SERVICES,
    logger: pino({ level: 'info' }, stream),
    restart: { baseMs: 100, maxMs: 400, stableMs: 60_000 },
    stopTimeoutMs: 10_000,
    launch: launchFake,
    cwd: FAKE_SERVICE.root,
    ...overrides,
    env: { ...process.env, FAKE_LOG: logFile, ...overrides.env },
  });
  running.push(s);
  // Spawned synchronously: every stand-in has a PID once startSupervisor returns.
  for (const { name } of FAKE_SERVICES) expect(s.pid(name), name).toBeTypeOf('number');
  return s;
}

describe('restart policy', () => {
  it('doubles the wait per failure in a row, up to the maximum', () => {
    const policy = { baseMs: 1_000, maxMs: 30_000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => restartDelay(n, policy))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
});

describe('supervisor', () => {
  it('restarts a killed service with growing back-off and logs it, while the others run on', async () => {
    const lines: string[] = [];
    const s = supervise({}, lines);
    const others = { front: s.pid('front'), beta: s.pid('beta') };
    const waits: (number | null)[] = [];
    for (let kill = 0; kill < 4; kill++) {
      const pid = s.pid('alpha');
      if (pid === undefined) throw new Error('alpha is not running');
      const exited = next(s, 'exit', (name) => name === 'alpha');
      const respawned = next(s, 'spawn', (name) => name === 'alpha');
      process.kill(pid, 'SIGKILL');
      const [, info] = await exited;
      expect(info.signal).toBe('SIGKILL');
      waits.push(info.restartInMs);
      const [, newPid] = await respawned;
      expect(newPid).not.toBe(pid);
    }
    expect(waits).toEqual([100, 200, 400, 400]);
    expect({ front: s.pid('front'), beta: s.pid('beta') }).toEqual(others);
    const restarts = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'service exited; restarting');
    expect(restarts.map((l) => [l.supervised, l.signal, l.restartInMs])).toEqual(waits.map((w) => ['alpha', 'SIGKILL', w]));
  });

  it('forgets the failures of a service that stayed up long enough', async () => {
    // Every uptime counts as stable: each exit is a first failure again.
    const s = supervise({ restart: { baseMs: 100, maxMs: 400, stableMs: 0 } });
    const waits: (number | null)[] = [];
    for (let kill = 0; kill < 3; kill++) {
      const exited = next(s, 'exit', (name) => name === 'beta');
      const respawned = next(s, 'spawn', (name) => name === 'beta');
      process.kill(s.pid('beta') ?? 0, 'SIGKILL');
      waits.push((await exited)[1].restartInMs);
      await respawned;
    }
    expect(waits).toEqual([100, 100, 100]);
  });

  it('stops the front service first, then the others; one that ignores SIGTERM is killed after the timeout', async () => {
    const s = supervise({ stopTimeoutMs: 1_500, env: { ...process.env, FAKE_IGNORE_TERM: 'beta' } });
    // The stand-ins note SIGTERM only once their handler is in place: wait until each is up.
    expect(await waitUntilUp(logFile)).toEqual(['alpha up', 'beta up', 'front up']);
    const exits: [string, NodeJS.Signals | null, number | null][] = [];
    s.on('exit', (name, info) => exits.push([name, info.signal, info.restartInMs]));
    await s.stop();
    const noted = await sigterms(logFile);
    expect(noted[0]).toBe('front SIGTERM');
    expect(noted.slice(1).sort()).toEqual(['alpha SIGTERM', 'beta SIGTERM']);
    // Nothing restarts while stopping (restartInMs null); beta, deaf to SIGTERM, was killed.
    expect(exits[0]).toEqual(['front', null, null]);
    expect(exits.find(([name]) => name === 'beta')).toEqual(['beta', 'SIGKILL', null]);
    expect(exits.find(([name]) => name === 'alpha')).toEqual(['alpha', null, null]);
    for (const { name } of FAKE_SERVICES) expect(s.pid(name)).toBeUndefined();
  });

  it('leaves no service behind when the supervisor itself is killed with SIGKILL', async () => {
    logFile = path.join(dir, 'orphans.log');
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SUPERVISE], {
      cwd: REPO_ROOT,
      env: { ...process.env, FAKE_LOG: logFile },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pids = await new Promise<number[]>((resolve) => {
      let out = '';
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        const spawned = out.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { pid: number }).pid);
        if (spawned.length === FAKE_SERVICES.length) resolve(spawned);
      });
    });
    orphans.push(...pids);
    expect(await waitUntilUp(logFile)).toEqual(['alpha up', 'beta up', 'front up']);
    child.kill('SIGKILL');
    for (const pid of pids) expect(await waitUntilGone(pid), `service ${pid}`).toBe(true);
    // Each stopped through its own SIGTERM handler (a clean stop), not by a kill.
    expect((await sigterms(logFile)).sort()).toEqual(['alpha SIGTERM', 'beta SIGTERM', 'front SIGTERM']);
  });
});

/** Waits until every stand-in noted in `file` that it is up (SIGTERM handler in place). */
async function waitUntilUp(file: string, timeoutMs = 20_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let up: string[] = [];
  while (Date.now() < deadline) {
    up = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter((l) => l.endsWith(' up'));
    if (up.length >= FAKE_SERVICES.length) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return up.sort();
}

/** The SIGTERMs the stand-ins noted in `file`, in order. */
async function sigterms(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\n').filter((l) => l.endsWith(' SIGTERM'));
}

async function waitUntilGone(pid: number, timeoutMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}
