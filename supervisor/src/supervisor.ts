import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { EnvSource } from '@nomad/contract';
import { launchCommand, REPO_ROOT, type LaunchCommand, type ServiceSpec } from './services.ts';

export interface RestartPolicy {
  /** Wait before the first restart; doubles with each failure in a row. @default 1000 */
  baseMs: number;
  /** Longest wait between restarts. @default 20000 */
  maxMs: number;
  /** Up this long, a service counts as healthy again and its failures are forgotten. @default 60000 */
  stableMs: number;
}

export interface SupervisorOptions {
  services: readonly ServiceSpec[];
  /** Every service's environment. */
  env: EnvSource;
  logger: Logger;
  restart: RestartPolicy;
  /** After SIGTERM, how long a service gets before SIGKILL. @default 15000 */
  stopTimeoutMs: number;
  /** @default launchCommand */
  launch?: (spec: ServiceSpec) => LaunchCommand;
  /** @default the repository root */
  cwd?: string;
}

/** What a supervisor reports, for its logs and for tests that wait on it. */
export interface SupervisorEvents {
  /**
   * A service process was started again. (The first starts happen inside `startSupervisor`,
   * before anyone can listen: read them with `pid(name)`.)
   */
  spawn: [name: string, pid: number];
  /** A service process ended; `restartInMs` is null when the supervisor is stopping. */
  exit: [name: string, info: { code: number | null; signal: NodeJS.Signals | null; restartInMs: number | null }];
}

export interface Supervisor extends EventEmitter<SupervisorEvents> {
  /** The running process of a service, or undefined while it waits for a restart. */
  pid(name: string): number | undefined;
  /** Stops every service (the front ones first), waiting for each to exit. */
  stop(): Promise<void>;
}

/** Back-off before the `failures`-th restart in a row: base, 2×base, 4×base, … up to max. */
export function restartDelay(failures: number, policy: Pick<RestartPolicy, 'baseMs' | 'maxMs'>): number {
  return Math.min(policy.baseMs * 2 ** Math.max(0, failures - 1), policy.maxMs);
}

interface Managed {
  spec: ServiceSpec;
  log: Logger;
  child?: ChildProcess | undefined;
  exited?: Promise<void>;
  startedAt: number;
  failures: number;
  timer?: NodeJS.Timeout | undefined;
}

/**
 * Runs each service as its own process and keeps it running: one that exits (crash, kill,
 * failed start) is logged and started again after a back-off, while the others go on
 * serving. Services run in their own process group, so a Ctrl-C reaches the supervisor only
 * and the supervisor stops them in order; each gets an IPC channel that closes when the
 * supervisor dies (see exit-with-parent.ts).
 */
export function startSupervisor(options: SupervisorOptions): Supervisor {
  const events = new EventEmitter<SupervisorEvents>();
  const launch = options.launch ?? ((spec: ServiceSpec) => launchCommand(spec));
  const managed = options.services.map(
    (spec): Managed => ({ spec, log: options.logger.child({ supervised: spec.name }), startedAt: 0, failures: 0 }),
  );
  let stopping = false;

  const start = (m: Managed) => {
    m.timer = undefined;
    const { command, args } = launch(m.spec);
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      detached: true,
    });
    m.child = child;
    m.startedAt = Date.now();
    m.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        m.child = undefined;
        onExit(m, code, signal);
        resolve();
      });
    });
    // A launcher that cannot even be spawned reports here, then as an exit.
    child.on('error', (err) => m.log.error({ err }, 'service could not be started'));
    m.log.info({ pid: child.pid }, 'service started');
    if (child.pid !== undefined) events.emit('spawn', m.spec.name, child.pid);
  };

  const onExit = (m: Managed, code: number | null, signal: NodeJS.Signals | null) => {
    if (stopping) {
      m.log.info({ code, signal }, 'service stopped');
      events.emit('exit', m.spec.name, { code, signal, restartInMs: null });
      return;
    }
    const uptimeMs = Date.now() - m.startedAt;
    if (uptimeMs >= options.restart.stableMs) m.failures = 0;
    m.failures += 1;
    const restartInMs = restartDelay(m.failures, options.restart);
    m.log.warn({ code, signal, uptimeMs, failures: m.failures, restartInMs }, 'service exited; restarting');
    events.emit('exit', m.spec.name, { code, signal, restartInMs });
    m.timer = setTimeout(() => start(m), restartInMs);
  };

  const terminate = async (m: Managed) => {
    const child = m.child;
    if (!child || !m.exited) return;
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      m.exited.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), options.stopTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      m.log.error({ pid: child.pid, stopTimeoutMs: options.stopTimeoutMs }, 'service did not stop in time; killing it');
      child.kill('SIGKILL');
      await m.exited;
    }
  };

  let stopped: Promise<void> | undefined;
  const stopAll = async () => {
    stopping = true;
    for (const m of managed) clearTimeout(m.timer);
    await Promise.all(managed.filter((m) => m.spec.front).map(terminate));
    await Promise.all(managed.filter((m) => !m.spec.front).map(terminate));
  };

  for (const m of managed) start(m);

  return Object.assign(events, {
    pid: (name: string) => managed.find((m) => m.spec.name === name)?.child?.pid,
    stop: () => (stopped ??= stopAll()),
  });
}
