import { isIsoDate } from './graphql/shared.ts';

// The agencies' calendar: Bishkek time (UTC+6), calendar dates as YYYY-MM-DD strings, working days.

/** Time as the service sees it: injectable so that tests can move it. */
export interface Clock {
  now(): Date;
  /** Today's calendar date in Bishkek (UTC+6, no DST), as YYYY-MM-DD. */
  today(): string;
}

/** Kyrgyzstan keeps UTC+6 all year. */
const BISHKEK_OFFSET_MS = 6 * 60 * 60 * 1000;

export function bishkekDate(instant: Date): string {
  return new Date(instant.getTime() + BISHKEK_OFFSET_MS).toISOString().slice(0, 10);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => bishkekDate(new Date()),
};

/** A clock fixed at `iso` (tests, seeding). */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    today: () => bishkekDate(current),
    set(next: string) {
      current = new Date(next);
    },
  };
}

/** Calendar arithmetic on YYYY-MM-DD strings, in UTC to avoid DST surprises. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const target = d.getUTCMonth() + months;
  const originalDay = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(target);
  // Clamp: 31 January + 1 month is the last day of February.
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(originalDay, lastDay));
  return d.toISOString().slice(0, 10);
}

/** A real calendar date written YYYY-MM-DD (the `Date` scalar's rule). */
export const isValidDate = isIsoDate;

/**
 * The `n`th working day after `start` (exclusive): weekends and `holidays` do not count.
 * A submission on Friday with n = 1 is due on Monday (or the next working day).
 */
export function addWorkingDays(start: string, n: number, holidays: ReadonlySet<string>): string {
  let day = start;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(day)) left -= 1;
  }
  return day;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The public holidays an agency keeps: the days, and the years whose holidays were loaded. A
 * year absent from `years` is not a year without holidays (Kyrgyzstan has some every year):
 * its holidays are unknown, and a deadline that runs through it may be too early.
 */
export interface HolidayCalendar {
  days: ReadonlySet<string>;
  years: ReadonlySet<number>;
}

/** The operator alert's and readiness warning's code: a year's holidays are not loaded. */
export const HOLIDAYS_YEAR_MISSING = 'HOLIDAYS_YEAR_MISSING';

/** The years from `from`'s to `to`'s (inclusive, YYYY-MM-DD) whose holidays `calendar` lacks, ascending. */
export function missingHolidayYears(calendar: Pick<HolidayCalendar, 'years'>, from: string, to: string): number[] {
  const missing: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    if (!calendar.years.has(year)) missing.push(year);
  }
  return missing;
}
