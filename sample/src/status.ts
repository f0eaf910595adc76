import { addDays, lastDayOfTerm } from '@nomad/kit';
import { seededUuid, type Rnd } from './random.ts';
import type { SampleStatusEvent, SampleStatusPeriod } from './types.ts';

/** A period of one year from `day`. */
const plusYear = (day: string): string => lastDayOfTerm(day, 1);

/** Initial periods ending within this many days are already extended in the sample. */
const EXTENDED_WITHIN_DAYS = 10;

/**
 * A realistic status history from the approval day: the initial 60 days, then (for most) the
 * 1-year extension and renewals; some suspended, a few revoked, some left to expire. Period
 * ids count from `periodsBefore` (the periods of earlier chunks) plus those in `periods`.
 */
export function drawStatusHistory(
  nomadId: string,
  applicationId: string,
  approvedOn: string,
  today: string,
  rnd: Rnd,
  periods: SampleStatusPeriod[],
  events: SampleStatusEvent[],
  periodsBefore = 0,
): void {
  const actor = 'seed:migration_officer';
  const initialId = seededUuid(2_000_000 + periodsBefore + periods.length);
  const initial = { id: initialId, nomadId, kind: 'INITIAL_60_DAYS' as const, validFrom: approvedOn, validUntil: addDays(approvedOn, 59), applicationId, grantedBy: actor, grantedAt: `${approvedOn}T06:00:00Z` };
  periods.push(initial);
  events.push({ nomadId, kind: 'GRANTED', effectiveOn: approvedOn, actor, periodId: initialId, at: `${approvedOn}T06:00:00Z` });
  let last = initial as { id: string; validUntil: string };
  // Officers extend in the last days of the initial period (or after it ended, most holders);
  // periods ending later wait in the expiring-status queue, so that queue has work in it.
  if (rnd.next() < 0.8 && last.validUntil <= addDays(today, EXTENDED_WITHIN_DAYS)) {
    const from = addDays(last.validUntil, 1);
    const id = seededUuid(2_000_000 + periodsBefore + periods.length);
    periods.push({ id, nomadId, kind: 'EXTENSION_1_YEAR', validFrom: from, validUntil: plusYear(from), grantedBy: actor, grantedAt: `${addDays(from, -10)}T06:00:00Z` });
    events.push({ nomadId, kind: 'EXTENDED', effectiveOn: from, actor, periodId: id, at: `${addDays(from, -10)}T06:00:00Z` });
    last = { id, validUntil: plusYear(from) };
    while (last.validUntil <= addDays(today, 20) && rnd.next() < 0.85) {
      const next = addDays(last.validUntil, 1);
      const rid = seededUuid(2_000_000 + periodsBefore + periods.length);
      periods.push({ id: rid, nomadId, kind: 'RENEWAL', validFrom: next, validUntil: plusYear(next), grantedBy: actor, grantedAt: `${addDays(next, -10)}T06:00:00Z` });
      events.push({ nomadId, kind: 'RENEWED', effectiveOn: next, actor, periodId: rid, at: `${addDays(next, -10)}T06:00:00Z` });
      last = { id: rid, validUntil: plusYear(next) };
    }
  }
  if (last.validUntil < today) {
    events.push({ nomadId, kind: 'EXPIRED', effectiveOn: addDays(last.validUntil, 1), actor: 'system', periodId: last.id, at: `${addDays(last.validUntil, 1)}T00:05:00Z` });
    return;
  }
  const roll = rnd.next();
  const on = addDays(today, -rnd.int(1, 20));
  if (roll < 0.06 && on > approvedOn) {
    events.push({ nomadId, kind: 'SUSPENDED', effectiveOn: on, actor, reason: 'Monitoring found no activity reports for two periods.', at: `${on}T07:00:00Z` });
  } else if (roll < 0.1 && on > approvedOn) {
    events.push({ nomadId, kind: 'REVOKED', effectiveOn: on, actor, revocationGround: 'ACTIVITY_ENDED', exitDeadlineOn: addDays(on, 15), at: `${on}T07:00:00Z` });
  }
}
