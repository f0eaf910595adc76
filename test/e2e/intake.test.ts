import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@nomad/migration';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import { SUBMIT, validApplication, WITHDRAW, type ApplicationInput } from '../src/fixtures.ts';

interface SubmitData {
  submitApplication: {
    application: { id: string; number: string; state: string; reviewDeadlineOn: string; version: number; nomad: { id: string; surname: string } } | null;
    userErrors: { code: string; field: string | null; message: string }[];
  };
}

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ today: '2026-11-24' });
});
afterAll(async () => {
  await graph?.stop();
});

async function rowCounts() {
  const { db } = graph.migration.database;
  const [n] = await db.select({ n: count() }).from(schema.nomads);
  const [a] = await db.select({ n: count() }).from(schema.applications);
  const [d] = await db.select({ n: count() }).from(schema.applicationDocuments);
  return { nomads: n?.n, applications: a?.n, documents: d?.n };
}

async function submitAs(nomadId: string, input: unknown) {
  const tok = await token(['nomad'], { nomadId });
  return graph.request<SubmitData>(tok, SUBMIT, { input });
}

type Mutate = (input: ApplicationInput) => void;

/** Each intake rule of DOMAIN.md, broken on purpose: the code and field it must report. */
const RULES: [string, Mutate, string, string | null][] = [
  ['citizenship outside the list', (i) => { i.applicant.citizenship = 'FRA'; }, 'CITIZENSHIP_NOT_ELIGIBLE', 'input.applicant.citizenship'],
  ['activity outside the closed list', (i) => { i.activityCode = 'CRYPTO_MINING'; }, 'ACTIVITY_NOT_ELIGIBLE', 'input.activityCode'],
  ['income below USD 5,000 a year', (i) => { i.declaredAnnualIncome = { amountMinor: 499_999, currency: 'USD' }; }, 'INCOME_BELOW_THRESHOLD', 'input.declaredAnnualIncome.amountMinor'],
  ['income below threshold once converted', (i) => { i.declaredAnnualIncome = { amountMinor: 30_000_000, currency: 'RUB' }; }, 'INCOME_BELOW_THRESHOLD', 'input.declaredAnnualIncome.amountMinor'],
  ['income in yen below USD 5,000 (the yen has no minor unit)', (i) => { i.declaredAnnualIncome = { amountMinor: 700_000, currency: 'JPY' }; }, 'INCOME_BELOW_THRESHOLD', 'input.declaredAnnualIncome.amountMinor'],
  ['income in an unknown currency', (i) => { i.declaredAnnualIncome = { amountMinor: 9_000_000, currency: 'XAU' }; }, 'CURRENCY_NOT_SUPPORTED', 'input.declaredAnnualIncome.currency'],
  ['passport expiring inside the initial period', (i) => { i.applicant.passport.expiresOn = '2027-01-20'; }, 'PASSPORT_EXPIRES_TOO_SOON', 'input.applicant.passport.expiresOn'],
  ['start date in the past', (i) => { i.requestedStartOn = '2026-11-01'; }, 'START_DATE_IN_PAST', 'input.requestedStartOn'],
  ['start date too far ahead', (i) => { i.requestedStartOn = '2027-09-01'; }, 'START_DATE_TOO_FAR', 'input.requestedStartOn'],
  ['birth date in the future', (i) => { i.applicant.dateOfBirth = '2027-01-01'; }, 'DATE_OF_BIRTH_IN_FUTURE', 'input.applicant.dateOfBirth'],
  ['no foreign employer or client', (i) => { i.foreignParties = []; }, 'FOREIGN_PARTY_REQUIRED', 'input.foreignParties'],
  ['a Kyrgyz employer', (i) => { i.foreignParties = [{ kind: 'EMPLOYER', name: 'Bishkek Soft LLC', country: 'KGZ' }]; }, 'FOREIGN_PARTY_NOT_FOREIGN', 'input.foreignParties.0.country'],
  ['no photo', (i) => { i.documents = i.documents.filter((d) => d.kind !== 'PHOTO'); }, 'DOCUMENT_MISSING', 'input.documents'],
  ['no proof of income', (i) => { i.documents = i.documents.filter((d) => d.kind !== 'EMPLOYMENT_CONTRACT'); }, 'DOCUMENT_MISSING', 'input.documents'],
  ['visa-required citizen without a DN visa', (i) => { i.applicant.citizenship = 'USA'; i.applicant.passport.country = 'USA'; }, 'DN_VISA_REQUIRED', 'input.documents'],
  ['document in English without translation', (i) => { i.documents[2]!.language = 'en'; }, 'TRANSLATION_REQUIRED', 'input.documents.2.language'],
  ['an English "translation" (translations must be into Kyrgyz or Russian)', (i) => {
    i.documents[2]!.language = 'en';
    i.documents.push({ kind: 'TRANSLATION', fileName: 'contract-en.pdf', language: 'en', translates: 'contract.pdf' } as (typeof i.documents)[number]);
  }, 'TRANSLATION_LANGUAGE_NOT_ACCEPTED', 'input.documents.3.language'],
  ['a translation naming no document', (i) => { i.documents.push({ kind: 'TRANSLATION', fileName: 't.pdf', language: 'ru', translates: 'nothing.pdf' } as (typeof i.documents)[number]); }, 'TRANSLATION_TARGET_UNKNOWN', 'input.documents.3.translates'],
  ['surname not in Latin script', (i) => { i.applicant.surname = 'Нурланов'; }, 'INVALID_FORMAT', 'input.applicant.surname'],
  ['malformed email', (i) => { i.applicant.email = 'not-an-email'; }, 'INVALID_FORMAT', 'input.applicant.email'],
];

