// The frame every dependant mutation runs in: one idempotent transaction, and for an officer's
// decision the role check, the locked row in the state the decision expects, and the versioned save.
import { abort, concurrentChange, hasRole, isUuid, runIdempotent, userError, UserErrorsAbort, type UserError } from '@nomad/kit';
import type { Context } from '../../context.ts';
import type { MigrationDb } from '../../db/index.ts';
import { idempotencyKeys, type DependantRow } from '../../db/schema.ts';
import { DependantCode } from './checks.ts';
import { lockDependant, updateDependantIf } from './queries.ts';

export interface DependantPayload {
  dependantId: string | null;
  userErrors: UserError[];
}

/** Runs a dependant mutation in one idempotent transaction; a refusal writes nothing. */
export async function mutate(ctx: Context, operation: string, input: object, fn: (tx: MigrationDb) => Promise<DependantPayload>): Promise<DependantPayload> {
  try {
    const { result } = await runIdempotent(ctx.db, { idempotencyKeys }, { key: ctx.idempotencyKey, principalSub: ctx.principal.sub, operation, input }, fn);
    if (result.dependantId) ctx.loaders.dependantById.clear(result.dependantId);
    return result;
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { dependantId: null, userErrors: err.userErrors };
    throw err;
  }
}

export interface DependantDecisionInput {
  dependantId: string;
  reason?: string | null;
}

/** Only a migration officer decides; an id that is no UUID names no dependant (no query needed to say so). */
export function requireOfficer(ctx: Context, input: DependantDecisionInput): DependantPayload | null {
  if (!hasRole(ctx.principal, 'migration_officer')) return { dependantId: null, userErrors: [userError('FORBIDDEN', 'Only a migration officer decides on dependants.')] };
  if (!isUuid(input.dependantId)) return { dependantId: null, userErrors: [userError(DependantCode.DEPENDANT_NOT_FOUND, 'No such dependant.', 'input.dependantId')] };
  return null;
}

/** Locks the dependant for the decision and refuses one not in the state the decision starts from. */
export async function openDecision(tx: MigrationDb, input: DependantDecisionInput, state: DependantRow['state']): Promise<DependantRow> {
  const dependant = await lockDependant(tx, { id: input.dependantId });
  if (!dependant) throw abort(DependantCode.DEPENDANT_NOT_FOUND, 'No such dependant.', 'input.dependantId');
  if (dependant.state !== state) throw abort(DependantCode.INVALID_TRANSITION, `The dependant is ${dependant.state}, not ${state}.`, 'input.dependantId');
  return dependant;
}

/** Saves the decision if no one else changed the dependant since it was read (its version). */
export async function saved(tx: MigrationDb, dependant: DependantRow, set: Parameters<typeof updateDependantIf>[1]['set']): Promise<DependantPayload> {
  const updated = await updateDependantIf(tx, { id: dependant.id, version: dependant.version, set });
  if (!updated) throw concurrentChange('Another officer decided on the dependant at the same time; reload.', 'input.dependantId');
  return { dependantId: updated.id, userErrors: [] };
}

/** The officer's reason, required for a refusal or an end of the status. */
export function reasonOf(input: DependantDecisionInput, what: string): string {
  const reason = input.reason?.trim();
  if (!reason) throw abort(DependantCode.REASON_REQUIRED, `Give the reason for the ${what}.`, 'input.reason');
  return reason;
}
