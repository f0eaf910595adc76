import { describe, expect, it } from 'vitest';
import type { Rules } from '../rules/service.ts';
import { checkIntake, type SubmitApplicationInput } from './intake.ts';

/** Rule values as data: the tests change them to prove the code reads them. */
function rules(overrides: Partial<Rules> = {}): Rules {
  return {
    eligible_citizenships: ['KAZ', 'RUS', 'USA'],
    visa_required_citizenships: ['USA'],
    eligible_activities: [{ code: 'SOFTWARE_DEVELOPMENT', title: 'Software development' }],
    min_annual_income: { amountMinor: 500_000, currency: 'USD' },
    exchange_rates_to_usd: { USD: 1, EUR: 1.1 },
    review_working_days: 7,
    correction_window_months: 1,
    initial_period_days: 60,
    passport_min_validity_days: 60,
    max_start_delay_days: 180,
    required_documents: { all: ['PASSPORT', 'PHOTO'], oneOf: ['EMPLOYMENT_CONTRACT', 'BANK_STATEMENT'] },
    accepted_document_languages: ['ky', 'ru'],
    status_ceiling_years: 10,
    exit_days_after_revocation: 15,
    ...overrides,
  };
}

function input(): SubmitApplicationInput {
  return {
    applicant: {
      surname: 'Ivanova',
      givenNames: 'Anna Maria',
      dateOfBirth: '1992-05-01',
      sex: 'FEMALE',
      citizenship: 'RUS',
      passport: { country: 'RUS', number: '751234567', expiresOn: '2031-01-01' },
      email: 'anna@example.org',
    },
    activityCode: 'SOFTWARE_DEVELOPMENT',
    foreignParties: [{ kind: 'CLIENT', name: 'Acme Corp', country: 'USA' }],
    declaredAnnualIncome: { amountMinor: 500_000, currency: 'USD' },
    requestedStartOn: '2026-12-01',
    documents: [
      { kind: 'PASSPORT', fileName: 'p.pdf', language: 'ru' },
      { kind: 'PHOTO', fileName: 'photo.jpg', language: 'en' },
      { kind: 'BANK_STATEMENT', fileName: 'bank.pdf', language: 'ru' },
    ],
  };
}

const TODAY = '2026-11-24';

