import { describe, expect, it } from 'vitest';
import type { StatusEventRow, StatusPeriodRow } from '../../db/schema.ts';
import { deriveStatus, nextPeriodStart } from './derive.ts';

// The status on a day, derived from periods and events alone: each rule of deriveStatus with
// hand-written rows and the exact answer.

let ids = 0;
function period(kind: StatusPeriodRow['kind'], validFrom: string, validUntil: string): StatusPeriodRow {
  ids += 1;
  return { id: `p${ids}`, nomadId: 'n', kind, validFrom, validUntil, applicationId: null, grantedAt: '', grantedBy: 'officer', source: 'PORTAL' };
}
function event(kind: StatusEventRow['kind'], effectiveOn: string, seq: number, exitDeadlineOn: string | null = null): StatusEventRow {
  return { id: `e${seq}`, seq, nomadId: 'n', kind, effectiveOn, at: '', actor: 'officer', periodId: null, revocationGround: null, reason: null, exitDeadlineOn };
}

const initial = period('INITIAL_60_DAYS', '2026-01-01', '2026-03-01');
const extension = period('EXTENSION_1_YEAR', '2026-03-02', '2027-03-01');

describe('deriveStatus', () => {
  it('is null before the first grant', () => {
    expect(deriveStatus([initial], [], '2025-12-31')).toBeNull();
    expect(deriveStatus([], [], '2026-01-01')).toBeNull();
  });

  it('is ACTIVE on the first and the last day of a period, with the chain it belongs to', () => {
    expect(deriveStatus([extension, initial], [], '2026-01-01')).toEqual({
      state: 'ACTIVE',
      asOf: '2026-01-01',
      period: initial,
      validUntil: '2027-03-01',
      chainStartedOn: '2026-01-01',
      revokedOn: null,
      exitDeadlineOn: null,
    });
    expect(deriveStatus([initial, extension], [], '2026-03-01')).toMatchObject({ state: 'ACTIVE', period: initial });
    expect(deriveStatus([initial, extension], [], '2026-03-02')).toMatchObject({ state: 'ACTIVE', period: extension });
    expect(deriveStatus([initial, extension], [], '2027-03-01')).toMatchObject({ state: 'ACTIVE', period: extension });
  });

  it('is EXPIRED the day after the chain ends, showing the last period that ended', () => {
    expect(deriveStatus([initial, extension], [], '2027-03-02')).toEqual({
      state: 'EXPIRED',
      asOf: '2027-03-02',
      period: extension,
      validUntil: '2027-03-01',
      chainStartedOn: '2026-01-01',
      revokedOn: null,
      exitDeadlineOn: null,
    });
  });

  it('is EXPIRED in a gap between two periods of the chain, showing the one that ended', () => {
    const later = period('RENEWAL', '2026-06-01', '2027-05-31');
    expect(deriveStatus([initial, later], [], '2026-04-01')).toMatchObject({ state: 'EXPIRED', period: initial, validUntil: '2027-05-31' });
  });

  it('starts a new chain at a later initial grant: older periods and events no longer count', () => {
    const second = period('INITIAL_60_DAYS', '2028-01-01', '2028-03-01');
    const revoked = event('REVOKED', '2026-02-01', 1, '2026-02-16');
    expect(deriveStatus([initial, extension, second], [revoked], '2028-01-10')).toMatchObject({
      state: 'ACTIVE',
      period: second,
      validUntil: '2028-03-01',
      chainStartedOn: '2028-01-01',
    });
    // A pilot period also starts a chain.
    const pilot = period('PILOT_2022_2024', '2029-01-01', '2029-12-31');
    expect(deriveStatus([initial, pilot], [], '2029-06-01')).toMatchObject({ chainStartedOn: '2029-01-01', validUntil: '2029-12-31' });
  });

  it('keeps extensions granted in advance in the chain, but not an initial grant that has not started', () => {
    const advance = period('INITIAL_60_DAYS', '2027-06-01', '2027-07-30');
    expect(deriveStatus([initial, extension, advance], [], '2026-02-01')).toMatchObject({ state: 'ACTIVE', validUntil: '2027-03-01', chainStartedOn: '2026-01-01' });
  });

  it('is SUSPENDED from the suspension on, ACTIVE again from the reinstatement', () => {
    const events = [event('SUSPENDED', '2026-01-10', 1), event('REINSTATED', '2026-01-20', 2)];
    expect(deriveStatus([initial], events, '2026-01-09')?.state).toBe('ACTIVE');
    expect(deriveStatus([initial], events, '2026-01-10')?.state).toBe('SUSPENDED');
    expect(deriveStatus([initial], events, '2026-01-19')?.state).toBe('SUSPENDED');
    expect(deriveStatus([initial], events, '2026-01-20')?.state).toBe('ACTIVE');
  });

  it('counts a suspension or revocation made on the first day of the chain', () => {
    expect(deriveStatus([initial], [event('SUSPENDED', '2026-01-01', 1)], '2026-01-01')?.state).toBe('SUSPENDED');
    expect(deriveStatus([initial], [event('REVOKED', '2026-01-01', 1, '2026-01-16')], '2026-01-02')).toMatchObject({ state: 'REVOKED', revokedOn: '2026-01-01' });
  });

  it('orders the changes of one day as they were recorded, whatever order they come in', () => {
    const suspendThenReinstate = [event('REINSTATED', '2026-01-10', 8), event('SUSPENDED', '2026-01-10', 7)];
    expect(deriveStatus([initial], suspendThenReinstate, '2026-01-10')?.state).toBe('ACTIVE');
    const reinstateThenSuspend = [event('REINSTATED', '2026-01-10', 7), event('SUSPENDED', '2026-01-10', 8)];
    expect(deriveStatus([initial], reinstateThenSuspend, '2026-01-10')?.state).toBe('SUSPENDED');
    // Across days the day decides, not the recording order.
    const acrossDays = [event('REINSTATED', '2026-01-12', 1), event('SUSPENDED', '2026-01-11', 2)];
    expect(deriveStatus([initial], acrossDays, '2026-01-12')?.state).toBe('ACTIVE');
    const acrossDaysReversed = [event('SUSPENDED', '2026-01-12', 1), event('REINSTATED', '2026-01-11', 2)];
    expect(deriveStatus([initial], acrossDaysReversed, '2026-01-12')?.state).toBe('SUSPENDED');
  });

  it('is REVOKED from the revocation on, with its exit deadline, even after the chain ends', () => {
    const events = [event('SUSPENDED', '2026-01-05', 1), event('REVOKED', '2026-01-10', 2, '2026-01-25')];
    expect(deriveStatus([initial], events, '2026-01-09')?.state).toBe('SUSPENDED');
    expect(deriveStatus([initial], events, '2026-01-10')).toEqual({
      state: 'REVOKED',
      asOf: '2026-01-10',
      period: initial,
      validUntil: '2026-03-01',
      chainStartedOn: '2026-01-01',
      revokedOn: '2026-01-10',
      exitDeadlineOn: '2026-01-25',
    });
    expect(deriveStatus([initial], events, '2026-05-01')).toMatchObject({ state: 'REVOKED', revokedOn: '2026-01-10' });
  });

  it('ignores an event of another kind between the switches', () => {
    const events = [event('SUSPENDED', '2026-01-10', 1), event('EXTENDED', '2026-01-11', 2)];
    expect(deriveStatus([initial], events, '2026-01-12')?.state).toBe('SUSPENDED');
  });
});

describe('nextPeriodStart', () => {
  it('is the day after the chain ends', () => {
    const status = deriveStatus([initial, extension], [], '2026-06-01');
    if (!status) throw new Error('no status');
    expect(nextPeriodStart(status)).toBe('2027-03-02');
  });
});
