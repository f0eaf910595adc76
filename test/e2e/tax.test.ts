import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema as taxSchema, type CampaignRunner, type TaxSchema } from '@nomad/tax';
import type { Database } from '@nomad/kit';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import { clientOf } from '../src/faults.ts';
import { ACTIONS, FIXTURE_PIN, SUBMIT, validApplication, type ApplicationView, type UserErrorView } from '../src/fixtures.ts';

const TODAY = '2026-11-24';
let graph: TestGraph;
let migrationOfficer: string;
let taxOfficer: string;

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  migrationOfficer = await token(['migration_officer']);
  taxOfficer = await token(['tax_officer'], { name: 'Officer Toktogulova' });
});
afterAll(async () => {
  await graph?.stop();
});

function taxDb(): Database<TaxSchema> {
  const tax = graph.agencies.tax;
  if (!tax) throw new Error('the harness did not start tax');
  return tax.database as unknown as Database<TaxSchema>;
}

function campaigns(): CampaignRunner {
  return graph.agencies.tax?.extras.campaigns as CampaignRunner;
}

async function gql<T>(tok: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await graph.request<T>(tok, query, variables);
  expect(res.body.errors, res.text).toBeUndefined();
  if (!res.body.data) throw new Error(res.text);
  return res.body.data;
}

async function act(name: keyof typeof ACTIONS, input: Record<string, unknown>) {
  const data = await gql<Record<string, { application: ApplicationView | null; userErrors: UserErrorView[] }>>(migrationOfficer, ACTIONS[name], { input });
  const payload = data[name];
  expect(payload?.userErrors).toEqual([]);
  return payload?.application;
}

/** A nomad through the whole migration procedure: submitted, reviewed, cleared by GKNB, approved. */
async function approvedNomad() {
  const nomadId = randomUUID();
  const nomadToken = await token(['nomad'], { nomadId });
  const submitted = await graph.request<{ submitApplication: { application: ApplicationView | null } }>(nomadToken, SUBMIT, { input: validApplication() });
  const app = submitted.body.data?.submitApplication.application;
  if (!app) throw new Error(`submit failed: ${submitted.text}`);
  await act('startReview', { applicationId: app.id });
  expect(
    await graph.deliverToMigration('ScreeningConcluded', app.id, { applicationId: app.id, screeningId: randomUUID(), outcome: 'CLEARED', concludedAt: new Date().toISOString() }),
  ).toBe(200);
  const approved = await act('approveApplication', { applicationId: app.id });
  return { nomadId, nomadToken, pin: approved?.nomad.pin ?? null };
}

const REGISTRATION_FIELDS = 'id pin state firstRegistration registeredOn lastReregisteredOn regime { code rateBasisPoints } history { kind actor campaignId } version';

interface RegistrationView {
  id: string;
  pin: string;
  state: string;
  firstRegistration: boolean;
  registeredOn: string | null;
  lastReregisteredOn: string | null;
  regime: { code: string; rateBasisPoints: number };
  history: { kind: string; actor: string; campaignId: string | null }[];
  version: number;
}