describe('checkIntake', () => {
  it('accepts a complete application exactly at the income threshold', () => {
    expect(checkIntake(input(), rules(), TODAY)).toEqual([]);
  });

  it('reads the income threshold from the rules', () => {
    const codes = checkIntake(input(), rules({ min_annual_income: { amountMinor: 600_000, currency: 'USD' } }), TODAY).map((e) => e.code);
    expect(codes).toEqual(['INCOME_BELOW_THRESHOLD']);
    const zero = checkIntake({ ...input(), declaredAnnualIncome: { amountMinor: 0, currency: 'USD' } }, rules({ min_annual_income: { amountMinor: 0, currency: 'USD' } }), TODAY);
    expect(zero).toEqual([]);
  });

  it('converts foreign-currency income before comparing', () => {
    const eur = { ...input(), declaredAnnualIncome: { amountMinor: 460_000, currency: 'EUR' } };
    expect(checkIntake(eur, rules(), TODAY)).toEqual([]); // 460,000 × 1.1 = 506,000 ≥ 500,000
    eur.declaredAnnualIncome.amountMinor = 450_000; // 495,000 < 500,000
    expect(checkIntake(eur, rules(), TODAY).map((e) => e.code)).toEqual(['INCOME_BELOW_THRESHOLD']);
  });

  it('reads yen and won as having no minor unit: ¥10,000,000 is enough, ¥700,000 is not', () => {
    const seeded = rules({ exchange_rates_to_usd: { USD: 1, JPY: 0.0067, KRW: 0.00073 } });
    const yen = { ...input(), declaredAnnualIncome: { amountMinor: 10_000_000, currency: 'JPY' } };
    expect(checkIntake(yen, seeded, TODAY)).toEqual([]); // USD 67,000
    yen.declaredAnnualIncome.amountMinor = 700_000; // USD 4,690
    const refused = checkIntake(yen, seeded, TODAY);
    expect(refused).toEqual([expect.objectContaining({ code: 'INCOME_BELOW_THRESHOLD', field: 'input.declaredAnnualIncome.amountMinor' })]);
    expect(refused[0]?.message).toBe('Declared annual income of JPY 700,000 is below the minimum of USD 5,000.00 a year.');
    const won = { ...input(), declaredAnnualIncome: { amountMinor: 100_000_000, currency: 'KRW' } };
    expect(checkIntake(won, seeded, TODAY)).toEqual([]); // USD 73,000
  });

  it('reads a three-decimal currency with its exponent, exactly at the threshold', () => {
    const dinar = rules({ exchange_rates_to_usd: { USD: 1, KWD: 3.25 } });
    const kwd = { ...input(), declaredAnnualIncome: { amountMinor: 1_538_462, currency: 'KWD' } }; // KWD 1,538.462 = USD 5,000.00
    expect(checkIntake(kwd, dinar, TODAY)).toEqual([]);
    kwd.declaredAnnualIncome.amountMinor = 1_538_461; // one fils less: USD 4,999.99
    expect(checkIntake(kwd, dinar, TODAY).map((e) => e.code)).toEqual(['INCOME_BELOW_THRESHOLD']);
  });

  it('refuses a currency without a rate, or one ISO 4217 does not know', () => {
    const i = { ...input(), declaredAnnualIncome: { amountMinor: 10_000_000, currency: 'JPY' } };
    expect(checkIntake(i, rules(), TODAY)).toEqual([expect.objectContaining({ code: 'CURRENCY_NOT_SUPPORTED', field: 'input.declaredAnnualIncome.currency' })]);
    i.declaredAnnualIncome.currency = 'XYZ';
    expect(checkIntake(i, rules({ exchange_rates_to_usd: { USD: 1, XYZ: 1 } }), TODAY).map((e) => e.code)).toEqual(['CURRENCY_NOT_SUPPORTED']);
  });

  it('reads eligible citizenships and activities from the rules', () => {
    const i = input();
    expect(checkIntake(i, rules({ eligible_citizenships: ['KAZ'] }), TODAY).map((e) => e.code)).toEqual(['CITIZENSHIP_NOT_ELIGIBLE']);
    expect(checkIntake(i, rules({ eligible_activities: [{ code: 'GAMES', title: 'Games' }] }), TODAY).map((e) => e.code)).toEqual(['ACTIVITY_NOT_ELIGIBLE']);
  });

  it('requires the passport to outlast the initial period after the start', () => {
    const i = input();
    i.applicant.passport.expiresOn = '2027-01-29'; // start 1 Dec + 60 days = 30 Jan 2027
    expect(checkIntake(i, rules(), TODAY)).toContainEqual(expect.objectContaining({ code: 'PASSPORT_EXPIRES_TOO_SOON', field: 'input.applicant.passport.expiresOn' }));
    i.applicant.passport.expiresOn = '2027-01-30';
    expect(checkIntake(i, rules(), TODAY)).toEqual([]);
  });

  it('requires a DN visa only of visa-required citizenships', () => {
    const i = input();
    i.applicant.citizenship = 'USA';
    expect(checkIntake(i, rules(), TODAY).map((e) => e.code)).toEqual(['DN_VISA_REQUIRED']);
    i.documents.push({ kind: 'DN_VISA', fileName: 'visa.pdf', language: 'ru' });
    expect(checkIntake(i, rules(), TODAY)).toEqual([]);
  });

  it('accepts a foreign-language document when its own translation names it', () => {
    const i = input();
    i.documents[0]!.language = 'en';
    expect(checkIntake(i, rules(), TODAY)).toEqual([expect.objectContaining({ code: 'TRANSLATION_REQUIRED', field: 'input.documents.0.language' })]);
    i.documents.push({ kind: 'TRANSLATION', fileName: 'p-ru.pdf', language: 'ru', translates: 'p.pdf' });
    expect(checkIntake(i, rules(), TODAY)).toEqual([]);
  });

  it('lets no translation cover another document', () => {
    const i = input();
    i.documents[0]!.language = 'en';
    i.documents[2]!.language = 'de';
    i.documents.push({ kind: 'TRANSLATION', fileName: 'p-ru.pdf', language: 'ru', translates: 'p.pdf' });
    expect(checkIntake(i, rules(), TODAY)).toEqual([expect.objectContaining({ code: 'TRANSLATION_REQUIRED', field: 'input.documents.2.language' })]);
  });

  it('refuses a translation into a language other than Kyrgyz or Russian, with its own code', () => {
    const i = input();
    i.documents[0]!.language = 'en';
    i.documents.push({ kind: 'TRANSLATION', fileName: 'p-en.pdf', language: 'en', translates: 'p.pdf' });
    const errors = checkIntake(i, rules(), TODAY);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'TRANSLATION_LANGUAGE_NOT_ACCEPTED', field: 'input.documents.3.language' }));
    // Nor does it count as the passport's translation.
    expect(errors).toContainEqual(expect.objectContaining({ code: 'TRANSLATION_REQUIRED', field: 'input.documents.0.language' }));
    expect(errors).toHaveLength(2);
  });

  it('requires a translation to name a document of the set, by a file name used once', () => {
    const i = input();
    i.documents.push({ kind: 'TRANSLATION', fileName: 't1.pdf', language: 'ru' });
    i.documents.push({ kind: 'TRANSLATION', fileName: 't2.pdf', language: 'ru', translates: 'missing.pdf' });
    i.documents.push({ kind: 'TRANSLATION', fileName: 't3.pdf', language: 'ru', translates: 't2.pdf' });
    i.documents.push({ kind: 'PROFESSIONAL_DOCUMENT', fileName: 'p.pdf', language: 'ru', translates: 'bank.pdf' });
    expect(checkIntake(i, rules(), TODAY).map((e) => [e.code, e.field])).toEqual([
      ['DOCUMENT_NAME_DUPLICATE', 'input.documents.6.fileName'],
      ['TRANSLATION_TARGET_REQUIRED', 'input.documents.3.translates'],
      ['TRANSLATION_TARGET_UNKNOWN', 'input.documents.4.translates'],
      ['TRANSLATION_TARGET_UNKNOWN', 'input.documents.5.translates'],
      ['INVALID_FORMAT', 'input.documents.6.translates'],
    ]);
  });

  it('names the offending foreign party by index', () => {
    const i = input();
    i.foreignParties.push({ kind: 'EMPLOYER', name: 'Local LLC', country: 'KGZ' });
    expect(checkIntake(i, rules(), TODAY)).toEqual([expect.objectContaining({ code: 'FOREIGN_PARTY_NOT_FOREIGN', field: 'input.foreignParties.1.country' })]);
  });
});
