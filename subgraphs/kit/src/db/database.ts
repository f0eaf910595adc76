import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase, type PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { Logger } from '../logger.ts';
import { startEmbeddedWithRuntimeRole } from './embedded-runtime.ts';
import { runMigrations } from './migrate.ts';
import { assertRuntimeRole, grantRuntimeAccess } from './roles.ts';

/** A drizzle database of any schema; agencies narrow it with their own schema type. */
export type Db<TSchema extends Record<string, unknown> = Record<string, never>> = PostgresJsDatabase<TSchema>;

/**
 * What query functions take: the database or a transaction of it (a transaction passes
 * through the same function).
 */
export type Executor<TSchema extends Record<string, unknown> = Record<string, never>> = PgDatabase<
  PostgresJsQueryResultHKT,
  TSchema,
  ExtractTablesWithRelations<TSchema>
>;

export interface Database<TSchema extends Record<string, unknown> = Record<string, never>> {
  db: Db<TSchema>;
  /** The raw postgres.js client: for locks and administration, not for queries (they would not be counted). */
  client: postgres.Sql;
  /** Where it connected, with the password removed: safe to log. */
  description: string;
  /** Total statements run through `db` since it opened. */
  statementCount(): number;
  /**
   * Another pool to the same database as the same role, with its own size and settings (the
   * analysts' pool when no replica is configured: `openAnalyticsDatabase`). Closed on its own.
   */
  openPool(options: PoolOptions): Database<TSchema>;
  close(): Promise<void>;
}

/** What a second pool over the same URL may set differently (`Database.openPool`). */
export interface PoolOptions {
  /** Appended to `application_name` (`nomad-<agency>-<purpose>`), so that `pg_stat_activity` tells the pools apart. */
  purpose: string;
  maxConnections: number;
  /** @see OpenDatabaseOptions.statementTimeoutMs */
  statementTimeoutMs: number;
  /** Every transaction of the pool is read-only (`default_transaction_read_only`): a write fails with SQLSTATE 25006. @default false */
  readOnly?: boolean;
  /**
   * false: PostgreSQL never JIT-compiles the pool's statements (`jit = off`). Whole-program
   * aggregates cost enough to pass `jit_above_cost`, and compiling them took 0.9–1.3 s per
   * statement on a 100k program, more than running them. @default the server's setting
   */
  jit?: boolean;
}

export interface OpenDatabaseOptions<TSchema extends Record<string, unknown>> {
  agency: string;
  /**
   * A postgres:// URL the service's pool connects with: the agency's runtime role. When
   * absent, an embedded PostgreSQL is started in `dataDir/<agency>`, its superuser migrates
   * and creates the runtime role `nomad_<agency>_runtime` (a fresh password each start), and
   * the pool connects as that role.
   */
  url?: string | undefined;
  /**
   * A postgres:// URL of the agency's owner (migration) role: migrations run with it, then it
   * grants the runtime role of `url` its schema (`grantRuntimeAccess`), and the pool is checked
   * to be a runtime role (`assertRuntimeRole`). When absent with a `url`, migrations run and
   * the service serves with `url` alone, as the owner (a warning is logged).
   */
  migrationUrl?: string | undefined;
  /** Folder of the agency's drizzle migrations, applied before the pool opens. */
  migrationsFolder: string;
  /**
   * Log a warning when `url` alone is given (the pool is the owner). An operator's one-off
   * command (pilot import, tax campaign) passes false: it is not a service that serves. @default true
   */
  warnWhenOwner?: boolean;
  /** Parent folder of embedded clusters. @default '<cwd>/.data' */
  dataDir?: string | undefined;
  schema: TSchema;
  logger: Logger;
  /** Pool size. @default 10 */
  maxConnections?: number;
  /**
   * PostgreSQL's `statement_timeout` for every connection of the pool: a statement running
   * longer is cancelled (SQLSTATE 57014) instead of holding a connection and its locks. A
   * migration that needs longer sets `SET LOCAL statement_timeout = 0` at its top (drizzle runs
   * each migration run in one transaction). 0 turns it off. @default DEFAULT_STATEMENT_TIMEOUT_MS
   */
  statementTimeoutMs?: number;
  /** The embedded cluster exited without being asked to (see `EmbeddedOptions.onUnexpectedExit`). @default logged only */
  onEmbeddedExit?: () => void;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable database URL)';
  }
}

/** Where the pool connects and migrations run, and the embedded cluster to stop with the pool when there is one. */
interface DatabaseTarget {
  url: string;
  migrationUrl?: string | undefined;
  stopEmbedded?: () => Promise<void>;
}

/** The URLs given, or an embedded cluster with its runtime role when there is none. */
async function databaseTarget<TSchema extends Record<string, unknown>>(options: OpenDatabaseOptions<TSchema>): Promise<DatabaseTarget> {
  if (options.url) return { url: options.url, migrationUrl: options.migrationUrl };
  if (options.migrationUrl) throw new Error(`${options.agency}: a migration database URL needs the runtime database URL as well`);
  const embedded = await startEmbeddedWithRuntimeRole(options);
  return { url: embedded.url, migrationUrl: embedded.superuserUrl, stopEmbedded: () => embedded.stop() };
}

/**
 * The service's pool over a migrated database. With `owner` (the migration role's pool), the
 * owner grants the pool's role its schema and the pool is checked to be a runtime role; without,
 * the pool is the owner (warned unless `warnWhenOwner` is false). Closed again if a check fails.
 */
