import { GraphQLError } from 'graphql';
import { bishkekDate, hasRole, isValidDate, parsePgTimestamp, runMutation, userError, type UserError } from '@nomad/kit';
import type { Context } from '../../context.ts';
import type { MigrationDb } from '../../db/index.ts';
import { getHolidaysBetween, getHolidaysOfYear, getOpenDeadlinesTouchingYear, replaceHolidaysOfYear, setReviewDeadlines } from './queries.ts';
import { loadHolidays, loadRules, reviewDeadline } from './service.ts';

/** A year's holidays as an officer loads them (the decree of the year, with the Eid dates). */
export interface LoadPublicHolidaysInput {
  year: number;
  holidays: { day: string; name: string }[];
}

export interface LoadPublicHolidaysPayload {
  year: number | null;
  holidays: { day: string; name: string }[];
  /** Whether the year's holidays differ from what was loaded before (false: the same list again). */
  changed: boolean;
  /** Review deadlines of open applications moved by the new holidays. */
  recomputedDeadlines: number;
  userErrors: UserError[];
}

/** Years an officer may load: the decree's and the next few; beyond, a typo is likelier than a plan. */
const FIRST_YEAR = 2025;
const LAST_YEAR = 2100;
const MAX_NAME = 200;
/** Kyrgyzstan has about fifteen a year; a list ten times longer is a mistake. */
const MAX_HOLIDAYS = 150;

/** Every problem of the input, each naming its field; none: the year may be loaded. */
export function holidayInputErrors(input: LoadPublicHolidaysInput): UserError[] {
  const errors: UserError[] = [];
  if (!Number.isInteger(input.year) || input.year < FIRST_YEAR || input.year > LAST_YEAR) {
    errors.push(userError('HOLIDAY_YEAR_OUT_OF_RANGE', `The year must be between ${FIRST_YEAR} and ${LAST_YEAR}.`, 'input.year'));
    return errors;
  }
  if (input.holidays.length === 0) errors.push(userError('HOLIDAYS_REQUIRED', `Give ${input.year}'s public holidays: a year has some.`, 'input.holidays'));
  if (input.holidays.length > MAX_HOLIDAYS) errors.push(userError('HOLIDAYS_TOO_MANY', `At most ${MAX_HOLIDAYS} holidays a year.`, 'input.holidays'));
  const seen = new Set<string>();
  input.holidays.forEach((h, i) => {
    if (!isValidDate(h.day) || !h.day.startsWith(`${input.year}-`)) {
      errors.push(userError('HOLIDAY_OUTSIDE_YEAR', `${h.day} is not a day of ${input.year}.`, `input.holidays.${i}.day`));
    } else if (seen.has(h.day)) {
      errors.push(userError('HOLIDAY_DUPLICATE', `${h.day} is listed more than once.`, `input.holidays.${i}.day`));
    }
    seen.add(h.day);
    const name = h.name.trim();
    if (name.length === 0) errors.push(userError('HOLIDAY_NAME_REQUIRED', `Name the holiday of ${h.day}.`, `input.holidays.${i}.name`));
    else if (name.length > MAX_NAME) errors.push(userError('HOLIDAY_NAME_TOO_LONG', `A holiday's name has at most ${MAX_NAME} characters.`, `input.holidays.${i}.name`));
  });
  return errors;
}

const sameList = (a: { day: string; name: string }[], b: { day: string; name: string }[]) =>
  a.length === b.length && a.every((h, i) => h.day === b[i]?.day && h.name === b[i]?.name);

/**
 * Moves the review deadline of each open application whose review period touches `year` to
 * what the holidays now loaded give, in one statement however many move. Returns how many
 * moved. In the caller's transaction.
 */
export async function recomputeReviewDeadlines(tx: MigrationDb, year: number, logger: Context['logger']): Promise<number> {
  const open = await getOpenDeadlinesTouchingYear(tx, { year });
  if (open.length === 0) return 0;
  const rules = await loadRules(tx);
  const submittedOn = open.map((a) => bishkekDate(parsePgTimestamp(a.submittedAt)));
  const calendar = await loadHolidays(tx, submittedOn.reduce((min, d) => (d < min ? d : min)));
  const moves = open
    .map((application, i) => ({ id: application.id, before: application.reviewDeadlineOn, reviewDeadlineOn: reviewDeadline(calendar, submittedOn[i]!, rules.review_working_days, logger) }))
    .filter((m) => m.reviewDeadlineOn !== m.before);
  await setReviewDeadlines(tx, { moves });
  return moves.length;
}

/**
 * Migration officer: loads a year's public holidays, replacing what that year had. Idempotent:
 * the same list again changes nothing. In the same transaction, the review deadline of every
 * open application whose review period runs through that year is computed again.
 */
export async function loadPublicHolidays(ctx: Context, input: LoadPublicHolidaysInput): Promise<LoadPublicHolidaysPayload> {
  const refused = (userErrors: UserError[]): LoadPublicHolidaysPayload => ({ year: null, holidays: [], changed: false, recomputedDeadlines: 0, userErrors });
  if (!hasRole(ctx.principal, 'migration_officer')) return refused([userError('FORBIDDEN', 'Only a migration officer may load public holidays.')]);
  const problems = holidayInputErrors(input);
  if (problems.length > 0) return refused(problems);
  const holidays = input.holidays.map((h) => ({ day: h.day, name: h.name.trim() })).sort((a, b) => a.day.localeCompare(b.day));
  const outcome = await runMutation(ctx, 'loadPublicHolidays', input, async (tx) => {
    const before = await getHolidaysOfYear(tx, { year: input.year });
    if (sameList(before, holidays)) return { changed: false, recomputedDeadlines: 0 };
    await replaceHolidaysOfYear(tx, { year: input.year, holidays });
    return { changed: true, recomputedDeadlines: await recomputeReviewDeadlines(tx, input.year, ctx.logger) };
  });
  if (!outcome.ok) return refused(outcome.userErrors);
  ctx.logger.info({ code: 'HOLIDAYS_LOADED', year: input.year, holidays: holidays.length, ...outcome.result }, 'public holidays loaded');
  return { year: input.year, holidays, ...outcome.result, userErrors: [] };
}

/** At most this many years in one `publicHolidays` answer. */
const MAX_YEARS_LISTED = 10;

/** The holidays of the loaded years from `fromYear` to `toYear`; any caller (holidays are public). */
export async function listPublicHolidays(db: MigrationDb, args: { fromYear: number; toYear: number }): Promise<{ year: number; holidays: { day: string; name: string }[] }[]> {
  const span = args.toYear - args.fromYear;
  if (args.fromYear < FIRST_YEAR || args.toYear > LAST_YEAR) {
    throw new GraphQLError(`Years from ${FIRST_YEAR} to ${LAST_YEAR} only.`, { extensions: { code: 'BAD_USER_INPUT', field: args.fromYear < FIRST_YEAR ? 'fromYear' : 'toYear' } });
  }
  if (span < 0 || span >= MAX_YEARS_LISTED) {
    throw new GraphQLError(`toYear must be from fromYear to ${MAX_YEARS_LISTED - 1} years after it.`, { extensions: { code: 'BAD_USER_INPUT', field: 'toYear' } });
  }
  const days = await getHolidaysBetween(db, { from: `${args.fromYear}-01-01`, to: `${args.toYear}-12-31` });
  const years = new Map<number, { day: string; name: string }[]>();
  for (const h of days) {
    const year = Number(h.day.slice(0, 4));
    years.set(year, [...(years.get(year) ?? []), h]);
  }
  return [...years].map(([year, holidays]) => ({ year, holidays }));
}
