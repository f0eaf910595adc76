import { addDays } from '../../clock.ts';
import type { DependantRow, StatusEventRow, StatusPeriodRow } from '../../db/schema.ts';
import { deriveStatus, type DerivedStatus } from '../status/derive.ts';

/** [C] The pilot let children under 18 receive the status (DOMAIN, "family"). */
export const CHILD_AGE_LIMIT_YEARS = 18;

/** The day a person born on `dateOfBirth` turns `years` (29 February: 1 March in a common year). */
export function birthdayOn(dateOfBirth: string, years: number): string {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  // Date.UTC rolls 29 February over to 1 March in a common year, as the birthday is counted.
  return target.toISOString().slice(0, 10);
}

/** Whether a person born on `dateOfBirth` is under `years` on `day`. */
export function isUnder(dateOfBirth: string, years: number, day: string): boolean {
  return day < birthdayOn(dateOfBirth, years);
}

const startsChain = (p: StatusPeriodRow) => p.kind === 'INITIAL_60_DAYS' || p.kind === 'PILOT_2022_2024';

/**
 * A dependant's status on `day`: the principal's status of the chain of periods the dependant
 * was granted under, so it never outlasts it (suspension, revocation with its exit deadline and
 * expiry carry over; extensions and renewals of that chain carry over too). A later grant to
 * the principal (a new application after an expiry or revocation) is not the dependant's.
 * An officer's end of the dependant's own status (`ENDED`) reads as a revocation from that day,
 * with the exit deadline set then. Null before approval, or before the day of approval.
 */
export function deriveDependantStatus(
  dependant: Pick<DependantRow, 'state' | 'grantedOn' | 'principalChainStartedOn' | 'endCause' | 'endedOn' | 'endExitDeadlineOn'>,
  periods: readonly StatusPeriodRow[],
  events: readonly StatusEventRow[],
  day: string,
): DerivedStatus | null {
  const { grantedOn, principalChainStartedOn: chainStart } = dependant;
  if (dependant.state !== 'APPROVED' || !grantedOn || !chainStart || day < grantedOn) return null;
  const nextChain = periods
    .filter((p) => startsChain(p) && p.validFrom > chainStart)
    .map((p) => p.validFrom)
    .sort()[0];
  const own = nextChain ? periods.filter((p) => p.validFrom < nextChain) : periods;
  const ownEvents = nextChain ? events.filter((e) => e.effectiveOn < nextChain) : events;
  // Looked at no later than the day before the next chain: the later grant never revives it.
  const status = deriveStatus(own, ownEvents, nextChain && day >= nextChain ? addDays(nextChain, -1) : day);
  if (!status) return null;
  // The chain ran up to the day before the new grant at the latest: ended for the dependant.
  const ended = nextChain && day >= nextChain && (status.state === 'ACTIVE' || status.state === 'SUSPENDED');
  const asOf = { ...status, asOf: day, ...(ended ? { state: 'EXPIRED' as const } : {}) };
  if (dependant.endCause === 'ENDED' && dependant.endedOn && day >= dependant.endedOn && (status.revokedOn === null || status.revokedOn > dependant.endedOn)) {
    return { ...asOf, state: 'REVOKED', revokedOn: dependant.endedOn, exitDeadlineOn: dependant.endExitDeadlineOn };
  }
  return asOf;
}
