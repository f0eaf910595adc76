import { describe, expect, it } from 'vitest';
import type { Rules } from '../rules/service.ts';
import { documentRow } from './documents.ts';
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
    extension_years: 1,
    renewal_window_days: 60,
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

  it('reads a zero-decimal currency with its exponent, exactly at the threshold', () => {
    const yenRates = rules({ exchange_rates_to_usd: { USD: 1, JPY: 0.0067 } });
    const yen = { ...input(), declaredAnnualIncome: { amountMinor: 746_269, currency: 'JPY' } }; // ¥746,269 × 0.0067 = USD 5,000.0023
    expect(checkIntake(yen, yenRates, TODAY)).toEqual([]);
    yen.declaredAnnualIncome.amountMinor = 746_268; // one yen less: USD 4,999.9956
    expect(checkIntake(yen, yenRates, TODAY).map((e) => e.code)).toEqual(['INCOME_BELOW_THRESHOLD']);
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

describe('checkIntake: every rule with its field and message', () => {
  it('reports every broken format rule at once, in form order', () => {
    const i = input();
    i.applicant = {
      ...i.applicant,
      surname: 'Иванова',
      givenNames: 'Anna1',
      email: 'anna',
      citizenship: 'Russia',
      dateOfBirth: TODAY,
      passport: { country: 'ru', number: 'ab', expiresOn: '2027-01-22' },
    };
    i.activityCode = 'FARMING';
    i.declaredAnnualIncome = { amountMinor: -1, currency: 'USD' };
    i.requestedStartOn = '2026-11-23';
    i.foreignParties = [
      { kind: 'CLIENT', name: '   ', country: 'usa' },
      { kind: 'EMPLOYER', name: 'x'.repeat(201), country: 'KGZ' },
    ];
    i.documents = [];
    expect(checkIntake(i, rules(), TODAY)).toEqual([
      { code: 'INVALID_FORMAT', field: 'input.applicant.surname', message: 'Surname must be written in Latin letters as in the passport.' },
      { code: 'INVALID_FORMAT', field: 'input.applicant.givenNames', message: 'Given names must be written in Latin letters as in the passport.' },
      { code: 'INVALID_FORMAT', field: 'input.applicant.email', message: 'Email address is not valid.' },
      { code: 'INVALID_FORMAT', field: 'input.applicant.passport.number', message: 'Passport number must be 5–20 capital letters and digits.' },
      { code: 'INVALID_FORMAT', field: 'input.applicant.passport.country', message: 'Passport country must be an ISO 3166-1 alpha-3 code, e.g. KAZ.' },
      { code: 'INVALID_FORMAT', field: 'input.applicant.citizenship', message: 'Citizenship must be an ISO 3166-1 alpha-3 code, e.g. KAZ.' },
      { code: 'DATE_OF_BIRTH_IN_FUTURE', field: 'input.applicant.dateOfBirth', message: 'Date of birth must be in the past.' },
      { code: 'ACTIVITY_NOT_ELIGIBLE', field: 'input.activityCode', message: "Activity FARMING is not on the decree's list of eligible activities." },
      { code: 'INVALID_FORMAT', field: 'input.declaredAnnualIncome.amountMinor', message: 'Income must be a non-negative whole number of minor units.' },
      { code: 'START_DATE_IN_PAST', field: 'input.requestedStartOn', message: 'The requested start date is in the past.' },
      // A start in the past counts from today: 24 Nov + 60 days = 23 Jan 2027.
      {
        code: 'PASSPORT_EXPIRES_TOO_SOON',
        field: 'input.applicant.passport.expiresOn',
        message: 'The passport must be valid until at least 2027-01-23, the end of the requested initial period.',
      },
      { code: 'INVALID_FORMAT', field: 'input.foreignParties.0.name', message: 'Name must be 1–200 characters.' },
      { code: 'INVALID_FORMAT', field: 'input.foreignParties.0.country', message: 'Country must be an ISO 3166-1 alpha-3 code.' },
      { code: 'INVALID_FORMAT', field: 'input.foreignParties.1.name', message: 'Name must be 1–200 characters.' },
      {
        code: 'FOREIGN_PARTY_NOT_FOREIGN',
        field: 'input.foreignParties.1.country',
        message: 'Employers and clients must be foreign: work for a Kyrgyz company is not remote work under the decree.',
      },
      { code: 'DOCUMENT_MISSING', field: 'input.documents', message: 'A PASSPORT document is required.' },
      { code: 'DOCUMENT_MISSING', field: 'input.documents', message: 'A PHOTO document is required.' },
      { code: 'DOCUMENT_MISSING', field: 'input.documents', message: 'Proof of income is required: one of EMPLOYMENT_CONTRACT, BANK_STATEMENT.' },
    ]);
  });

  it('reports the eligibility, income, dates and parties rules with their messages', () => {
    const i = input();
    i.applicant.citizenship = 'FRA';
    i.declaredAnnualIncome = { amountMinor: 10_000_000, currency: 'GBP' };
    // 24 Nov 2026 + 180 days = 23 May 2027: a day later is too far.
    i.requestedStartOn = '2027-05-24';
    i.foreignParties = [];
    expect(checkIntake(i, rules(), TODAY)).toEqual([
      { code: 'CITIZENSHIP_NOT_ELIGIBLE', field: 'input.applicant.citizenship', message: 'Citizens of FRA are not eligible for the digital nomad status.' },
      { code: 'CURRENCY_NOT_SUPPORTED', field: 'input.declaredAnnualIncome.currency', message: 'Income cannot be declared in GBP; use one of USD, EUR.' },
      { code: 'START_DATE_TOO_FAR', field: 'input.requestedStartOn', message: 'The requested start date may be at most 180 days ahead.' },
      { code: 'FOREIGN_PARTY_REQUIRED', field: 'input.foreignParties', message: 'Name at least one foreign employer or client.' },
    ]);
  });

  it('accepts the edges: born yesterday, starting today or 180 days ahead, a one- or 200-character party name', () => {
    const i = input();
    i.applicant.dateOfBirth = '2026-11-23';
    i.requestedStartOn = TODAY;
    i.applicant.passport.expiresOn = '2027-01-23';
    i.foreignParties = [
      { kind: 'CLIENT', name: 'X', country: 'USA' },
      { kind: 'EMPLOYER', name: 'y'.repeat(200), country: 'DEU' },
    ];
    // Any one activity on the list will do.
    const twoActivities = rules({ eligible_activities: [{ code: 'DESIGN', title: 'Design' }, { code: 'SOFTWARE_DEVELOPMENT', title: 'Software development' }] });
    expect(checkIntake(i, twoActivities, TODAY)).toEqual([]);
    i.requestedStartOn = '2027-05-23';
    i.applicant.passport.expiresOn = '2027-07-22';
    expect(checkIntake(i, rules(), TODAY)).toEqual([]);
  });

  it('asks for proof of income only when the rules list some', () => {
    const i = input();
    i.documents = i.documents.filter((d) => d.kind !== 'BANK_STATEMENT');
    expect(checkIntake(i, rules({ required_documents: { all: ['PASSPORT', 'PHOTO'], oneOf: [] } }), TODAY)).toEqual([]);
  });

  it('names the DN visa rule in its message', () => {
    const i = input();
    i.applicant.citizenship = 'USA';
    expect(checkIntake(i, rules(), TODAY)).toEqual([
      { code: 'DN_VISA_REQUIRED', field: 'input.documents', message: 'Citizens of USA need a "DN" visa: list the DN_VISA document.' },
    ]);
  });

  it('reports every document rule with its field and message', () => {
    const i = input();
    i.documents = [
      { kind: 'PASSPORT', fileName: 'a/b.pdf', language: 'ru' },
      { kind: 'PHOTO', fileName: 'photo.jpg', language: 'RU' },
      { kind: 'BANK_STATEMENT', fileName: 'bank.pdf', language: 'de' },
      { kind: 'TRANSLATION', fileName: 't.pdf', language: 'en', translates: 'bank.pdf' },
      { kind: 'TRANSLATION', fileName: 't2.pdf', language: 'ru' },
      { kind: 'TRANSLATION', fileName: 't3.pdf', language: 'ru', translates: 'nope.pdf' },
      { kind: 'PASSPORT', fileName: 'bank.pdf', language: 'ru' },
      // Only a TRANSLATION translates: this one does not cover bank.pdf.
      { kind: 'PHOTO', fileName: 'p2.jpg', language: 'ru', translates: 'bank.pdf' },
      { kind: 'TRANSLATION', fileName: 't4.pdf', language: 'ru', translates: '  ' },
      { kind: 'TRANSLATION', fileName: 't5.pdf', language: 'ru', translates: 'n'.repeat(250) },
      { kind: 'PHOTO', fileName: 'f'.repeat(201), language: 'ru' },
      { kind: 'PHOTO', fileName: 'g'.repeat(200), language: 'rus' },
    ];
    expect(checkIntake(i, rules(), TODAY)).toEqual([
      { code: 'INVALID_FORMAT', field: 'input.documents.0.fileName', message: 'File name must be 1–200 characters without slashes.' },
      { code: 'DOCUMENT_NAME_DUPLICATE', field: 'input.documents.6.fileName', message: 'Another document is already named "bank.pdf": give each file its own name.' },
      { code: 'INVALID_FORMAT', field: 'input.documents.10.fileName', message: 'File name must be 1–200 characters without slashes.' },
      { code: 'INVALID_FORMAT', field: 'input.documents.1.language', message: 'Language must be an ISO 639-1 code, e.g. ru.' },
      { code: 'TRANSLATION_REQUIRED', field: 'input.documents.2.language', message: '"bank.pdf" is in "de": add a TRANSLATION into ky or ru that names it in `translates`.' },
      { code: 'TRANSLATION_LANGUAGE_NOT_ACCEPTED', field: 'input.documents.3.language', message: 'A translation must be into ky or ru, not "en".' },
      { code: 'TRANSLATION_TARGET_REQUIRED', field: 'input.documents.4.translates', message: 'A TRANSLATION names the file it translates in `translates`.' },
      { code: 'TRANSLATION_TARGET_UNKNOWN', field: 'input.documents.5.translates', message: 'No document of this set other than a translation is named "nope.pdf".' },
      { code: 'INVALID_FORMAT', field: 'input.documents.7.translates', message: 'Only a TRANSLATION names the document it translates.' },
      { code: 'TRANSLATION_TARGET_REQUIRED', field: 'input.documents.8.translates', message: 'A TRANSLATION names the file it translates in `translates`.' },
      { code: 'TRANSLATION_TARGET_UNKNOWN', field: 'input.documents.9.translates', message: `No document of this set other than a translation is named "${'n'.repeat(200)}".` },
      { code: 'INVALID_FORMAT', field: 'input.documents.11.language', message: 'Language must be an ISO 639-1 code, e.g. ru.' },
    ]);
  });
});

describe('documentRow', () => {
  it('stores a translation target under its column name, and none for other documents', () => {
    expect(documentRow({ kind: 'TRANSLATION', fileName: 't.pdf', language: 'ru', translates: 'p.pdf' })).toEqual({
      kind: 'TRANSLATION',
      fileName: 't.pdf',
      language: 'ru',
      translatesFileName: 'p.pdf',
    });
    expect(documentRow({ kind: 'PASSPORT', fileName: 'p.pdf', language: 'en' })).toEqual({ kind: 'PASSPORT', fileName: 'p.pdf', language: 'en', translatesFileName: null });
  });
});
