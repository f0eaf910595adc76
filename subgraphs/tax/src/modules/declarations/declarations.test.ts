import { describe, expect, it } from 'vitest';
import { periodDates, taxDue } from './service.ts';

describe('declarations', () => {
  it('computes the tax due from the rate in basis points, rounded half up', () => {
    expect(taxDue(600_000, 400)).toBe(24_000);
    expect(taxDue(12_345, 400)).toBe(494); // 493.8
    expect(taxDue(12_5, 400)).toBe(5);
    expect(taxDue(0, 1000)).toBe(0);
    // Exact beyond 2^53 / rate: computed in BigInt.
    expect(taxDue(9_000_000_000_000_000, 1000)).toBe(900_000_000_000_000);
  });

  it('knows the quarters and their due dates', () => {
    expect(periodDates('2026-Q3')).toEqual({ startsOn: '2026-07-01', endsOn: '2026-09-30', dueOn: '2026-10-25' });
    expect(periodDates('2026-Q4')).toEqual({ startsOn: '2026-10-01', endsOn: '2026-12-31', dueOn: '2027-01-25' });
    expect(periodDates('2026-Q5')).toBeNull();
    expect(periodDates('2026-3')).toBeNull();
  });
});