describe('tax: from approval to the register', () => {
  let nomad: Awaited<ReturnType<typeof approvedNomad>>;

  it('approving in migration queues the IE in tax with no other call', async () => {
    nomad = await approvedNomad();
    expect(nomad.pin).toMatch(FIXTURE_PIN);
    await graph.flushEvents();
    const data = await gql<{ taxRegistration: RegistrationView | null }>(taxOfficer, `query($pin: String) { taxRegistration(pin: $pin) { ${REGISTRATION_FIELDS} } }`, { pin: nomad.pin });
    expect(data.taxRegistration).toMatchObject({ pin: nomad.pin, state: 'PENDING_REREGISTRATION', firstRegistration: true, registeredOn: null, regime: { code: 'SIMPLIFIED_SINGLE_TAX' }, history: [] });
  });

  it('the campaign re-registers it, once, and reports its progress', async () => {
    const start = await gql<{ startReregistrationCampaign: { campaign: { id: string; progress: { total: number } } | null; resumed: boolean; userErrors: UserErrorView[] } }>(
      taxOfficer,
      'mutation { startReregistrationCampaign(input: { batchSize: 10 }) { campaign { id progress { total } } resumed userErrors { code } } }',
    );
    expect(start.startReregistrationCampaign).toMatchObject({ resumed: false, userErrors: [], campaign: { progress: { total: 1 } } });
    await campaigns().idle();
    const id = start.startReregistrationCampaign.campaign?.id;
    const progress = await gql<{ reregistrationCampaign: { state: string; progress: Record<string, number>; failures: { edges: unknown[] } } }>(
      taxOfficer,
      'query($id: ID!) { reregistrationCampaign(id: $id) { state progress { total done pending failed } failures { edges { node { reason } } } } }',
      { id },
    );
    expect(progress.reregistrationCampaign).toEqual({ state: 'COMPLETED', progress: { total: 1, done: 1, pending: 0, failed: 0 }, failures: { edges: [] } });
  });

  it('one gateway query shows the status (migration) and the registration (tax) together', async () => {
    const data = await gql<{ me: { id: string; pin: string; status: { state: string }; taxRegistration: RegistrationView } }>(
      nomad.nomadToken,
      `{ me { id pin status { state validUntil } taxRegistration { ${REGISTRATION_FIELDS} } } }`,
    );
    expect(data.me).toMatchObject({ id: nomad.nomadId, pin: nomad.pin, status: { state: 'ACTIVE' } });
    expect(data.me.taxRegistration).toMatchObject({ state: 'REREGISTERED', firstRegistration: false, registeredOn: TODAY, lastReregisteredOn: TODAY });
    expect(data.me.taxRegistration.history).toEqual([{ kind: 'REGISTERED', actor: 'campaign', campaignId: expect.any(String) as unknown }]);
  });

  it('a nomad files their own declaration; a second for the period is refused; arrears follow payments', async () => {
    const FILE = 'mutation($input: FileTaxDeclarationInput!) { fileTaxDeclaration(input: $input) { declaration { id period income { amountMinor currency } taxDue { amountMinor } dueOn inArrears } userErrors { code field } } }';
    const filed = await gql<{ fileTaxDeclaration: { declaration: { id: string; taxDue: { amountMinor: number }; dueOn: string; inArrears: boolean } | null; userErrors: UserErrorView[] } }>(
      nomad.nomadToken,
      FILE,
      { input: { period: '2026-Q3', income: { amountMinor: 600_000, currency: 'USD' } } },
    );
    expect(filed.fileTaxDeclaration.userErrors).toEqual([]);
    // 4 % of USD 6,000.00, due on the 25th of the month after the quarter: already late.
    expect(filed.fileTaxDeclaration.declaration).toMatchObject({ taxDue: { amountMinor: 24_000 }, dueOn: '2026-10-25', inArrears: true });
    const again = await gql<{ fileTaxDeclaration: { declaration: null; userErrors: UserErrorView[] } }>(nomad.nomadToken, FILE, {
      input: { period: '2026-Q3', income: { amountMinor: 1, currency: 'USD' } },
    });
    expect(again.fileTaxDeclaration).toMatchObject({ declaration: null, userErrors: [{ code: 'DECLARATION_ALREADY_FILED', field: 'input.period' }] });
    const notEnded = await gql<{ fileTaxDeclaration: { userErrors: UserErrorView[] } }>(nomad.nomadToken, FILE, { input: { period: '2026-Q4', income: { amountMinor: 1, currency: 'USD' } } });
    expect(notEnded.fileTaxDeclaration.userErrors.map((e) => e.code)).toEqual(['PERIOD_NOT_ENDED']);
    // Three capitals are not enough: the code must be one ISO 4217 lists (its exponent is known).
    const unknown = await gql<{ fileTaxDeclaration: { userErrors: UserErrorView[] } }>(nomad.nomadToken, FILE, { input: { period: '2026-Q3', income: { amountMinor: 1, currency: 'ABC' } } });
    expect(unknown.fileTaxDeclaration.userErrors).toContainEqual({ code: 'INVALID_CURRENCY', field: 'input.income.currency' });

    const declarationId = filed.fileTaxDeclaration.declaration?.id;
    const PAY = 'mutation($input: RecordTaxPaymentInput!) { recordTaxPayment(input: $input) { declaration { balance { amountMinor } inArrears } userErrors { code } } }';
    const partial = await gql<{ recordTaxPayment: { declaration: { balance: { amountMinor: number }; inArrears: boolean } } }>(taxOfficer, PAY, {
      input: { declarationId, amount: { amountMinor: 20_000, currency: 'USD' }, paidOn: TODAY },
    });
    expect(partial.recordTaxPayment.declaration).toEqual({ balance: { amountMinor: 4_000 }, inArrears: true });
    const arrears = await gql<{ taxArrears: { edges: { node: { id: string } }[] } }>(taxOfficer, '{ taxArrears(first: 50) { edges { node { id } } } }');
    expect(arrears.taxArrears.edges.map((e) => e.node.id)).toContain(declarationId);
    const wrongCurrency = await gql<{ recordTaxPayment: { userErrors: UserErrorView[] } }>(taxOfficer, PAY, { input: { declarationId, amount: { amountMinor: 4_000, currency: 'EUR' }, paidOn: TODAY } });
    expect(wrongCurrency.recordTaxPayment.userErrors.map((e) => e.code)).toEqual(['CURRENCY_MISMATCH']);
    await gql(taxOfficer, PAY, { input: { declarationId, amount: { amountMinor: 4_000, currency: 'USD' }, paidOn: TODAY } });
    const after = await gql<{ taxArrears: { edges: { node: { id: string } }[] } }>(taxOfficer, '{ taxArrears(first: 50) { edges { node { id } } } }');
    expect(after.taxArrears.edges.map((e) => e.node.id)).not.toContain(declarationId);
  });

  it('officer transitions are refused as data and write nothing', async () => {
    const reg = await gql<{ taxRegistration: RegistrationView }>(taxOfficer, `query($pin: String) { taxRegistration(pin: $pin) { ${REGISTRATION_FIELDS} } }`, { pin: nomad.pin });
    const DEREGISTER = 'mutation($input: TaxRegistrationActionInput!) { deregisterIndividualEntrepreneur(input: $input) { registration { state } userErrors { code } } }';
    const wrongState = await gql<{ deregisterIndividualEntrepreneur: { userErrors: UserErrorView[] } }>(taxOfficer, DEREGISTER, { input: { registrationId: reg.taxRegistration.id } });
    expect(wrongState.deregisterIndividualEntrepreneur.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
    const CHANGE = 'mutation($input: ChangeTaxRegimeInput!) { changeTaxRegime(input: $input) { registration { regime { code } version } userErrors { code } } }';
    const stale = await gql<{ changeTaxRegime: { userErrors: UserErrorView[] } }>(taxOfficer, CHANGE, { input: { registrationId: reg.taxRegistration.id, expectedVersion: reg.taxRegistration.version - 1, regimeCode: 'GENERAL' } });
    expect(stale.changeTaxRegime.userErrors.map((e) => e.code)).toEqual(['CONFLICT']);
    const REGISTER = 'mutation($input: RegisterIndividualEntrepreneurInput!) { registerIndividualEntrepreneur(input: $input) { registration { id } userErrors { code field } } }';
    const noPin = await gql<{ registerIndividualEntrepreneur: { userErrors: UserErrorView[] } }>(taxOfficer, REGISTER, { input: { nomadId: randomUUID() } });
    expect(noPin.registerIndividualEntrepreneur.userErrors).toEqual([{ code: 'NO_PIN', field: 'input.pin' }]);
    const twice = await gql<{ registerIndividualEntrepreneur: { userErrors: UserErrorView[] } }>(taxOfficer, REGISTER, { input: { nomadId: nomad.nomadId, pin: nomad.pin } });
    expect(twice.registerIndividualEntrepreneur.userErrors.map((e) => e.code)).toEqual(['ALREADY_REGISTERED']);
  });

  it('a revocation in migration queues the deregistration', async () => {
    const revoke = await gql<{ revokeStatus: { userErrors: UserErrorView[] } }>(
      migrationOfficer,
      'mutation($input: RevokeStatusInput!) { revokeStatus(input: $input) { userErrors { code } } }',
      { input: { nomadId: nomad.nomadId, ground: 'ACTIVITY_ENDED' } },
    );
    expect(revoke.revokeStatus.userErrors).toEqual([]);
    await graph.flushEvents();
    const data = await gql<{ taxRegistration: { state: string } }>(taxOfficer, 'query($pin: String) { taxRegistration(pin: $pin) { state } }', { pin: nomad.pin });
    expect(data.taxRegistration.state).toBe('DEREGISTRATION_PENDING');
  });
});

describe('tax: family members', () => {
  it("registers the principal's IE from the grant, and none for an approved dependant (DependantAdded, DependantGranted never reach tax; one sent all the same is refused)", async () => {
    const principal = await approvedNomad();
    await graph.flushEvents();
    const added = await gql<{ addDependant: { dependant: { id: string } | null; userErrors: UserErrorView[] } }>(
      principal.nomadToken,
      'mutation A($input: AddDependantInput!) { addDependant(input: $input) { dependant { id } userErrors { code field message } } }',
      {
        input: {
          relation: 'CHILD', surname: 'Taxfree', givenNames: 'Child', dateOfBirth: '2016-04-04', sex: 'MALE', citizenship: 'KAZ',
          passport: { country: 'KAZ', number: `T${randomUUID().slice(0, 8).toUpperCase()}`, expiresOn: '2031-01-01' },
          documents: [{ kind: 'BIRTH_CERTIFICATE', fileName: 'certificate.pdf', language: 'ru' }],
        },
      },
    );
    expect(added.addDependant.userErrors).toEqual([]);
    const dependantId = added.addDependant.dependant?.id;
    if (!dependantId) throw new Error('no dependant');
    const approved = await gql<{ approveDependant: { userErrors: UserErrorView[] } }>(
      migrationOfficer,
      'mutation P($input: DependantDecisionInput!) { approveDependant(input: $input) { userErrors { code field message } } }',
      { input: { dependantId } },
    );
    expect(approved.approveDependant.userErrors).toEqual([]);
    await graph.flushEvents();

    const migration = clientOf(graph, 'migration');
    const tax = clientOf(graph, 'tax');
    const [dependant] = await migration<{ pin: string | null }[]>`select pin from migration.dependants where id = ${dependantId}`;
    expect(dependant?.pin).toMatch(/^[12][0-9]{13}$/);
    // Migration wrote both facts of the family member, and delivered them to no one in tax.
    const facts = await migration<{ type: string; subscribers: string[] }[]>`
      select o.type, coalesce(array_agg(d.subscriber) filter (where d.subscriber is not null), '{}') as subscribers
      from migration.outbox o left join migration.outbox_deliveries d on d.event_id = o.id
      where o.aggregate_id = ${dependantId} group by o.type, o.seq order by o.seq`;
    expect(facts.map((f) => f.type)).toEqual(['DependantAdded', 'DependantGranted']);
    for (const fact of facts) expect(fact.subscribers, fact.type).not.toContain('tax');
    expect(await tax`select event_id from tax.inbox where aggregate_id = ${dependantId}`).toEqual([]);

    // Sent to tax all the same (signed by migration), the grant of a dependant is refused and creates nothing.
    const granted = { dependantId, principalId: principal.nomadId, pin: dependant?.pin, relation: 'CHILD', grantedOn: TODAY, validUntil: '2027-01-22' };
    const status = await graph.deliverFromMigration('tax', 'DependantGranted', dependantId, granted);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);

    // The principal's grant registered the principal; the family member has no registration, by id or PIN.
    const registrations = await tax<{ nomad_id: string; pin: string }[]>`
      select nomad_id, pin from tax.registrations where nomad_id in (${principal.nomadId}, ${dependantId}) or pin in (${principal.pin ?? ''}, ${dependant?.pin ?? ''})`;
    expect(registrations).toEqual([{ nomad_id: principal.nomadId, pin: principal.pin }]);
  });
});