describe('submitApplication: intake rules', () => {
  it.each(RULES)('refuses %s with its code and writes nothing', async (_name, mutate, code, field) => {
    const before = await rowCounts();
    const input = validApplication();
    mutate(input);
    const res = await submitAs(randomUUID(), input);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const payload = res.body.data?.submitApplication;
    expect(payload?.application).toBeNull();
    expect(payload?.userErrors).toContainEqual(expect.objectContaining({ code, field }));
    expect(await rowCounts()).toEqual(before);
  });

  it('reports every broken rule at once', async () => {
    const input = validApplication();
    input.applicant.citizenship = 'FRA';
    input.activityCode = 'CRYPTO_MINING';
    input.declaredAnnualIncome.amountMinor = 100;
    const res = await submitAs(randomUUID(), input);
    const codes = res.body.data?.submitApplication.userErrors.map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['CITIZENSHIP_NOT_ELIGIBLE', 'ACTIVITY_NOT_ELIGIBLE', 'INCOME_BELOW_THRESHOLD']));
  });

  it('refuses a second open application and a passport registered to someone else, writing nothing', async () => {
    const nomadId = randomUUID();
    const first = await submitAs(nomadId, validApplication({ passportNumber: 'KZ1234567' }));
    expect(first.body.data?.submitApplication.userErrors).toEqual([]);
    const before = await rowCounts();

    const again = await submitAs(nomadId, validApplication({ passportNumber: 'KZ1234567' }));
    expect(again.body.data?.submitApplication.userErrors).toContainEqual(expect.objectContaining({ code: 'APPLICATION_ALREADY_OPEN' }));

    const stolen = await submitAs(randomUUID(), validApplication({ passportNumber: 'KZ1234567' }));
    expect(stolen.body.data?.submitApplication.userErrors).toContainEqual(
      expect.objectContaining({ code: 'PASSPORT_ALREADY_REGISTERED', field: 'input.applicant.passport.number' }),
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('rejects input that breaks the schema with BAD_USER_INPUT naming the field', async () => {
    const input = validApplication() as unknown as Record<string, unknown>;
    input.requestedStartOn = '2026-02-30';
    const res = await submitAs(randomUUID(), input);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/requestedStartOn/);
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('submitApplication: accepted', () => {
  it('sent again with the same Idempotency-Key (an answer lost to a crash) is answered the same and written once', async () => {
    const nomadId = randomUUID();
    const tok = await token(['nomad'], { nomadId });
    const input = validApplication();
    const key = `submit-${randomUUID()}`;
    const before = await rowCounts();
    const first = await graph.request<SubmitData>(tok, SUBMIT, { input }, { 'idempotency-key': key });
    const second = await graph.request<SubmitData>(tok, SUBMIT, { input }, { 'idempotency-key': key });
    expect(first.body.errors).toBeUndefined();
    expect(second.body.errors).toBeUndefined();
    expect(first.body.data?.submitApplication.userErrors).toEqual([]);
    expect(second.body.data).toEqual(first.body.data);
    expect(await rowCounts()).toEqual({ nomads: (before.nomads ?? 0) + 1, applications: (before.applications ?? 0) + 1, documents: (before.documents ?? 0) + 3 });
    // Another key is another submission: refused, the first is still open.
    const other = await graph.request<SubmitData>(tok, SUBMIT, { input }, { 'idempotency-key': `submit-${randomUUID()}` });
    expect(other.body.data?.submitApplication.userErrors).toContainEqual(expect.objectContaining({ code: 'APPLICATION_ALREADY_OPEN' }));
  });

  it('creates the application with an 8-digit number and a 7-working-day deadline', async () => {
    const nomadId = randomUUID();
    const res = await submitAs(nomadId, validApplication());
    const payload = res.body.data?.submitApplication;
    expect(payload?.userErrors).toEqual([]);
    const app = payload?.application;
    expect(app?.number).toMatch(/^\d{8}$/);
    expect(app?.state).toBe('SUBMITTED');
    expect(app?.nomad).toMatchObject({ id: nomadId, surname: 'NURLANOV' });
    // Tue 24 Nov 2026 + 7 working days = Thu 3 Dec 2026 (no holiday in between).
    expect(app?.reviewDeadlineOn).toBe('2026-12-03');
  });

  it('takes ¥10,000,000 as about USD 67,000 and shows each amount with its currency\'s exponent', async () => {
    const nomadId = randomUUID();
    const res = await submitAs(nomadId, { ...validApplication(), declaredAnnualIncome: { amountMinor: 10_000_000, currency: 'JPY' } });
    expect(res.body.errors).toBeUndefined();
    const payload = res.body.data?.submitApplication;
    expect(payload?.userErrors).toEqual([]);
    const read = await graph.request<{ application: { declaredIncome: unknown; declaredIncomeUsd: unknown } }>(
      await token(['nomad'], { nomadId }),
      `{ application(id: "${payload?.application?.id}") { declaredIncome { amountMinor currency exponent amount } declaredIncomeUsd { amountMinor currency exponent amount } } }`,
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.application).toEqual({
      declaredIncome: { amountMinor: 10_000_000, currency: 'JPY', exponent: 0, amount: '10000000' },
      // At the seeded 0.0067 USD per yen.
      declaredIncomeUsd: { amountMinor: 6_700_000, currency: 'USD', exponent: 2, amount: '67000.00' },
    });
  });

  it('skips Kyrgyz public holidays in the review deadline, and the overdue queue follows it', async () => {
    // Tue 29 Dec 2026. Seven working days skip New Year (Fri 1 Jan 2027), the weekend and
    // Orthodox Christmas (Thu 7 Jan): Mon 11 Jan. Weekends alone would give Thu 7 Jan.
    graph.clock.set('2026-12-29T06:00:00Z');
    try {
      const res = await submitAs(randomUUID(), { ...validApplication(), requestedStartOn: '2027-01-15' });
      expect(res.body.errors).toBeUndefined();
      const payload = res.body.data?.submitApplication;
      expect(payload?.userErrors).toEqual([]);
      expect(payload?.application?.reviewDeadlineOn).toBe('2027-01-11');

      const officer = await token(['migration_officer']);
      const overdueOn = async (instant: string) => {
        graph.clock.set(instant);
        const read = await graph.request<{ application: { overdue: boolean } }>(officer, `{ application(id: "${payload?.application?.id}") { overdue } }`);
        expect(read.body.errors).toBeUndefined();
        return read.body.data?.application.overdue;
      };
      expect(await overdueOn('2027-01-08T06:00:00Z')).toBe(false);
      expect(await overdueOn('2027-01-11T06:00:00Z')).toBe(false);
      expect(await overdueOn('2027-01-12T06:00:00Z')).toBe(true);
    } finally {
      graph.clock.set('2026-11-24T06:00:00Z');
    }
  });

  it('lets the nomad withdraw, once, and refuses a stale version with CONFLICT', async () => {
    const nomadId = randomUUID();
    const tok = await token(['nomad'], { nomadId });
    const created = await graph.request<SubmitData>(tok, SUBMIT, { input: validApplication() });
    const app = created.body.data?.submitApplication.application;
    expect(app).toBeTruthy();

    const stale = await graph.request<{ withdrawApplication: { userErrors: { code: string }[] } }>(tok, WITHDRAW, {
      input: { applicationId: app?.id, expectedVersion: (app?.version ?? 0) + 5 },
    });
    expect(stale.body.data?.withdrawApplication.userErrors).toContainEqual(expect.objectContaining({ code: 'CONFLICT' }));

    const ok = await graph.request<{ withdrawApplication: { application: { state: string } | null; userErrors: unknown[] } }>(tok, WITHDRAW, {
      input: { applicationId: app?.id, expectedVersion: app?.version },
    });
    expect(ok.body.data?.withdrawApplication.userErrors).toEqual([]);
    expect(ok.body.data?.withdrawApplication.application?.state).toBe('WITHDRAWN');

    const twice = await graph.request<{ withdrawApplication: { userErrors: { code: string }[] } }>(tok, WITHDRAW, { input: { applicationId: app?.id } });
    expect(twice.body.data?.withdrawApplication.userErrors).toContainEqual(expect.objectContaining({ code: 'INVALID_TRANSITION' }));

    const other = await graph.request<{ withdrawApplication: { userErrors: { code: string }[] } }>(
      await token(['nomad'], { nomadId: randomUUID() }),
      WITHDRAW,
      { input: { applicationId: app?.id } },
    );
    expect(other.body.data?.withdrawApplication.userErrors).toContainEqual(expect.objectContaining({ code: 'APPLICATION_NOT_FOUND' }));
  });

  it('refuses submission by anyone but a nomad', async () => {
    const res = await graph.request<SubmitData>(await token(['migration_officer']), SUBMIT, { input: validApplication() });
    expect(res.body.data?.submitApplication.userErrors).toContainEqual(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
