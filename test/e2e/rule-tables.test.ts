import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import { clientOf } from '../src/faults.ts';
import { SUBMIT, validApplication, type ApplicationView, type UserErrorView } from '../src/fixtures.ts';
import * as flows from '../src/flows.ts';

/**
 * Every agency keeps its [I] rule values in a table (DOMAIN.md): an UPDATE of a row changes
 * what the running service decides, with no restart and no reload (each operation reads the
 * table; nothing caches it beyond one request).
 */

let graph: TestGraph;
let migrationOfficer: string;

beforeAll(async () => {
  graph = await startGraph({ today: '2026-11-24' });
  migrationOfficer = await token(['migration_officer']);
});
afterAll(async () => {
  await graph?.stop();
});

const client = (agency: string) => clientOf(graph, agency);

/**
 * Runs `statement` (an UPDATE or INSERT of a rule row) for the duration of `fn`, then `undo`:
 * the rule is back for the tests after this one even when `fn` fails.
 */
async function withRuleChange(agency: string, statement: string, undo: string, fn: () => Promise<void>): Promise<void> {
  const rows = await client(agency).unsafe(statement);
  expect(rows.count, statement).toBe(1);
  try {
    await fn();
  } finally {
    await client(agency).unsafe(undo);
  }
}

const gql = <T>(tok: string, query: string, variables: Record<string, unknown> = {}) => flows.gql<T>(graph, tok, query, variables);

interface Submitted {
  submitApplication: { application: ApplicationView | null; userErrors: UserErrorView[] };
}

async function submit(input = validApplication()) {
  const nomadId = randomUUID();
  const tok = await token(['nomad'], { nomadId });
  const data = await gql<Submitted>(tok, SUBMIT, { input });
  return { ...data.submitApplication, nomadId, tok };
}

