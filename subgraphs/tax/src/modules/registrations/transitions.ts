// The officer's transitions, and the one effect the campaign and an officer share: entering an
// IE in the register (again).
import type { TaxDb } from '../../db/index.ts';
import type { RegistrationRow, RegistrationState } from '../../db/schema.ts';
import { insertRegisterEntry, updateRegistrationIf } from './queries.ts';

export type RegistrationAction = 'reregister' | 'deregister' | 'changeRegime';

/** The officer's transitions as data: from which states each is allowed and where it leads. */
export const TRANSITIONS: Record<RegistrationAction, { from: readonly RegistrationState[]; to: RegistrationState | null }> = {
  reregister: { from: ['PENDING_REREGISTRATION'], to: 'REREGISTERED' },
  deregister: { from: ['DEREGISTRATION_PENDING'], to: 'DEREGISTERED' },
  changeRegime: { from: ['PENDING_REREGISTRATION', 'REREGISTERED', 'DEREGISTRATION_PENDING'], to: null },
};

/**
 * Re-registers one IE pending re-registration (its first registration when it has none):
 * guarded state change plus a register entry, in the caller's transaction. Null when the row
 * is no longer pending (or moved from `version`).
 */
export async function reregister(
  tx: TaxDb,
  row: RegistrationRow,
  params: { today: string; actor: string; campaignId?: string; version?: number },
): Promise<RegistrationRow | null> {
  const updated = await updateRegistrationIf(tx, {
    id: row.id,
    ...(params.version !== undefined ? { version: params.version } : {}),
    from: TRANSITIONS.reregister.from,
    set: {
      state: 'REREGISTERED',
      firstRegistration: false,
      registeredOn: row.registeredOn ?? params.today,
      lastReregisteredOn: params.today,
      pendingSince: null,
    },
  });
  if (!updated) return null;
  await insertRegisterEntry(tx, {
    registrationId: row.id,
    kind: row.registeredOn === null ? 'REGISTERED' : 'REREGISTERED',
    effectiveOn: params.today,
    actor: params.actor,
    campaignId: params.campaignId ?? null,
  });
  return updated;
}