describe('tax: who sees what', () => {
  it('analysts get aggregates, never a registration or a PIN; reads of PINs are logged', async () => {
    const analyst = await token(['analyst']);
    const agg = await gql<{ taxAggregates: { disclosure: { minCellSize: number; countRoundingBase: number }; registrations: number; byState: { state: string; count: number }[] } }>(
      analyst,
      '{ taxAggregates { disclosure { minCellSize countRoundingBase } registrations byState { state count } byRegime { regime { code } count } declarationsByCurrency { currency declarations income { amountMinor } inArrears } } }',
    );
    // This graph's register is a handful of IEs: the count comes rounded and no state holds k of them.
    const [exact] = await taxDb().db.select({ n: count() }).from(taxSchema.registrations);
    expect(exact?.n).toBeGreaterThan(0);
    const base = agg.taxAggregates.disclosure.countRoundingBase;
    expect(agg.taxAggregates.registrations).toBe(Math.floor((exact?.n ?? 0) / base + 0.5) * base);
    expect(agg.taxAggregates.byState.filter((s) => s.count < agg.taxAggregates.disclosure.minCellSize)).toEqual([]);
    const refused = await graph.request(analyst, '{ taxRegistrations(first: 5) { edges { node { pin } } } }');
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await token(['nomad'], { nomadId: randomUUID() });
    const [before] = await taxDb().db.select({ n: count() }).from(taxSchema.accessRecords);
    const list = await gql<{ taxRegistrations: { edges: { node: { pin: string } }[] } }>(taxOfficer, '{ taxRegistrations(first: 5) { edges { node { pin } } } }');
    const [after] = await taxDb().db.select({ n: count() }).from(taxSchema.accessRecords);
    expect(list.taxRegistrations.edges.length).toBeGreaterThan(0);
    expect((after?.n ?? 0) - (before?.n ?? 0)).toBe(list.taxRegistrations.edges.length);
    const foreign = await graph.request(other, `{ taxRegistration(pin: "${list.taxRegistrations.edges[0]?.node.pin ?? ''}") { pin } }`);
    expect(foreign.body.errors).toBeUndefined();
    expect(foreign.body.data).toEqual({ taxRegistration: null });
  });
});
