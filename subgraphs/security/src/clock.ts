/** Time as the service sees it: injectable so that tests can move it (migration's `fixedClock` fits). */
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

/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so that no time zone shifts a day. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `day` plus `months` calendar months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const originalDay = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(originalDay, lastDay));
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
