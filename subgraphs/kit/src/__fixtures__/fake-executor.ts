import { fillPlaceholders, type Query } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';

/** One statement a {@link fakeExecutor} was given: its text and values, placeholders filled. */
export interface FakeStatement {
  text: string;
  params: unknown[];
}

/**
 * A database handle for unit tests that runs nothing: every statement prepared and run on it
 * (`_.session.prepareQuery(...).execute(values)`, as `prepared` and `preparedSql` do) goes to
 * `run`, whose promise the statement returns. `prepares` lists the statements prepared on it.
 * It has no `execute`: a statement sent unprepared fails the test.
 */
export function fakeExecutor(run: (statement: FakeStatement) => Promise<unknown>): { db: Executor<Record<string, unknown>>; prepares: string[] } {
  const prepares: string[] = [];
  const db = {
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
