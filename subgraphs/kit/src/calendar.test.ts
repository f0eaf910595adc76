import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addWorkingDays, bishkekDate, daysBetween, fixedClock, isValidDate, missingHolidayYears, systemClock } from './calendar.ts';

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

describe('clocks', () => {
  it('a fixed clock tells its instant and its Bishkek date until it is set', () => {
    const clock = fixedClock('2026-11-24T17:59:00Z');
    expect(clock.now().toISOString()).toBe('2026-11-24T17:59:00.000Z');
    expect(clock.today()).toBe('2026-11-24');
    clock.set('2026-11-24T18:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-11-24T18:00:00.000Z');
    expect(clock.today()).toBe('2026-11-25');
  });

  it("a fixed clock hands out copies: a caller moving its Date does not move the clock", () => {
    const clock = fixedClock('2026-11-24T06:00:00Z');
    clock.now().setUTCFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-11-24T06:00:00.000Z');
  });

  it('the system clock tells the current instant and its Bishkek date', () => {
    const before = new Date();
    const now = systemClock.now();
    const today = systemClock.today();
    const after = new Date();
    expect(now).toBeInstanceOf(Date);
    expect(now.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(now.getTime()).toBeLessThanOrEqual(after.getTime());
    expect([bishkekDate(before), bishkekDate(after)]).toContain(today);
  });
});

describe('missingHolidayYears', () => {
  const calendar = { years: new Set([2026, 2027]) };
  it('names each year of the range whose holidays are not loaded', () => {
    expect(missingHolidayYears(calendar, '2026-12-28', '2027-01-08')).toEqual([]);
    expect(missingHolidayYears(calendar, '2027-12-28', '2028-01-08')).toEqual([2028]);
    expect(missingHolidayYears(calendar, '2025-12-28', '2029-01-08')).toEqual([2025, 2028, 2029]);
  });
  it('checks the first and the last year themselves', () => {
    expect(missingHolidayYears(calendar, '2028-03-01', '2028-03-10')).toEqual([2028]);
    expect(missingHolidayYears(calendar, '2027-03-01', '2027-03-10')).toEqual([]);
  });
});
