import type { EventPayload, EventType } from '@nomad/kit';
import { bishkekDate } from '../../clock.ts';
import type { MigrationDb } from '../../db/index.ts';
import { getLiveDependantsOf, markEndedWithPrincipal } from './queries.ts';

/** Writes one migration event in the caller's transaction (the outbox publisher). */
export type Publisher = <T extends EventType>(tx: MigrationDb, type: T, aggregateId: string, payload: EventPayload<T>) => Promise<string>;

/**
 * Hooked into migration's `publish` (events.ts): when a principal's status ends (StatusRevoked,
 * StatusExpired), each approved dependant whose status had not ended yet gets the same end,
 * recorded once on the dependant and announced to GKNB (DependantStatusEnded) with the
 * principal's exit deadline, in the transaction of the principal's change. The dependant's
 * status itself is derived from the principal's (derive.ts), so suspension and reinstatement
 * carry over with nothing written; an end is written only so GKNB watches the departure.
 */
export async function carryOverToDependants<T extends EventType>(tx: MigrationDb, publish: Publisher, type: T, payload: EventPayload<T>): Promise<void> {
  let end: { principalId: string; cause: 'REVOKED' | 'EXPIRED'; endedOn: string; exitDeadline: string | null } | null = null;
  if (type === 'StatusRevoked') {
    const p = payload as EventPayload<'StatusRevoked'>;
    end = { principalId: p.nomadId, cause: 'REVOKED', endedOn: bishkekDate(new Date(p.revokedAt)), exitDeadline: p.exitDeadline };
  } else if (type === 'StatusExpired') {
    const p = payload as EventPayload<'StatusExpired'>;
    // GKNB applies its own expiry rule to the dependant, as to the principal.
    end = { principalId: p.nomadId, cause: 'EXPIRED', endedOn: p.expiredOn, exitDeadline: null };
  }
  if (!end) return;
  for (const dependant of await getLiveDependantsOf(tx, { principalId: end.principalId })) {
    if (!dependant.pin) continue;
    const marked = await markEndedWithPrincipal(tx, { id: dependant.id, cause: end.cause, endedOn: end.endedOn, exitDeadlineOn: end.exitDeadline });
    if (!marked) continue;
    await publish(tx, 'DependantStatusEnded', dependant.id, {
      dependantId: dependant.id,
      principalId: end.principalId,
      pin: dependant.pin,
      cause: end.cause,
      endedOn: end.endedOn,
      exitDeadline: end.exitDeadline,
    });
  }
}
