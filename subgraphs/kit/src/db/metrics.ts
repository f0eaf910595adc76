import { AsyncLocalStorage } from 'node:async_hooks';

/** Counts SQL statements of one GraphQL operation (or any unit of work run inside `countStatements`). */
export interface StatementCounter {
  count: number;
}

const current = new AsyncLocalStorage<StatementCounter>();

/** Runs `fn` with a fresh counter; every drizzle statement issued inside it (and its awaits) is counted. */
export function countStatements<T>(fn: () => T): { counter: StatementCounter; result: T } {
  const counter: StatementCounter = { count: 0 };
  const result = current.run(counter, fn);
  return { counter, result };
}

/** Called by the drizzle logger for every statement. */
export function noteStatement(): void {
  const counter = current.getStore();
  if (counter) counter.count += 1;
}
