import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addWorkingDays, bishkekDate, daysBetween, isValidDate } from './calendar.ts';

describe('working days', () => {
  const none = new Set<string>();

  it('skips weekends', () => {
    // Friday 27 Nov 2026 + 1 working day = Monday 30 Nov.
    expect(addWorkingDays('2026-11-27', 1, none)).toBe('2026-11-30');
    // Tuesday + 7 working days = Thursday of the next week.
    expect(addWorkingDays('2026-11-24', 7, none)).toBe('2026-12-03');
    // Submitted on a Saturday: the count starts on Monday.
    expect(addWorkingDays('2026-11-28', 1, none)).toBe('2026-11-30');
  });

  it('skips public holidays given as data', () => {
    // Nooruz (Sat 21 Mar 2026) falls on a weekend; Orozo Ait on Fri 20 Mar 2026.
    const holidays = new Set(['2026-03-20', '2026-03-21']);
    expect(addWorkingDays('2026-03-18', 2, holidays)).toBe('2026-03-23');
    // 31 Aug (Mon) is Independence Day: a Friday 28 Aug submission + 1 is Tue 1 Sep.
    expect(addWorkingDays('2026-08-28', 1, new Set(['2026-08-31']))).toBe('2026-09-01');
  });
});

describe('calendar helpers', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('adds months, clamping to the last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-24', 1)).toBe('2026-12-24');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('gives the Bishkek date (UTC+6)', () => {
    expect(bishkekDate(new Date('2026-11-24T17:59:00Z'))).toBe('2026-11-24');
    expect(bishkekDate(new Date('2026-11-24T18:00:00Z'))).toBe('2026-11-25');
  });

  it('counts whole days between dates', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
  });

  it('validates real calendar dates', () => {
    expect(isValidDate('2026-02-28')).toBe(true);
    expect(isValidDate('2026-02-30')).toBe(false);
    expect(isValidDate('26-02-01')).toBe(false);
  });
});