async function openServingPool<TSchema extends Record<string, unknown>>(
  url: string,
  options: OpenDatabaseOptions<TSchema> & { maxLifetimeS?: number },
  owner: Database | undefined,
): Promise<Database<TSchema>> {
  const db = connect(url, options);
  try {
    if (owner) {
      const [me] = await db.client<{ role: string }[]>`select current_user as role`;
      if (!me) throw new Error('no current_user');
      await grantRuntimeAccess(owner.client, { agency: options.agency, role: me.role });
      await assertRuntimeRole(db.client, options.agency);
    } else if (options.warnWhenOwner ?? true) {
      options.logger.warn(
        { database: db.description },
        `serving as the role that migrates (the schema's owner): set ${options.agency.toUpperCase()}_OWNER_DATABASE_URL to the owner and ${options.agency.toUpperCase()}_DATABASE_URL to the runtime role (docs/operators.md)`,
      );
    }
    return db;
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

/**
 * Opens the agency's database: migrated by the owner role, served by the runtime role.
 *
 * - Embedded (no `url`): the cluster's superuser creates the runtime role, migrates and grants;
 *   the pool connects as the runtime role.
 * - `url` and `migrationUrl`: the migration role migrates and grants; the pool connects with `url`.
 * - `url` alone (backward compatible): it migrates and serves as that role, with a warning.
 *
 * With a runtime role, the pool is checked (`assertRuntimeRole`) before it is handed out: a
 * superuser or the schema's owner on the runtime URL stops the start.
 */
export async function openDatabase<TSchema extends Record<string, unknown>>(
  options: OpenDatabaseOptions<TSchema>,
): Promise<Database<TSchema>> {
  const { url, migrationUrl, stopEmbedded } = await databaseTarget(options);
  const connectOptions = stopEmbedded ? { ...options, maxLifetimeS: EMBEDDED_MAX_LIFETIME_S } : options;
  let opened: Database<TSchema>;
  const migrator = connect(migrationUrl ?? url, { agency: options.agency, schema: {}, maxConnections: 2, statementTimeoutMs: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS });
  try {
    await runMigrations(migrator, { agency: options.agency, migrationsFolder: options.migrationsFolder });
    opened = await openServingPool(url, connectOptions, migrationUrl ? migrator : undefined);
  } catch (err) {
    await stopEmbedded?.().catch(() => undefined);
    throw err;
  } finally {
    await migrator.close();
  }
  return {
    ...opened,
    async close() {
      await opened.close();
      if (stopEmbedded) await stopEmbedded();
    },
  };
}

/** @see OpenDatabaseOptions.statementTimeoutMs */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;

/**
 * How long opening a connection may take. postgres.js waits 30 s by default, so a server that
 * accepts nothing (a network partition) would hold every query that long; 5 s is plenty on a
 * network that works. A refused connection fails at once either way.
 */
const CONNECT_TIMEOUT_S = 5;

/**
 * A pooled connection unused this long is closed (the next query opens one again, in a few
 * milliseconds), so that a burst's connections, some 15-25 MB of server memory each, do not
 * outlive it.
 */
const IDLE_TIMEOUT_S = 30;

/**
 * An embedded cluster's pooled connections are replaced after this long (postgres.js closes
 * one when it is next idle and opens another only when every open one is busy). The access-log
 * sealers query every half second, which keeps every connection of a round-robin pool from ever
 * idling 30 s: this is what lets an idle `npm start` come down to the connections it uses (see
 * `npm run bench -- rss`). A server given by URL keeps postgres.js's default (30 to 60 min).
 */
export const EMBEDDED_MAX_LIFETIME_S = 60;

/**
 * Connects drizzle over postgres.js to `url`, counting statements. The pool needs no restart
 * after the server went away: a broken connection is dropped, and the next query opens a new
 * one.
 */
export function connect<TSchema extends Record<string, unknown>>(
  url: string,
  options: Pick<OpenDatabaseOptions<TSchema>, 'agency' | 'schema' | 'maxConnections' | 'statementTimeoutMs'> & {
    /** Replace each pooled connection after this many seconds. @default postgres.js's (30 to 60 minutes) */
    maxLifetimeS?: number;
    /** @see PoolOptions.purpose @default none: `nomad-<agency>` */
    purpose?: string;
    /** @see PoolOptions.readOnly @default false */
    readOnly?: boolean;
    /** @see PoolOptions.jit */
    jit?: boolean;
  },
): Database<TSchema> {
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: () => undefined,
    connect_timeout: CONNECT_TIMEOUT_S,
    idle_timeout: IDLE_TIMEOUT_S,
    ...(options.maxLifetimeS === undefined ? {} : { max_lifetime: options.maxLifetimeS }),
    // Startup parameters: set on each connection as it opens, reconnections included.
    connection: {
      application_name: options.purpose ? `nomad-${options.agency}-${options.purpose}` : `nomad-${options.agency}`,
      statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      ...(options.readOnly ? { default_transaction_read_only: true } : {}),
      ...(options.jit === false ? { jit: 'off' } : {}),
    },
    // Dates stay ISO strings (`date` columns are calendar dates, not instants).
    types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
  });
  let total = 0;
  const db = drizzle(client, {
    schema: options.schema,
    logger: {
      logQuery: () => {
        total += 1;
      },
    },
  });
  return {
    db,
    client,
    description: redactUrl(url),
    statementCount: () => total,
    openPool: (pool) =>
      connect(url, {
        agency: options.agency,
        schema: options.schema,
        ...(options.maxLifetimeS === undefined ? {} : { maxLifetimeS: options.maxLifetimeS }),
        ...pool,
      }),
    close: () => client.end({ timeout: 5 }),
  };
}
