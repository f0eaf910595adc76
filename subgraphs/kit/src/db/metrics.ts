import type { Logger as DrizzleLogger } from 'drizzle-orm';
import type { PgDialect } from 'drizzle-orm/pg-core';
import { PostgresJsDatabase, PostgresJsSession } from 'drizzle-orm/postgres-js';

/** Counts SQL statements of one GraphQL operation (or any unit of work given a {@link countedDb}). */
export interface StatementCounter {
  count: number;
}

const BASE = Symbol('nomad.countedDb.base');
const COUNTER = Symbol('nomad.countedDb.counter');

interface Counted {
  [BASE]?: object;
  [COUNTER]?: StatementCounter;
}

/** What a drizzle database over postgres.js holds that a view of it needs (private in drizzle's types). */
interface SessionParts {
  client: ConstructorParameters<typeof PostgresJsSession>[0];
  schema: ConstructorParameters<typeof PostgresJsSession>[2];
  options: { logger?: DrizzleLogger };
  logger: DrizzleLogger;
}

/**
 * A view of `db` (a drizzle database over postgres.js, as `connect` opens) on the same pool,
 * whose statements, its transactions' included, also count into `counter`: each request's
 * context carries one, so that an operation counts its own statements however many run
 * beside it. It replaces an AsyncLocalStorage, whose promise hooks (Node 20) cost every
 * promise of the process: a tenth of a subgraph's CPU on the case view.
 *
 * Only what runs through the view counts: a query function given another handle (the pool
 * itself, a module's own) is not the request's. A prepared statement ({@link prepared}) is
 * built once on the pool the view is of, and counted on the view by {@link noteStatementOn}.
 */
export function countedDb<TDb extends object>(db: TDb, counter: StatementCounter): TDb {
  const base = baseOf(db);
  const { dialect, session: poolSession } = base as unknown as { dialect: PgDialect; session: unknown };
  if (!(poolSession instanceof PostgresJsSession)) throw new Error('countedDb: not a drizzle database over postgres.js');
  const parts = poolSession as unknown as SessionParts;
  const inner = parts.logger;
  const logger: DrizzleLogger = {
    logQuery(query, params) {
      counter.count += 1;
      inner.logQuery(query, params);
    },
  };
  const schema = parts.schema as never;
  const session = new PostgresJsSession(parts.client, dialect, schema, { ...parts.options, logger });
  // The pool's database with this session in its place: every builder (select, insert, execute,
  // transaction) reads `this.session`. The relational builders (`query`), one per table, are
  // built only if asked for: a request seldom does, and building them was 1.5% of its time.
  let relational: PostgresJsDatabase<never> | undefined;
  const view = Object.create(base, {
    session: { value: session },
    _: { value: { ...(base as unknown as { _: object })._, session } },
    query: { get: () => (relational ??= new PostgresJsDatabase(dialect, session, schema)).query },
    [BASE]: { value: base },
    [COUNTER]: { value: counter },
  }) as object;
  return view as unknown as TDb;
}

/** The pool a {@link countedDb} view is of (`db` itself if it is none). */
export function baseOf<TDb extends object>(db: TDb): TDb {
  return ((db as Counted)[BASE] as TDb | undefined) ?? db;
}

/** Counts one statement, run on the pool `db` is a view of, into the view's counter (nothing if `db` is no view). */
export function noteStatementOn(db: object): void {
  const counter = (db as Counted)[COUNTER];
  if (counter) counter.count += 1;
}

/** Runs `fn` with a counted view of `db`; every statement issued through that view is counted. */
export function countStatements<TDb extends object, T>(db: TDb, fn: (db: TDb) => T): { counter: StatementCounter; result: T } {
  const counter: StatementCounter = { count: 0 };
  return { counter, result: fn(countedDb(db, counter)) };
}