describe('rule tables are read live', () => {
  it('migration: the income threshold and the public holidays', async () => {
    // The fixture declares USD 24,000 a year, above the USD 5,000 default.
    expect((await submit()).userErrors).toEqual([]);
    await withRuleChange(
      'migration',
      `update migration.rule_values set value = '{"amountMinor": 3000000, "currency": "USD"}' where key = 'min_annual_income'`,
      `update migration.rule_values set value = '{"amountMinor": 500000, "currency": "USD"}' where key = 'min_annual_income'`,
      async () => {
        const refused = await submit();
        expect(refused.application).toBeNull();
        expect(refused.userErrors.map((e) => [e.code, e.field])).toEqual([['INCOME_BELOW_THRESHOLD', 'input.declaredAnnualIncome.amountMinor']]);
      },
    );
    expect((await submit()).userErrors).toEqual([]);

    // Tue 24 Nov 2026 + 7 working days is Thu 3 Dec; a holiday decreed for Thu 26 Nov moves it to Fri 4 Dec.
    expect((await submit()).application?.reviewDeadlineOn).toBe('2026-12-03');
    await withRuleChange(
      'migration',
      `insert into migration.public_holidays (day, name) values ('2026-11-26', 'Holiday decreed in a test')`,
      `delete from migration.public_holidays where day = '2026-11-26'`,
      async () => {
        expect((await submit()).application?.reviewDeadlineOn).toBe('2026-12-04');
      },
    );
  });

  it("labor: the days after a quarter by which its activity report is due", async () => {
    const FILE = 'mutation R($input: FileActivityReportInput!) { fileActivityReport(input: $input) { activityReport { late period { dueOn } } userErrors { code field message } } }';
    const report = { period: { year: 2026, quarter: 4 }, activityCode: 'SOFTWARE_DEVELOPMENT', clients: [{ country: 'DEU' }], income: { amountMinor: 600_000, currency: 'USD' } };
    const holder = () => flows.statusHolder(graph, migrationOfficer);
    type Filed = { fileActivityReport: { activityReport: { late: boolean; period: { dueOn: string } } | null; userErrors: UserErrorView[] } };
    const before = await holder();
    const usual = await gql<Filed>(before.tok, FILE, { input: report });
    expect(usual.fileActivityReport.userErrors).toEqual([]);
    expect(usual.fileActivityReport.activityReport?.period.dueOn).toBe('2027-01-30');

    const after = await holder();
    await withRuleChange(
      'labor',
      `update labor.rule_values set value = '45'::jsonb where key = 'report_due_days'`,
      `update labor.rule_values set value = '30'::jsonb where key = 'report_due_days'`,
      async () => {
        const longer = await gql<Filed>(after.tok, FILE, { input: report });
        expect(longer.fileActivityReport.userErrors).toEqual([]);
        expect(longer.fileActivityReport.activityReport?.period.dueOn).toBe('2027-02-14');
      },
    );
  });

  it('tax: the rate of a regime', async () => {
    const taxOfficer = await token(['tax_officer']);
    const nomadId = randomUUID();
    // Sex digit 1, born 12 April 1990, serial 00417: a PIN as ZHAAK writes it.
    const registered = await gql<{ registerIndividualEntrepreneur: { registration: { state: string } | null; userErrors: UserErrorView[] } }>(
      taxOfficer,
      'mutation G($input: RegisterIndividualEntrepreneurInput!) { registerIndividualEntrepreneur(input: $input) { registration { state } userErrors { code field message } } }',
      { input: { nomadId, pin: '11204199000417' } },
    );
    expect(registered.registerIndividualEntrepreneur.userErrors).toEqual([]);
    const FILE = 'mutation F($input: FileTaxDeclarationInput!) { fileTaxDeclaration(input: $input) { declaration { period taxDue { amountMinor } } userErrors { code field message } } }';
    type Filed = { fileTaxDeclaration: { declaration: { period: string; taxDue: { amountMinor: number } } | null; userErrors: UserErrorView[] } };
    const income = { amountMinor: 600_000, currency: 'USD' };
    const q3 = await gql<Filed>(taxOfficer, FILE, { input: { nomadId, period: '2026-Q3', income } });
    expect(q3.fileTaxDeclaration.userErrors).toEqual([]);
    // 4 % (400 basis points) of USD 6,000.00.
    expect(q3.fileTaxDeclaration.declaration?.taxDue.amountMinor).toBe(24_000);

    await withRuleChange(
      'tax',
      `update tax.regimes set rate_basis_points = 650 where code = 'SIMPLIFIED_SINGLE_TAX'`,
      `update tax.regimes set rate_basis_points = 400 where code = 'SIMPLIFIED_SINGLE_TAX'`,
      async () => {
        const q2 = await gql<Filed>(taxOfficer, FILE, { input: { nomadId, period: '2026-Q2', income } });
        expect(q2.fileTaxDeclaration.userErrors).toEqual([]);
        expect(q2.fileTaxDeclaration.declaration?.taxDue.amountMinor).toBe(39_000);
        const regimes = await gql<{ taxRegimes: { code: string; rateBasisPoints: number }[] }>(taxOfficer, '{ taxRegimes { code rateBasisPoints } }');
        expect(regimes.taxRegimes).toContainEqual({ code: 'SIMPLIFIED_SINGLE_TAX', rateBasisPoints: 650 });
      },
    );
    // A declaration keeps the rate it was filed under.
    const kept = await gql<{ taxRegistration: { declarations: { edges: { node: { period: string; taxDue: { amountMinor: number } } }[] } } }>(
      taxOfficer,
      'query D($pin: String) { taxRegistration(pin: $pin) { declarations(first: 10) { edges { node { period taxDue { amountMinor } } } } } }',
      { pin: '11204199000417' },
    );
    // Newest period first.
    expect(kept.taxRegistration.declarations.edges.map((e) => e.node)).toEqual([
      { period: '2026-Q3', taxDue: { amountMinor: 24_000 } },
      { period: '2026-Q2', taxDue: { amountMinor: 39_000 } },
    ]);
  });

  it("security: the months the decree gives GKNB's technical measures", async () => {
    const officer = await token(['security_officer'], { sub: 'gknb:rules' });
    const CREATE = 'mutation M($input: CreateTechnicalMeasureInput!) { createTechnicalMeasure(input: $input) { measure { dueOn ownDueOn } userErrors { code field message } } }';
    type Created = { createTechnicalMeasure: { measure: { dueOn: string; ownDueOn: string | null } | null; userErrors: UserErrorView[] } };
    const measure = { title: 'Log retention for the e-visa portal', responsibleUnit: 'Technical service', dueOn: '2025-08-01' };
    const deadline = async () => (await gql<{ technicalMeasuresDueOn: string }>(officer, '{ technicalMeasuresDueOn }')).technicalMeasuresDueOn;

    // The decree took effect on 15 May 2025; two months later is 15 July.
    expect(await deadline()).toBe('2025-07-15');
    const late = await gql<Created>(officer, CREATE, { input: measure });
    expect(late.createTechnicalMeasure.userErrors.map((e) => [e.code, e.field])).toEqual([['DUE_DATE_AFTER_DECREE_DEADLINE', 'input.dueOn']]);

    await withRuleChange(
      'security',
      `update security.rules set value = '3'::jsonb where key = 'measures_due_months'`,
      `update security.rules set value = '2'::jsonb where key = 'measures_due_months'`,
      async () => {
        expect(await deadline()).toBe('2025-08-15');
        const created = await gql<Created>(officer, CREATE, { input: measure });
        expect(created.createTechnicalMeasure.userErrors).toEqual([]);
        expect(created.createTechnicalMeasure.measure).toEqual({ dueOn: '2025-08-01', ownDueOn: '2025-08-01' });
      },
    );
    expect(await deadline()).toBe('2025-07-15');
  });
});
