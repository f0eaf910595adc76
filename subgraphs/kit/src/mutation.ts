import type { Executor } from './db/database.ts';
import { userError, UserErrorsAbort, type UserError } from './errors.ts';
import { runIdempotent, type IdempotencyTables } from './idempotency.ts';

/** Refuses a mutation from inside its transaction: everything it wrote rolls back. */
export function abort(code: string, message: string, field: string | null = null): UserErrorsAbort {
  return new UserErrorsAbort([userError(code, message, field)]);
}

export type MutationOutcome<R> = { ok: true; result: R } | { ok: false; userErrors: UserError[] };

/** What `runMutation` needs of a request context (the kit's subgraph server builds it). */
export interface MutationContext<TDb> {
  db: TDb;
  principal: { sub: string };
  idempotencyKey: string | null;
  /** The agency's table of remembered answers; set by the kit for every agency defined with `defineAgency`. */
  idempotency?: IdempotencyTables;
}

/**
 * The mutation envelope: runs a mutation's checks and writes in one transaction, idempotent
 * under `Idempotency-Key`. A `UserErrorsAbort` thrown inside (see `abort`) becomes
 * `userErrors` and nothing is written; anything else propagates. `fn` must read through `tx`
 * only: a pooled read (a loader) while holding the transaction's connection can exhaust the
 * pool under load.
 */
export async function runMutation<R, TDb extends Executor<Record<string, unknown>> = Executor<Record<string, unknown>>>(
  ctx: MutationContext<TDb>,
  operation: string,
  input: unknown,
  fn: (tx: TDb) => Promise<R>,
): Promise<MutationOutcome<R>> {
  if (!ctx.idempotency) throw new Error(`runMutation(${operation}): this subgraph was started without its idempotency table`);
  try {
    const { result } = await runIdempotent(
      ctx.db,
      ctx.idempotency,
      { key: ctx.idempotencyKey, principalSub: ctx.principal.sub, operation, input },
      fn,
    );
    return { ok: true, result };
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { ok: false, userErrors: err.userErrors };
    throw err;
  }
}
