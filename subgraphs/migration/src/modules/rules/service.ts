import { z } from 'zod';
import type { MigrationDb } from '../../db/index.ts';
import { documentKindEnum } from '../../db/schema.ts';
import { getRuleValues, getHolidaysFrom, getHolidayYearsFrom } from './queries.ts';
import {
  addDays,
  addWorkingDays,
  COUNTRY_CODE,
  HOLIDAYS_YEAR_MISSING,
  isCurrency,
  missingHolidayYears,
  type Clock,
  type HolidayCalendar,
  type Logger,
  type ReadinessWarning,
} from '@nomad/kit';

const DocumentKind = z.enum(documentKindEnum.enumValues);
/** A code of the kit's ISO 4217 table: its exponent is known. */
const Currency = z.string().refine(isCurrency, 'must be an ISO 4217 currency code');

/** The rule table, validated: a bad value in the database stops the service with the key named. */
export const RulesSchema = z.object({
  eligible_citizenships: z.array(z.string().regex(COUNTRY_CODE)),
  visa_required_citizenships: z.array(z.string().regex(COUNTRY_CODE)),
  eligible_activities: z.array(z.object({ code: z.string().min(1), title: z.string().min(1) })).min(1),
  min_annual_income: z.object({ amountMinor: z.number().int().nonnegative(), currency: Currency }),
  exchange_rates_to_usd: z.record(Currency, z.number().positive()),
  review_working_days: z.number().int().positive(),
  correction_window_months: z.number().int().positive(),
  initial_period_days: z.number().int().positive(),
  passport_min_validity_days: z.number().int().nonnegative(),
  max_start_delay_days: z.number().int().positive(),
  required_documents: z.object({ all: z.array(DocumentKind), oneOf: z.array(DocumentKind) }),
  accepted_document_languages: z.array(z.string().length(2)),
  status_ceiling_years: z.number().int().positive(),
  extension_years: z.number().int().positive(),
  renewal_window_days: z.number().int().positive(),
  exit_days_after_revocation: z.number().int().positive(),
});
export type Rules = z.infer<typeof RulesSchema>;

export class RulesError extends Error {
  override name = 'RulesError';
}

/** Reads and validates every rule value. Called per operation that needs them (one statement). */
export async function loadRules(db: MigrationDb): Promise<Rules> {
  const rows = await getRuleValues(db);
  const parsed = RulesSchema.safeParse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
  if (!parsed.success) {
    throw new RulesError(
      `Invalid rule values: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** The holidays from `from` on, and the years loaded (two statements). */
export async function loadHolidays(db: MigrationDb, from: string): Promise<HolidayCalendar> {
  const [days, years] = await Promise.all([
    getHolidaysFrom(db, { from }),
    getHolidayYearsFrom(db, { fromYear: Number(from.slice(0, 4)) }),
  ]);
  return { days: new Set(days), years: new Set(years) };
}

/** The operator alert for years whose holidays are missing: a stable code, the years, no personal data. */
export function alertMissingHolidays(logger: Logger, years: number[], context: string): void {
  if (years.length === 0) return;
  logger.warn(
    { code: HOLIDAYS_YEAR_MISSING, years, context },
    `public holidays not loaded for ${years.join(', ')}: working-day deadlines through ${years.length === 1 ? 'that year' : 'those years'} count its weekdays only until an officer loads them (loadPublicHolidays)`,
  );
}

/**
 * The last day of a review period of `workingDays` working days after `from`, over the
 * holidays in `calendar`. Where the period runs through a year whose holidays are not loaded
 * the deadline counts that year's weekdays only, and the operator is alerted
 * (`HOLIDAYS_YEAR_MISSING`); loading the year recomputes it (`loadPublicHolidays`).
 */
export function reviewDeadline(calendar: HolidayCalendar, from: string, workingDays: number, logger: Logger): string {
  const deadline = addWorkingDays(from, workingDays, calendar.days);
  alertMissingHolidays(logger, missingHolidayYears(calendar, from, deadline), 'review deadline');
  return deadline;
}

/** The years an operator must have loaded: today's and the next (one statement). */
export async function missingHolidayYearsNow(db: MigrationDb, clock: Clock): Promise<number[]> {
  const today = clock.today();
  const years = await getHolidayYearsFrom(db, { fromYear: Number(today.slice(0, 4)) });
  return missingHolidayYears({ years: new Set(years) }, today, addDays(`${today.slice(0, 4)}-12-31`, 1));
}

/** `/ready`'s warning for the years whose holidays are missing (none when today's and the next are loaded). */
export async function holidayReadinessWarnings(db: MigrationDb, clock: Clock): Promise<ReadinessWarning[]> {
  const years = await missingHolidayYearsNow(db, clock);
  if (years.length === 0) return [];
  return [{ code: HOLIDAYS_YEAR_MISSING, message: `Public holidays are not loaded for ${years.join(', ')} (loadPublicHolidays).`, years }];
}
