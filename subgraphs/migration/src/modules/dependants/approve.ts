import { abort, BUSY, userError, UserErrorsAbort, type UserError } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { MigrationDb } from '../../db/index.ts';
import type { DependantRow } from '../../db/schema.ts';
import { publish } from '../../events.ts';
import { ZhaakError } from '../../zhaak.ts';
import { statusOf } from '../status/service.ts';
import type { DerivedStatus } from '../status/derive.ts';
import { DependantCode } from './checks.ts';
import { CHILD_AGE_LIMIT_YEARS, birthdayOn, isUnder } from './derive.ts';
import { mutate, openDecision, requireOfficer, saved, type DependantDecisionInput, type DependantPayload } from './mutation.ts';
import { getDependantsByIds } from './queries.ts';

/**
 * Asks ZHAAK for the dependant's PIN before the approval's transaction opens (a transaction
 * must not stay open across a call to another system), as the application's approval does
 * (review/service.ts, `obtainPin`). Only asked when the approval can succeed: anything else
 * (unknown, no longer PENDING, a rule broken) gets no PIN and no answer here, so that the
 * transaction gives the answer, or `runIdempotent` replays the first one for a retry under the
 * same key. A serial taken for an approval that then fails is simply never used.
 */
async function obtainDependantPin(
  ctx: Context,
  app: App,
  input: DependantDecisionInput,
  check: (db: MigrationDb, dependant: DependantRow) => Promise<unknown>,
): Promise<{ pin: string | null } | { userErrors: UserError[] }> {
  const [dependant] = await getDependantsByIds(ctx.db, { ids: [input.dependantId] });
  if (!dependant || dependant.state !== 'PENDING') return { pin: null };
  try {
    await check(ctx.db, dependant);
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { pin: null };
    throw err;
  }
  try {
    return { pin: await app.zhaak.assignPin({ nomadId: dependant.id, dateOfBirth: dependant.dateOfBirth, sex: dependant.sex }) };
  } catch (err) {
    if (!(err instanceof ZhaakError)) throw err;
    // The kind only: personal data is never logged, whatever a ZHAAK client puts in its message.
    ctx.logger.warn({ dependantId: input.dependantId, error: err.name }, 'ZHAAK did not assign a PIN');
    return { userErrors: [userError(DependantCode.ZHAAK_UNAVAILABLE, 'ZHAAK could not assign a PIN; the dependant stays pending. Try again later.', 'input.dependantId')] };
  }
}

/**
 * A migration officer approves a PENDING dependant once the principal's status is ACTIVE (with
 * the principal's application, right after its approval, or later on its own). A child must
 * still be under 18; a screened family member (a spouse, an adult) needs GKNB's screening
 * CLEARED (DEPENDANT_SCREENING_PENDING, DEPENDANT_SCREENING_FLAGGED); BUSY when the facts changed
 * between the check before the transaction (no PIN asked for) and the transaction. ZHAAK assigns the PIN (outside the transaction, as for a holder); the
 * dependant's status is the principal's current chain from today.
 */
export async function approveDependant(ctx: Context, app: App, input: DependantDecisionInput): Promise<DependantPayload> {
  const denied = requireOfficer(ctx, input);
  if (denied) return denied;
  const today = app.clock.today();
  const check = async (db: MigrationDb, dependant: DependantRow): Promise<DerivedStatus> => {
    const { status } = await statusOf(db, dependant.principalId, today);
    if (status?.state !== 'ACTIVE') {
      throw abort(DependantCode.PRINCIPAL_STATUS_NOT_ACTIVE, `A dependant is approved while the principal's status is ACTIVE; it is ${status?.state ?? 'not granted yet'}.`, 'input.dependantId');
    }
    if (dependant.relation === 'CHILD' && !isUnder(dependant.dateOfBirth, CHILD_AGE_LIMIT_YEARS, today)) {
      throw abort(DependantCode.CHILD_NOT_UNDER_18, `The child turned ${CHILD_AGE_LIMIT_YEARS} on ${birthdayOn(dependant.dateOfBirth, CHILD_AGE_LIMIT_YEARS)}: no longer a dependant.`, 'input.dependantId');
    }
    // A spouse or an adult waits for GKNB's screening (a child is not screened: no outcome to wait for).
    if (dependant.screeningOutcome === 'PENDING') {
      throw abort(DependantCode.DEPENDANT_SCREENING_PENDING, "GKNB has not concluded this family member's security screening yet.", 'input.dependantId');
    }
    if (dependant.screeningOutcome === 'FLAGGED') {
      throw abort(DependantCode.DEPENDANT_SCREENING_FLAGGED, 'The security screening flagged this family member: the dependant cannot be approved.', 'input.dependantId');
    }
    return status;
  };
  const obtained = await obtainDependantPin(ctx, app, input, check);
  if ('userErrors' in obtained) return { dependantId: null, userErrors: obtained.userErrors };
  return mutate(ctx, 'approveDependant', input, async (tx) => {
    const dependant = await openDecision(tx, input, 'PENDING');
    const status = await check(tx, dependant);
    // Null when the check before the transaction failed (no PIN asked for) and then the facts
    // moved (e.g. GKNB's outcome arrived) so that this check passes: ZHAAK did not fail, the
    // caller asks again and gets a PIN. Not retried here: a retry of the transaction has no PIN either.
    const pin = obtained.pin;
    if (!pin) throw abort(BUSY, "The dependant's facts changed while the approval was prepared; the dependant stays pending. Try again.", 'input.dependantId');
    const result = await saved(tx, dependant, {
      state: 'APPROVED',
      pin,
      grantedOn: today,
      principalChainStartedOn: status.chainStartedOn,
      decidedAt: app.clock.now().toISOString(),
      decidedBy: ctx.principal.sub,
      decidedUnit: ctx.principal.unit ?? null,
      decisionNote: input.reason?.trim() || null,
    });
    await publish(tx, 'DependantGranted', dependant.id, { dependantId: dependant.id, principalId: dependant.principalId, pin, relation: dependant.relation, grantedOn: today, validUntil: status.validUntil });
    ctx.logger.info({ dependantId: dependant.id }, 'dependant approved');
    return result;
  });
}
