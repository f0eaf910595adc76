import { z } from 'zod';
import type { MigrationDb } from '../../db/index.ts';
import { documentKindEnum } from '../../db/schema.ts';
import { getRuleValues, getHolidaysFrom } from './queries.ts';
import { COUNTRY_CODE, isCurrency } from '@nomad/kit';

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

export async function loadHolidays(db: MigrationDb, from: string): Promise<Set<string>> {
  return new Set(await getHolidaysFrom(db, { from }));
}
