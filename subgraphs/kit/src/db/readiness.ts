import { sql } from 'drizzle-orm';
import type { Executor } from './database.ts';

/**
 * How long `/ready` waits for the database. A load balancer or the gateway asks `/ready` to
 * decide where to send traffic: a late answer is as useless as a wrong one, and a server that
 * accepts connections but answers nothing (a partition, a frozen host) would otherwise hold the
 * probe until postgres.js gives up on the connection.
 */
export const READY_TIMEOUT_MS = 750;

/** Whether the database answers `select 1` within `timeoutMs`; never throws, never waits longer. */
export async function databaseReady<TSchema extends Record<string, unknown>>(
  db: Executor<TSchema>,
  timeoutMs = READY_TIMEOUT_MS,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, late]);
  } finally {
    clearTimeout(timer);
  }
}
