import { GraphQLError } from 'graphql';
import { ErrorCode, isPgError } from '../errors.ts';
import { connect, type Database } from './database.ts';

/**
 * The analysts' statement timeout when neither `<AGENCY>_ANALYST_STATEMENT_TIMEOUT_MS` nor
 * `ANALYST_STATEMENT_TIMEOUT_MS` is set: twice the officers' default, since a question over the
 * whole program reads more rows than a case, yet short enough that one runaway question cannot
 * hold a connection for long.
 */
export const DEFAULT_ANALYST_STATEMENT_TIMEOUT_MS = 10_000;

/** The analysts' pool is small: a few long questions at a time, never crowding out the officers' pool. */
export const ANALYTICS_POOL_SIZE = 3;

/** PostgreSQL's `query_canceled`: statement_timeout (or a cancel request) stopped the statement. */
export const PG_QUERY_CANCELED = '57014';

export interface AnalyticsDatabaseOptions {
  /** `<AGENCY>_ANALYTICS_DATABASE_URL`: a read replica. @default the agency's own database (another pool to it) */
  url?: string | undefined;
  statementTimeoutMs: number;
  /** @default ANALYTICS_POOL_SIZE */
  maxConnections?: number;
}

/**
 * The pool analysts' questions run on: to `url` (a replica of the agency's database, which the
 * service never migrates nor writes) when given, else another pool to the agency's own database.
 * Either way it has its own statement timeout, no JIT compilation, and is read-only, so a write can never land on it
 * (the access log and every mutation stay on the agency's pool).
 */
export function openAnalyticsDatabase<TSchema extends Record<string, unknown>>(
  primary: Database<TSchema>,
  options: AnalyticsDatabaseOptions & { agency: string; schema: TSchema },
): Database<TSchema> {
  const pool = {
    purpose: 'analytics',
    maxConnections: options.maxConnections ?? ANALYTICS_POOL_SIZE,
    statementTimeoutMs: options.statementTimeoutMs,
    readOnly: true,
    // Analysts' questions aggregate whole tables: JIT compiling cost more than it saved.
    jit: false,
  };
  return options.url ? connect(options.url, { agency: options.agency, schema: options.schema, ...pool }) : primary.openPool(pool);
}

/** The error an analyst sees when a question ran past the analysts' statement timeout. */
export function analyticsTimeout(): GraphQLError {
  return new GraphQLError(
    "The question ran longer than the analysts' statement timeout and was stopped: narrow it (a filter, fewer dimensions) or ask an operator.",
    { extensions: { code: ErrorCode.ANALYTICS_TIMEOUT } },
  );
}

/**
 * Runs an analysts' read (statistics, aggregates) on the analytics pool of the request (a
 * replica, or the agency's database under the analysts' timeout; the agency's pool when the
 * server was started without one, as in service tests). A statement stopped by the timeout
 * answers ANALYTICS_TIMEOUT rather than an internal error. Only reads: the pool is read-only.
 */
export async function analyticsRead<TDb, T>(ctx: { db: TDb; analytics?: TDb | undefined }, read: (db: TDb) => Promise<T>): Promise<T> {
  try {
    return await read(ctx.analytics ?? ctx.db);
  } catch (err) {
    if (isPgError(err, PG_QUERY_CANCELED)) throw analyticsTimeout();
    throw err;
  }
}
