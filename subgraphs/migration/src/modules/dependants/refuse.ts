import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { mutate, openDecision, reasonOf, requireOfficer, saved, type DependantDecisionInput, type DependantPayload } from './mutation.ts';

/** A migration officer refuses a PENDING dependant, with the reason. */
export async function refuseDependant(ctx: Context, app: App, input: DependantDecisionInput): Promise<DependantPayload> {
  const denied = requireOfficer(ctx, input);
  if (denied) return denied;
  return mutate(ctx, 'refuseDependant', input, async (tx) => {
    const reason = reasonOf(input, 'refusal');
    const dependant = await openDecision(tx, input, 'PENDING');
    return saved(tx, dependant, { state: 'REFUSED', decidedAt: app.clock.now().toISOString(), decidedBy: ctx.principal.sub, decidedUnit: ctx.principal.unit ?? null, decisionNote: reason });
  });
}
