import path from 'node:path';
import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase, type PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { Logger } from '../logger.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { noteStatement } from './metrics.ts';

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
  close(): Promise<void>;
}

export interface OpenDatabaseOptions<TSchema extends Record<string, unknown>> {
  agency: string;
  /** A postgres:// URL. When absent, an embedded PostgreSQL is started in `dataDir/<agency>`. */
  url?: string | undefined;
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

/** Opens the agency's database: its URL when given (production), else an embedded cluster. */
export async function openDatabase<TSchema extends Record<string, unknown>>(
  options: OpenDatabaseOptions<TSchema>,
): Promise<Database<TSchema>> {
  let url = options.url;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const dir = path.join(options.dataDir ?? path.resolve('.data'), options.agency);
    const embedded = await startEmbeddedPostgres(
      dir,
      options.logger,
      options.onEmbeddedExit ? { onUnexpectedExit: options.onEmbeddedExit } : {},
    );
    url = embedded.url;
    stopEmbedded = () => embedded.stop();
  }
  const db = connect(url, stopEmbedded ? { ...options, maxLifetimeS: EMBEDDED_MAX_LIFETIME_S } : options);
  return {
    ...db,
    async close() {
      await db.close();
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
      application_name: `nomad-${options.agency}`,
      statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
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
        noteStatement();
      },
    },
  });
  return {
    db,
    client,
    description: redactUrl(url),
    statementCount: () => total,
    close: () => client.end({ timeout: 5 }),
  };
}
