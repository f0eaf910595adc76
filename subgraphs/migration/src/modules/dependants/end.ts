import { abort } from '@nomad/kit';
import type { App } from '../../app.ts';
import { addDays } from '../../clock.ts';
import type { Context } from '../../context.ts';
import { publish } from '../../events.ts';
import { loadRules } from '../rules/service.ts';
import { statusOf } from '../status/service.ts';
import { DependantCode } from './checks.ts';
import { deriveDependantStatus } from './derive.ts';
import { mutate, openDecision, reasonOf, requireOfficer, saved, type DependantDecisionInput, type DependantPayload } from './mutation.ts';

/**
 * A migration officer ends an approved dependant's status on its own (the usual case: a child
 * come of age, flagged in `dependantsComingOfAge`): from today, with the exit deadline of a
 * revocation (`exit_days_after_revocation`); GKNB watches the departure (DependantStatusEnded).
 */
export async function endDependantStatus(ctx: Context, app: App, input: DependantDecisionInput): Promise<DependantPayload> {
  const denied = requireOfficer(ctx, input);
  if (denied) return denied;
  return mutate(ctx, 'endDependantStatus', input, async (tx) => {
    const reason = reasonOf(input, 'end of the status');
    const dependant = await openDecision(tx, input, 'APPROVED');
    const today = app.clock.today();
    const { periods, events } = await statusOf(tx, dependant.principalId, today);
    const status = deriveDependantStatus(dependant, periods, events, today);
    if (status?.state !== 'ACTIVE' && status?.state !== 'SUSPENDED') {
      throw abort(DependantCode.INVALID_TRANSITION, `The dependant's status is ${status?.state ?? 'not in force'}: nothing to end.`, 'input.dependantId');
    }
    const rules = await loadRules(tx);
    const exitDeadline = addDays(today, rules.exit_days_after_revocation);
    const result = await saved(tx, dependant, { endedOn: today, endCause: 'ENDED', endReason: reason, endExitDeadlineOn: exitDeadline });
    if (!dependant.pin) throw new Error(`approved dependant ${dependant.id} has no PIN`);
    await publish(tx, 'DependantStatusEnded', dependant.id, { dependantId: dependant.id, principalId: dependant.principalId, pin: dependant.pin, cause: 'ENDED', endedOn: today, exitDeadline });
    return result;
  });
}
