import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { char, jsonb, primaryKey, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';
import type { Executor } from './db/database.ts';
import { ConcurrentChange, isPgError, PG_DEADLOCK_DETECTED, PG_SERIALIZATION_FAILURE, userError, UserErrorsAbort } from './errors.ts';

/**
 * Remembered answers of mutations sent with an `Idempotency-Key`, per caller: a retry with
 * the same key and the same input gets the first answer and changes nothing.
 */
export function idempotencyTables(schema: PgSchema) {
  const idempotencyKeys = schema.table(
    'idempotency_keys',
    {
      principalSub: text('principal_sub').notNull(),
      key: text('key').notNull(),
      operation: text('operation').notNull(),
      requestHash: char('request_hash', { length: 64 }).notNull(),
      response: jsonb('response'),
      createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ name: 'idempotency_keys_pkey', columns: [t.principalSub, t.key] })],
  );
  return { idempotencyKeys };
}

export type IdempotencyTables = ReturnType<typeof idempotencyTables>;

export const IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED';

export interface IdempotentCall {
  /** The client's `Idempotency-Key`; without one the call simply runs in a transaction. */
  key: string | null;
  principalSub: string;
  /** The mutation, e.g. `approveApplication`: a key is bound to one operation. */
  operation: string;
  /** The mutation's input: a key reused with other input is refused. */
  input: unknown;
}

function hashOf(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(JSON.stringify(input ?? null)).digest('hex');
}

/**
 * Runs `fn` in a transaction that also records the key and the answer, so that the effect
 * and the memory of it commit together. A second call with the same key waits for the first
 * to commit (the primary key serialises them) and returns its answer without running `fn`.
 * `fn`'s result must survive JSON (rows of strings and numbers do).
 * A key reused for another operation or input throws `UserErrorsAbort(IDEMPOTENCY_KEY_REUSED)`.
 *
 * A transaction that lost a race to another writer (`ConcurrentChange`, a serialization
 * failure, a deadlock) is run again from the start, `fn` included, on a fresh read, up to
 * `retry.attempts` times: `fn` must have no effect outside `tx`.
 */
export async function runIdempotent<TDb extends Executor<Record<string, unknown>>, R>(
  db: TDb,
  tables: IdempotencyTables,
  call: IdempotentCall,
  fn: (tx: TDb) => Promise<R>,
  retry: RetryPolicy = DEFAULT_RETRY,
): Promise<{ result: R; replayed: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptIdempotent(db, tables, call, fn);
    } catch (err) {
      if (attempt >= retry.attempts || !isRaceLost(err)) throw err;
      await sleep(Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}

/**
 * How often a mutation that lost a race to another writer is run again (see
 * `ConcurrentChange`), and how long it waits in between: a random time up to base, 2×base, …
 * (up to max), so that writers who collided do not collide again in step.
 */
export interface RetryPolicy {
  /** Runs in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 10, baseDelayMs: 5, maxDelayMs: 100 };

/**
 * A transaction that lost a race and may simply run again on a fresh read: a guarded write
 * that found its row moved, or PostgreSQL's own verdict on two writers (serialization
 * failure, deadlock). Everything it wrote, the idempotency key's claim included, rolled back.
 */
export function isRaceLost(err: unknown): boolean {
  return err instanceof ConcurrentChange || isPgError(err, PG_SERIALIZATION_FAILURE) || isPgError(err, PG_DEADLOCK_DETECTED);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function attemptIdempotent<TDb extends Executor<Record<string, unknown>>, R>(
  db: TDb,
  tables: IdempotencyTables,
  call: IdempotentCall,
  fn: (tx: TDb) => Promise<R>,
): Promise<{ result: R; replayed: boolean }> {
  if (!call.key) return { result: await db.transaction((tx) => fn(tx as unknown as TDb)), replayed: false };
  const { idempotencyKeys: t } = tables;
  const requestHash = hashOf(call.operation, call.input);
  const key = call.key;
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(t)
      .values({ principalSub: call.principalSub, key, operation: call.operation, requestHash })
      .onConflictDoNothing()
      .returning({ key: t.key });
    if (claimed.length === 0) {
      const [previous] = await tx
        .select()
        .from(t)
        .where(and(eq(t.principalSub, call.principalSub), eq(t.key, key)));
      if (!previous || previous.operation !== call.operation || previous.requestHash !== requestHash) {
        throw new UserErrorsAbort([
          userError(IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was already used for a different request.'),
        ]);
      }
      return { result: previous.response as R, replayed: true };
    }
    const result = await fn(tx as unknown as TDb);
    await tx
      .update(t)
      .set({ response: result })
      .where(and(eq(t.principalSub, call.principalSub), eq(t.key, key)));
    return { result, replayed: false };
  });
}
