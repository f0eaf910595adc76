import { addDays } from '../../clock.ts';
import type { StatusEventRow, StatusPeriodRow } from '../../db/schema.ts';

export type StatusState = 'ACTIVE' | 'SUSPENDED' | 'REVOKED' | 'EXPIRED';

/** A nomad's status on one day, derived from the periods and events: never stored. */
export interface DerivedStatus {
  state: StatusState;
  /** The day the status is considered on. */
  asOf: string;
  /** The period covering `asOf` (for ACTIVE/SUSPENDED), else the last one that ended before it. */
  period: StatusPeriodRow;
  /** Last day of the whole chain of granted periods (later extensions included). */
  validUntil: string;
  /** First day of the current chain (the last initial grant or pilot period). */
  chainStartedOn: string;
  revokedOn: string | null;
  exitDeadlineOn: string | null;
}

type Period = StatusPeriodRow;
type Event = StatusEventRow;

function byFrom(a: Period, b: Period): number {
  return a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0;
}

function byEffective(a: Event, b: Event): number {
  if (a.effectiveOn !== b.effectiveOn) return a.effectiveOn < b.effectiveOn ? -1 : 1;
  // Same day: the order they were recorded in.
  return a.seq - b.seq;
}

/** Periods of the chain that `day` belongs to: since the last fresh start at or before it. */
function chainAt(periods: Period[], day: string): Period[] {
  const started = periods.filter((p) => p.validFrom <= day);
  let start = 0;
  started.forEach((p, i) => {
    if (p.kind === 'INITIAL_60_DAYS' || p.kind === 'PILOT_2022_2024') start = i;
  });
  const first = started[start];
  if (!first) return [];
  // Later periods that continue the chain (extensions and renewals granted in advance).
  return periods.filter((p) => p.validFrom >= first.validFrom && (p === first || (p.kind !== 'INITIAL_60_DAYS' && p.kind !== 'PILOT_2022_2024')));
}

/**
 * The status on `day`, or null before the first grant.
 * - REVOKED once a revocation of the current chain is effective (the exit deadline applies);
 * - else SUSPENDED while the latest suspension/reinstatement in force is a suspension;
 * - else ACTIVE while a period covers the day;
 * - else EXPIRED after the chain's last day.
 */
export function deriveStatus(periodsIn: readonly StatusPeriodRow[], eventsIn: readonly StatusEventRow[], day: string): DerivedStatus | null {
  const periods = [...periodsIn].sort(byFrom);
  const chain = chainAt(periods, day);
  const first = chain[0];
  const last = chain[chain.length - 1];
  if (!first || !last) return null;
  const events = eventsIn.filter((e) => e.effectiveOn >= first.validFrom && e.effectiveOn <= day).sort(byEffective);
  const covering = chain.find((p) => p.validFrom <= day && day <= p.validUntil);
  const ended = [...chain].reverse().find((p) => p.validUntil < day);
  const period = covering ?? ended ?? first;
  const base = { asOf: day, period, validUntil: last.validUntil, chainStartedOn: first.validFrom, revokedOn: null, exitDeadlineOn: null };
  const revocation = events.find((e) => e.kind === 'REVOKED');
  if (revocation) {
    return { ...base, state: 'REVOKED', revokedOn: revocation.effectiveOn, exitDeadlineOn: revocation.exitDeadlineOn };
  }
  if (!covering) return { ...base, state: 'EXPIRED' };
  const switches = events.filter((e) => e.kind === 'SUSPENDED' || e.kind === 'REINSTATED');
  const latest = switches[switches.length - 1];
  return { ...base, state: latest?.kind === 'SUSPENDED' ? 'SUSPENDED' : 'ACTIVE' };
}

/** The day after the chain ends: when an extension or renewal starts. */
export function nextPeriodStart(status: DerivedStatus): string {
  return addDays(status.validUntil, 1);
}
