import { fillPlaceholders, type Query, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/database.ts';

/** One statement a {@link fakeExecutor} was given: its text and values, placeholders filled. */
export interface FakeStatement {
  text: string;
  params: unknown[];
}

/**
 * A database handle for unit tests that runs nothing: every statement, whether executed
 * (`execute(sql)`) or prepared and run (`_.session.prepareQuery(...).execute(values)`), goes to
 * `run`, whose promise the statement returns. `prepares` lists the statements prepared on it.
 */
export function fakeExecutor(run: (statement: FakeStatement) => Promise<unknown>): { db: Executor<Record<string, unknown>>; prepares: string[] } {
  const dialect = new PgDialect();
  const prepares: string[] = [];
  const db = {
    execute: (query: SQL) => {
      const { sql: text, params } = dialect.sqlToQuery(query);
      return run({ text, params });
    },
    _: {
      session: {
        prepareQuery: (query: Query) => {
          prepares.push(query.sql);
          return { execute: (values: Record<string, unknown> = {}) => run({ text: query.sql, params: fillPlaceholders(query.params, values) }) };
        },
      },
    },
  };
  return { db: db as unknown as Executor<Record<string, unknown>>, prepares };
}
