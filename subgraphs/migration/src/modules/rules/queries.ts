import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { MigrationDb } from '../../db/index.ts';
import { applications, publicHolidays, ruleValues } from '../../db/schema.ts';

export async function getRuleValues(db: MigrationDb): Promise<{ key: string; value: unknown }[]> {
  return db.select({ key: ruleValues.key, value: ruleValues.value }).from(ruleValues);
}

export async function getHolidaysFrom(db: MigrationDb, params: { from: string }): Promise<string[]> {
  const rows = await db.select({ day: publicHolidays.day }).from(publicHolidays).where(gte(publicHolidays.day, params.from));
  return rows.map((r) => r.day);
}

/** The years from `fromYear` on with at least one holiday loaded (one statement). */
export async function getHolidayYearsFrom(db: MigrationDb, params: { fromYear: number }): Promise<number[]> {
  const year = sql<number>`extract(year from ${publicHolidays.day})::int`;
  const rows = await db
    .selectDistinct({ year })
    .from(publicHolidays)
    .where(gte(publicHolidays.day, `${params.fromYear}-01-01`))
    .orderBy(year);
  return rows.map((r) => Number(r.year));
}

/** The holidays from `from` to `to` (inclusive), in day order. */
export async function getHolidaysBetween(db: MigrationDb, params: { from: string; to: string }): Promise<{ day: string; name: string }[]> {
  return db
    .select({ day: publicHolidays.day, name: publicHolidays.name })
    .from(publicHolidays)
    .where(and(gte(publicHolidays.day, params.from), lte(publicHolidays.day, params.to)))
    .orderBy(asc(publicHolidays.day));
}

/** A year's holidays, in day order. */
export function getHolidaysOfYear(db: MigrationDb, params: { year: number }): Promise<{ day: string; name: string }[]> {
  return getHolidaysBetween(db, { from: `${params.year}-01-01`, to: `${params.year}-12-31` });
}

/** Replaces a year's holidays with `holidays` (two statements; the caller's transaction). */
export async function replaceHolidaysOfYear(db: MigrationDb, params: { year: number; holidays: { day: string; name: string }[] }): Promise<void> {
  await db
    .delete(publicHolidays)
    .where(and(gte(publicHolidays.day, `${params.year}-01-01`), lte(publicHolidays.day, `${params.year}-12-31`)));
  if (params.holidays.length > 0) await db.insert(publicHolidays).values(params.holidays);
}

/** States whose review deadline still runs. */
const AWAITING_REVIEW = ['SUBMITTED', 'UNDER_REVIEW'] as const;

/**
 * Applications awaiting review whose review period (from the day of their latest submission to
 * their deadline) touches `year`: those whose deadline a change of that year's holidays may
 * move. Locked for update: the caller recomputes and writes them in its transaction.
 */
export async function getOpenDeadlinesTouchingYear(
  db: MigrationDb,
  params: { year: number },
): Promise<{ id: string; submittedAt: string; reviewDeadlineOn: string }[]> {
  return db
    .select({ id: applications.id, submittedAt: applications.submittedAt, reviewDeadlineOn: applications.reviewDeadlineOn })
    .from(applications)
    .where(
      and(
        inArray(applications.state, [...AWAITING_REVIEW]),
        gte(applications.reviewDeadlineOn, `${params.year}-01-01`),
        sql`${applications.submittedAt} < ${`${params.year + 1}-01-01T00:00:00+06:00`}::timestamptz`,
      ),
    )
    .orderBy(asc(applications.id))
    .for('update');
}

/** Moves one application's review deadline; its version moves with it (a reader's optimistic update sees the change). */
export async function setReviewDeadline(db: MigrationDb, params: { id: string; reviewDeadlineOn: string }): Promise<void> {
  await db
    .update(applications)
    .set({ reviewDeadlineOn: params.reviewDeadlineOn, version: sql`${applications.version} + 1` })
    .where(eq(applications.id, params.id));
}
