import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import { clientOf } from '../src/faults.ts';
import * as flows from '../src/flows.ts';

/**
 * The decree's rule values as maintained data (issue 15): `eligibilityRules` lists every rule
 * value of migration's table.
 */

const TODAY = '2026-11-24';
let graph: TestGraph;
let migrationOfficer: string;

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  migrationOfficer = await token(['migration_officer']);
});
afterAll(async () => {
  await graph?.stop();
});

const gql = <T>(tok: string, query: string, variables: Record<string, unknown> = {}) => flows.gql<T>(graph, tok, query, variables);

/** Each row of `migration.rule_values` and the `eligibilityRules` field that shows it. */
const FIELD_OF_RULE: Record<string, string> = {
  eligible_citizenships: 'citizenships',
  visa_required_citizenships: 'visaRequiredCitizenships',
  eligible_activities: 'activities',
  min_annual_income: 'minimumAnnualIncome',
  exchange_rates_to_usd: 'exchangeRates',
  review_working_days: 'reviewWorkingDays',
  correction_window_months: 'correctionWindowMonths',
  initial_period_days: 'initialPeriodDays',
  passport_min_validity_days: 'passportMinValidityDays',
  max_start_delay_days: 'maxStartDelayDays',
  required_documents: 'requiredDocuments',
  accepted_document_languages: 'acceptedDocumentLanguages',
  status_ceiling_years: 'statusCeilingYears',
  extension_years: 'extensionYears',
  renewal_window_days: 'renewalWindowDays',
  exit_days_after_revocation: 'exitDaysAfterRevocation',
};

const ALL_RULES = `{ eligibilityRules {
  citizenships visaRequiredCitizenships activities { code title } minimumAnnualIncome { amountMinor currency }
  currencies exchangeRates { currency exponent usdPerUnit } reviewWorkingDays correctionWindowMonths initialPeriodDays
  passportMinValidityDays maxStartDelayDays requiredDocuments { all oneOf } acceptedDocumentLanguages
  statusCeilingYears extensionYears renewalWindowDays exitDaysAfterRevocation
} }`;

describe('eligibilityRules shows every rule', () => {
  it('has a field for each row of the rule table, with the row’s value', async () => {
    const rows = await clientOf(graph, 'migration')<{ key: string; value: unknown }[]>`select key, value from migration.rule_values order by key`;
    expect(rows.length).toBeGreaterThan(10);
    // A rule added to the table without a field here (and in the SDL) fails this line.
    expect(rows.map((r) => r.key).sort()).toEqual(Object.keys(FIELD_OF_RULE).sort());
    const nomad = await token(['nomad'], { nomadId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
    const { eligibilityRules: shown } = await gql<{ eligibilityRules: Record<string, unknown> }>(nomad, ALL_RULES);
    const value = (key: string) => rows.find((r) => r.key === key)?.value;
    for (const row of rows) expect(shown[FIELD_OF_RULE[row.key]!], row.key).not.toBeNull();
    expect(shown.statusCeilingYears).toBe(value('status_ceiling_years'));
    expect(shown.extensionYears).toBe(value('extension_years'));
    expect(shown.renewalWindowDays).toBe(value('renewal_window_days'));
    expect(shown.exitDaysAfterRevocation).toBe(value('exit_days_after_revocation'));
    expect(shown.correctionWindowMonths).toBe(value('correction_window_months'));
    expect(shown.passportMinValidityDays).toBe(value('passport_min_validity_days'));
    expect(shown.maxStartDelayDays).toBe(value('max_start_delay_days'));
    expect(shown.requiredDocuments).toEqual(value('required_documents'));
    expect(shown.acceptedDocumentLanguages).toEqual(value('accepted_document_languages'));
    const rates = value('exchange_rates_to_usd') as Record<string, number>;
    const shownRates = shown.exchangeRates as { currency: string; exponent: number; usdPerUnit: string }[];
    expect(shownRates.length).toBe(Object.keys(rates).length);
    expect(shownRates).toContainEqual({ currency: 'JPY', exponent: 0, usdPerUnit: String(rates.JPY) });
    expect(shownRates).toContainEqual({ currency: 'USD', exponent: 2, usdPerUnit: '1' });
    expect(shownRates.map((r) => Number(r.usdPerUnit))).toEqual(shownRates.map((r) => rates[r.currency]));
  });

  it('follows a change of a newer rule at once', async () => {
    const db = clientOf(graph, 'migration');
    await db`update migration.rule_values set value = '45'::jsonb where key = 'renewal_window_days'`;
    try {
      const { eligibilityRules } = await gql<{ eligibilityRules: { renewalWindowDays: number } }>(migrationOfficer, '{ eligibilityRules { renewalWindowDays } }');
      expect(eligibilityRules.renewalWindowDays).toBe(45);
    } finally {
      await db`update migration.rule_values set value = '60'::jsonb where key = 'renewal_window_days'`;
    }
  });
});
