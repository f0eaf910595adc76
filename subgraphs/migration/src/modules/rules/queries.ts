import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { parsePgTimestamp, prepared } from '@nomad/kit';
import type { MigrationDb } from '../../db/index.ts';
import { announcedRules, applications, publicHolidays, ruleValues } from '../../db/schema.ts';

const allRuleValues = prepared((db: MigrationDb) => db.select({ key: ruleValues.key, value: ruleValues.value }).from(ruleValues).prepare('rule_values'));

export async function getRuleValues(db: MigrationDb): Promise<{ key: string; value: unknown }[]> {
  return allRuleValues(db, {});
}

/** What migration last announced of each rule value (`RulesChanged`; one statement). */
export async function getAnnouncedRules(db: MigrationDb): Promise<{ key: string; value: unknown }[]> {
  return db.select({ key: announcedRules.key, value: announcedRules.value }).from(announcedRules);
}

/** When the value of `key` was last announced (the `RulesChanged` event's `occurredAt`, ISO 8601), or null if never (one statement). */
export async function getAnnouncedAt(db: MigrationDb, params: { key: string }): Promise<string | null> {
  const [row] = await db.select({ at: announcedRules.announcedAt }).from(announcedRules).where(eq(announcedRules.key, params.key));
  return row ? parsePgTimestamp(row.at).toISOString() : null;
}

/** Records the values an announcement carried (one statement; the announcer's transaction). */
export async function recordAnnouncedRules(db: MigrationDb, params: { eventId: string; values: { key: string; value: unknown }[] }): Promise<void> {
  await db
    .insert(announcedRules)
    .values(params.values.map((v) => ({ key: v.key, value: v.value, eventId: params.eventId })))
    .onConflictDoUpdate({
      target: announcedRules.key,
      set: { value: sql`excluded.value`, eventId: sql`excluded.event_id`, announcedAt: sql`now()` },
    });
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

/**
 * Moves the review deadlines of applications, each to its own day, in one statement however many
 * move; each version moves with it (a reader's optimistic update sees the change).
 */
export async function setReviewDeadlines(db: MigrationDb, params: { moves: { id: string; reviewDeadlineOn: string }[] }): Promise<void> {
  if (params.moves.length === 0) return;
  const moves = JSON.stringify(params.moves.map((m) => ({ id: m.id, deadline: m.reviewDeadlineOn })));
  await db.execute(sql`
    update ${applications} set review_deadline_on = m.deadline, version = ${applications.version} + 1
    from jsonb_to_recordset(${moves}::jsonb) as m(id uuid, deadline date)
    where ${applications.id} = m.id`);
}
