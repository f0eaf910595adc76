import { sql, type SQL } from 'drizzle-orm';
import { PgDialect, type AnyPgColumn, type PgSession } from 'drizzle-orm/pg-core';
import { baseOf, noteStatementOn } from './metrics.ts';
import { getOrCreate } from '../memo.ts';

/** What drizzle's `.prepare(name)` returns, as far as {@link prepared} needs it. */
interface PreparedStatement<TResult> {
  execute(values: Record<string, unknown>): Promise<TResult>;
}

/**
 * A query built once per database handle (the pool, a transaction) and then run with new
 * values, instead of rebuilt on every call. Drizzle turns a query into SQL text each time it
 * runs (an eighth of the whole graph's CPU on an officer's case view, profiled in one process)
 * and runs it unprepared, so that PostgreSQL parses it again each time; a prepared one is
 * built once, and postgres.js keeps it as a named statement on each connection (one with
 * values; a statement without any goes as a simple query), which PostgreSQL parses once and
 * whose plan it may reuse. For the hot look-ups (every request's loaders), with
 * `sql.placeholder(...)` for the values: the text must not depend on them, so a list of keys is
 * one array placeholder ({@link anyOf}), not one parameter per key.
 *
 * A pooler in transaction mode that cannot keep named statements (PgBouncer before 1.21) must
 * not stand between the services and PostgreSQL.
 */
export function prepared<TDb extends object, TResult>(build: (db: TDb) => PreparedStatement<TResult>): (db: TDb, values: Record<string, unknown>) => Promise<TResult> {
  const statements = new WeakMap<TDb, PreparedStatement<TResult>>();
  return (db, values) => {
    // A request's counted view shares its pool's statement, and counts the run itself.
    const pool = baseOf(db);
    const statement = getOrCreate(statements, pool, () => build(pool));
    noteStatementOn(db);
    return statement.execute(values);
  };
}

const dialect = new PgDialect();

/** A database, a counted view of one or a transaction: what Drizzle prepares a query on. */
interface SessionHolder {
  _: { session: Pick<PgSession, 'prepareQuery'> };
}

/**
 * Raw SQL (`sql` with `sql.placeholder(...)` for its values) as a statement prepared like
 * {@link prepared}'s. Drizzle's `execute` sends raw SQL unnamed, and postgres.js describes an
 * unnamed statement with values before it binds them: two round trips to PostgreSQL, which
 * parses and plans it again each time. Prepared, it is one round trip once a connection knows
 * it. For a statement whose text never changes and that runs on every request (the access
 * log's records). Runs on the handle given (a transaction runs it in the transaction).
 */
export function preparedSql(name: string, query: SQL): (db: SessionHolder, values: Record<string, unknown>) => Promise<unknown> {
  const compiled = dialect.sqlToQuery(query);
  // A name makes Drizzle ask postgres.js for a named statement; postgres.js names it per connection.
  return prepared((db: SessionHolder) => db._.session.prepareQuery(compiled, undefined, name, false));
}

/** `column = any($placeholder)`: the column is one of an array of keys, the same text for any number of keys. */
export function anyOf(column: AnyPgColumn, placeholder: string): SQL {
  return sql`${column} = any(${sql.placeholder(placeholder)})`;
}
