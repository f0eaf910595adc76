/** Time as the service sees it: injectable so that tests can move it (same shape as migration's). */
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
