import { runIdempotent, userError, UserErrorsAbort, type UserError } from '@nomad/kit';
import type { Context } from './context.ts';
import type { LaborDb } from './db/index.ts';
import { idempotencyKeys } from './db/schema.ts';

/** Refuses a mutation from inside its transaction: everything it wrote rolls back. */
export const abort = (code: string, message: string, field: string | null = null) => new UserErrorsAbort([userError(code, message, field)]);

export type MutationOutcome<R> = { ok: true; result: R } | { ok: false; userErrors: UserError[] };

/**
 * Runs a mutation's checks and writes in one transaction, idempotent under `Idempotency-Key`.
 * A `UserErrorsAbort` thrown inside becomes `userErrors` and nothing is written. `fn` must
 * read through `tx` only: a pooled read (a loader) while holding the transaction's
 * connection can exhaust the pool under load.
 */
export async function runMutation<R>(ctx: Context, operation: string, input: unknown, fn: (tx: LaborDb) => Promise<R>): Promise<MutationOutcome<R>> {
  try {
    const { result } = await runIdempotent(
      ctx.db,
      { idempotencyKeys },
      { key: ctx.idempotencyKey, principalSub: ctx.principal.sub, operation, input },
      fn,
    );
    return { ok: true, result };
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { ok: false, userErrors: err.userErrors };
    throw err;
  }
}
