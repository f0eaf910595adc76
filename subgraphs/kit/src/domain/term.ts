import { addDays } from '../calendar.ts';

/**
 * The last day of a term of `years` years that starts on `from`: the day before the same date
 * `years` later (a year from 2026-03-01 runs to 2027-02-28). From 29 February the anniversary
 * rolls over to 1 March in a common year, so the term ends on 28 February.
 */
export function lastDayOfTerm(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  return addDays(new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10), -1);
}
