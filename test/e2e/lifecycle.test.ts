import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runMaintenance, schema, ZhaakError, embeddedZhaak } from '@nomad/migration';
import { startGraph, token, type GraphResponse, type TestGraph } from '../src/harness.ts';
import {
  ACTIONS,
  FIXTURE_PIN,
  STATUS_ACTIONS,
  STATUS_FIELDS,
  SUBMIT,
  validApplication,
  type ApplicationView,
  type StatusView,
  type UserErrorView,
} from '../src/fixtures.ts';

const TODAY = '2026-11-24';
let graph: TestGraph;
let officer: string;

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  officer = await token(['migration_officer'], { name: 'Officer Asanov' });
});
afterAll(async () => {
  await graph?.stop();
});
beforeEach(() => {
  graph.clock.set(`${TODAY}T06:00:00Z`);
  graph.zhaak.current = embeddedZhaak(graph.migration.database.db);
});

type ActionName = keyof typeof ACTIONS;
type StatusActionName = keyof typeof STATUS_ACTIONS;

async function act(name: ActionName, tok: string, input: Record<string, unknown>, headers?: Record<string, string>) {
  const res = await graph.request<Record<string, { application: ApplicationView | null; userErrors: UserErrorView[] }>>(tok, ACTIONS[name], { input }, headers);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  const payload = res.body.data?.[name];
  if (!payload) throw new Error(`no payload for ${name}: ${res.text}`);
  return payload;
}

async function statusAct(name: StatusActionName, input: Record<string, unknown>) {
  const res = await graph.request<Record<string, { nomad: { id: string; status: StatusView | null } | null; userErrors: UserErrorView[] }>>(officer, STATUS_ACTIONS[name], { input });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  const payload = res.body.data?.[name];
  if (!payload) throw new Error(`no payload for ${name}: ${res.text}`);
  return payload;
}

async function submit(nomadId = randomUUID(), overrides: Parameters<typeof validApplication>[0] = {}) {
  const tok = await token(['nomad'], { nomadId });
  const res = await graph.request<{ submitApplication: { application: ApplicationView | null; userErrors: UserErrorView[] } }>(tok, SUBMIT, { input: validApplication(overrides) });
  const app = res.body.data?.submitApplication.application;
  if (!app) throw new Error(`submit failed: ${res.text}`);
  return { app, nomadId, tok };
}

/** GKNB's conclusion of the application's screening, as its relay delivers it; the payload, to send again. */
async function clear(applicationId: string, outcome: 'CLEARED' | 'FLAGGED' = 'CLEARED') {
  const screening = { applicationId, screeningId: randomUUID(), outcome, concludedAt: new Date().toISOString() };
  const status = await graph.deliverToMigration('ScreeningConcluded', applicationId, screening);
  expect(status).toBe(200);
  return screening;
}

/** Submitted, in review and cleared by security: ready for a decision. */
async function readyForDecision(nomadId = randomUUID()) {
  const s = await submit(nomadId);
  const reviewed = await act('startReview', officer, { applicationId: s.app.id });
  expect(reviewed.userErrors).toEqual([]);
  const screening = await clear(s.app.id);
  return { ...s, screening };
}

async function statusOf(nomadId: string, date?: string): Promise<StatusView | null> {
  const field = date ? `statusOn(date: "${date}")` : 'status';
  const res = await graph.request<{ nomad: { s: StatusView | null } }>(officer, `{ nomad(id: "${nomadId}") { s: ${field} { ${STATUS_FIELDS} } } }`);
  expect(res.body.errors).toBeUndefined();
  return res.body.data?.nomad.s ?? null;
}

async function outboxTypes(aggregateId?: string): Promise<string[]> {
  const { db } = graph.migration.database;
  const rows = await db
    .select({ type: schema.outbox.type })
    .from(schema.outbox)
    .where(aggregateId ? eq(schema.outbox.aggregateId, aggregateId) : undefined)
    .orderBy(schema.outbox.occurredAt);
  return rows.map((r) => r.type);
}

describe('application life cycle', () => {
  it('submit → return → resubmit → approve (PIN) → extend → renew … → the 10-year ceiling refuses', async () => {
    // A passport that outlives ten years of status: each extension and renewal checks it.
    const { app, nomadId, tok } = await submit(randomUUID(), { passportExpiresOn: '2040-01-31' });
    expect(await outboxTypes(app.id)).toEqual(['ApplicationSubmitted']);

    expect((await act('startReview', officer, { applicationId: app.id, expectedVersion: app.version })).application?.state).toBe('UNDER_REVIEW');
    const returned = await act('returnForCorrection', officer, {
      applicationId: app.id,
      corrections: [{ field: 'documents', message: 'Add a bank statement for the last 12 months.' }],
    });
    expect(returned.application).toMatchObject({ state: 'RETURNED_FOR_CORRECTION', correctionDeadlineOn: '2026-12-24' });
    expect(returned.application?.corrections).toEqual([{ field: 'documents', message: 'Add a bank statement for the last 12 months.' }]);

    graph.clock.set('2026-12-01T06:00:00Z');
    const resubmitted = await act('resubmitApplication', tok, {
      applicationId: app.id,
      documents: [{ kind: 'BANK_STATEMENT', fileName: 'bank-2026.pdf', language: 'ru' }],
    });
    expect(resubmitted.userErrors).toEqual([]);
    // A complete resubmission starts a new review period: 1 Dec 2026 + 7 working days.
    expect(resubmitted.application).toMatchObject({ state: 'SUBMITTED', reviewDeadlineOn: '2026-12-10', corrections: null });

    await act('startReview', officer, { applicationId: app.id });
    await clear(app.id);
    const approved = await act('approveApplication', officer, { applicationId: app.id, note: 'All in order.' });
    expect(approved.userErrors).toEqual([]);
    expect(approved.application?.state).toBe('APPROVED');
    expect(approved.application?.nomad.pin).toMatch(FIXTURE_PIN);
    expect(await outboxTypes(nomadId)).toEqual(['StatusGranted']);

    let status = await statusOf(nomadId);
    expect(status).toMatchObject({ state: 'ACTIVE', period: { kind: 'INITIAL_60_DAYS', validFrom: '2026-12-01', validUntil: '2027-01-29' }, ceilingOn: '2036-11-30' });

    const extended = await statusAct('extendStatus', { nomadId });
    expect(extended.userErrors).toEqual([]);
    expect(extended.nomad?.status?.validUntil).toBe('2028-01-29');
    expect((await statusAct('extendStatus', { nomadId })).userErrors[0]?.code).toBe('INVALID_TRANSITION');

    const untils: string[] = [];
    for (let i = 0; i < 8; i++) {
      // Each renewal inside its window: the status ends on 29 January, the window opens 60 days before.
      graph.clock.set(`${2028 + i}-01-01T06:00:00Z`);
      const renewed = await statusAct('renewStatus', { nomadId });
      expect(renewed.userErrors, `renewal ${i + 1}`).toEqual([]);
      untils.push(renewed.nomad?.status?.validUntil ?? '');
    }
    expect(untils.at(-1)).toBe('2036-01-29');
    graph.clock.set('2036-01-01T06:00:00Z');
    const refused = await statusAct('renewStatus', { nomadId });
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'STATUS_CEILING_REACHED', field: 'input.nomadId' })]);
    status = await statusOf(nomadId);
    expect(status?.validUntil).toBe('2036-01-29');
    expect(await outboxTypes(nomadId)).toEqual(['StatusGranted', ...Array<string>(9).fill('StatusExtended')]);

    // The history keeps every grant; status on a past day is derivable.
    const history = await graph.request<{ nomad: { statusHistory: { kind: string }[]; statusPeriods: { kind: string }[] } }>(
      officer,
      `{ nomad(id: "${nomadId}") { statusHistory { kind } statusPeriods { kind } } }`,
    );
    expect(history.body.errors).toBeUndefined();
    expect(history.body.data?.nomad.statusHistory.map((e) => e.kind)).toEqual(['GRANTED', 'EXTENDED', ...Array<string>(8).fill('RENEWED')]);
    expect((await statusOf(nomadId, '2026-11-30'))).toBeNull();
    expect((await statusOf(nomadId, '2027-06-01'))?.period.kind).toBe('EXTENSION_1_YEAR');
  });

  it('refuses with a ground from the closed list', async () => {
    const { app } = await readyForDecision();
    const noGround = await graph.request(officer, ACTIONS.refuseApplication, { input: { applicationId: app.id } });
    expect(noGround.status).toBe(400);
    const refused = await act('refuseApplication', officer, { applicationId: app.id, ground: 'FALSE_DOCUMENTS', note: 'Contract signature forged.' });
    expect(refused.application).toMatchObject({ state: 'REFUSED', refusalGround: 'FALSE_DOCUMENTS' });
  });

  it('lets the applicant withdraw while under review', async () => {
    const { app, tok } = await readyForDecision();
    expect((await act('withdrawApplication', tok, { applicationId: app.id })).application?.state).toBe('WITHDRAWN');
  });

  it('cancels a returned application when the correction window lapses', async () => {
    const { app, tok } = await submit();
    await act('startReview', officer, { applicationId: app.id });
    await act('returnForCorrection', officer, { applicationId: app.id, corrections: [{ message: 'Photo missing.' }] });

    graph.clock.set('2026-12-25T06:00:00Z');
    const late = await act('resubmitApplication', tok, { applicationId: app.id });
    expect(late.userErrors).toEqual([expect.objectContaining({ code: 'CORRECTION_WINDOW_CLOSED' })]);

    const result = await runMaintenance(graph.migration.database.db, { clock: graph.clock, zhaak: graph.zhaak.current });
    expect(result.cancelled).toBeGreaterThanOrEqual(1);
    const after = await graph.request<{ application: { state: string } }>(officer, `{ application(id: "${app.id}") { state } }`);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.application.state).toBe('CANCELLED');
    const again = await act('resubmitApplication', tok, { applicationId: app.id });
    expect(again.userErrors[0]?.code).toBe('INVALID_TRANSITION');
  });

  it('takes a resubmission on the last day of the correction window (Bishkek time) and refuses it the day after', async () => {
    const onTime = await submit();
    const late = await submit();
    for (const s of [onTime, late]) {
      expect((await act('startReview', officer, { applicationId: s.app.id })).userErrors).toEqual([]);
      const returned = await act('returnForCorrection', officer, { applicationId: s.app.id, corrections: [{ message: 'Photo missing.' }] });
      expect(returned.application?.correctionDeadlineOn).toBe('2026-12-24');
    }
    const stateOf = async (id: string) => {
      const res = await graph.request<{ application: { state: string } }>(officer, `{ application(id: "${id}") { state } }`);
      expect(res.body.errors).toBeUndefined();
      return res.body.data?.application.state;
    };

    // 23:59 on 24 December in Bishkek (UTC+6): still the last day. The sweep cancels neither.
    graph.clock.set('2026-12-24T17:59:00Z');
    await runMaintenance(graph.migration.database.db, { clock: graph.clock, zhaak: graph.zhaak.current });
    expect(await stateOf(onTime.app.id)).toBe('RETURNED_FOR_CORRECTION');
    expect(await stateOf(late.app.id)).toBe('RETURNED_FOR_CORRECTION');
    const accepted = await act('resubmitApplication', onTime.tok, { applicationId: onTime.app.id });
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.application).toMatchObject({ state: 'SUBMITTED', correctionDeadlineOn: null });

    // One minute later it is 25 December in Bishkek: the window has closed.
    graph.clock.set('2026-12-24T18:00:00Z');
    const refused = await act('resubmitApplication', late.tok, { applicationId: late.app.id });
    expect(refused.application).toBeNull();
    expect(refused.userErrors).toEqual([{ code: 'CORRECTION_WINDOW_CLOSED', field: 'input.applicationId', message: 'The correction window closed on 2026-12-24.' }]);
    expect(await stateOf(late.app.id)).toBe('RETURNED_FOR_CORRECTION');
    expect(await stateOf(onTime.app.id)).toBe('SUBMITTED');
  });

  it('suspends, reinstates, revokes with a 15-day exit deadline', async () => {
    const { app, nomadId } = await readyForDecision();
    expect((await act('approveApplication', officer, { applicationId: app.id })).userErrors).toEqual([]);

    const noReason = await statusAct('suspendStatus', { nomadId, reason: '  ' });
    expect(noReason.userErrors[0]).toMatchObject({ code: 'REASON_REQUIRED', field: 'input.reason' });
    expect((await statusAct('suspendStatus', { nomadId, reason: 'Under investigation.' })).nomad?.status?.state).toBe('SUSPENDED');
    expect((await statusAct('extendStatus', { nomadId })).userErrors[0]?.code).toBe('INVALID_TRANSITION');
    expect((await statusAct('suspendStatus', { nomadId, reason: 'Again.' })).userErrors[0]?.code).toBe('INVALID_TRANSITION');
    expect((await statusAct('reinstateStatus', { nomadId })).nomad?.status?.state).toBe('ACTIVE');
    expect((await statusAct('reinstateStatus', { nomadId })).userErrors[0]?.code).toBe('INVALID_TRANSITION');

    graph.clock.set('2026-12-10T06:00:00Z');
    const revoked = await statusAct('revokeStatus', { nomadId, ground: 'RULES_BREACH', reason: 'Works for a local company.' });
    expect(revoked.nomad?.status).toMatchObject({ state: 'REVOKED', revokedOn: '2026-12-10', exitDeadlineOn: '2026-12-25' });
    expect((await statusAct('revokeStatus', { nomadId, ground: 'RULES_BREACH' })).userErrors[0]?.code).toBe('INVALID_TRANSITION');
    expect((await statusAct('reinstateStatus', { nomadId })).userErrors[0]?.code).toBe('INVALID_TRANSITION');
    // History is never overwritten: the day before the revocation the status was active.
    expect((await statusOf(nomadId, '2026-12-09'))?.state).toBe('ACTIVE');
    expect(await outboxTypes(nomadId)).toEqual(['StatusGranted', 'StatusSuspended', 'StatusReinstated', 'StatusRevoked']);
  });

  it('revokes a suspended status, with the 15-day exit deadline', async () => {
    const { app, nomadId } = await readyForDecision();
    expect((await act('approveApplication', officer, { applicationId: app.id })).userErrors).toEqual([]);
    const suspended = await statusAct('suspendStatus', { nomadId, reason: 'Under investigation.' });
    expect(suspended.userErrors).toEqual([]);
    expect(suspended.nomad?.status?.state).toBe('SUSPENDED');

    graph.clock.set('2026-12-03T06:00:00Z');
    const revoked = await statusAct('revokeStatus', { nomadId, ground: 'NATIONAL_SECURITY_THREAT', reason: 'Screening confirmed the threat.' });
    expect(revoked.userErrors).toEqual([]);
    expect(revoked.nomad?.status).toMatchObject({ state: 'REVOKED', revokedOn: '2026-12-03', exitDeadlineOn: '2026-12-18' });
    expect(await outboxTypes(nomadId)).toEqual(['StatusGranted', 'StatusSuspended', 'StatusRevoked']);
    const [event] = await graph.migration.database.db
      .select({ payload: schema.outbox.payload })
      .from(schema.outbox)
      .where(and(eq(schema.outbox.aggregateId, nomadId), eq(schema.outbox.type, 'StatusRevoked')));
    expect(event?.payload).toMatchObject({ nomadId, ground: 'NATIONAL_SECURITY_THREAT', exitDeadline: '2026-12-18' });
    // The suspension stays in the history: the day before, the status was suspended.
    expect((await statusOf(nomadId, '2026-12-02'))?.state).toBe('SUSPENDED');
  });

  it('expires by date alone, and the sweep records the expiry once', async () => {
    const { app, nomadId } = await readyForDecision();
    await act('approveApplication', officer, { applicationId: app.id });
    graph.clock.set('2027-01-22T06:00:00Z');
    expect((await statusOf(nomadId))?.state).toBe('ACTIVE');
    graph.clock.set('2027-01-23T06:00:00Z');
    // Derived, not flagged: expired before any sweep ran.
    expect((await statusOf(nomadId))?.state).toBe('EXPIRED');
    const deps = { clock: graph.clock, zhaak: graph.zhaak.current };
    expect((await runMaintenance(graph.migration.database.db, deps)).expired).toBeGreaterThanOrEqual(1);
    await runMaintenance(graph.migration.database.db, deps);
    expect((await outboxTypes(nomadId)).filter((t) => t === 'StatusExpired')).toHaveLength(1);
    expect((await statusAct('renewStatus', { nomadId })).userErrors[0]?.code).toBe('INVALID_TRANSITION');
  });
});

describe('facts from other agencies are checked before they are applied', () => {
  type InboxFailures = { migrationInboxFailures: { edges: { node: { eventId: string; eventType: string; producer: string; state: string; lastError: string | null } }[] } };
  async function inboxFailure(eventId: string) {
    const res = await graph.request<InboxFailures>(await token(['auditor']), '{ migrationInboxFailures(first: 100) { edges { node { eventId eventType producer state lastError } } } }');
    expect(res.body.errors, res.text).toBeUndefined();
    return res.body.data?.migrationInboxFailures.edges.map((e) => e.node).find((n) => n.eventId === eventId);
  }

  it('dead-letters a screening outcome for an application migration does not know, and changes nothing', async () => {
    const { db } = graph.migration.database;
    const before = await db.select({ n: count() }).from(schema.applications);
    const unknown = randomUUID();
    const eventId = randomUUID();
    const payload = { applicationId: unknown, screeningId: randomUUID(), outcome: 'CLEARED', concludedAt: new Date().toISOString() };
    // 409: refused for good; a producer's relay dead-letters it at once instead of retrying.
    expect(await graph.deliverToMigration('ScreeningConcluded', unknown, payload, eventId)).toBe(409);
    expect(await inboxFailure(eventId)).toEqual({
      eventId,
      eventType: 'ScreeningConcluded',
      producer: 'security',
      state: 'POISON',
      lastError: `EVENT_SUBJECT_UNKNOWN: ScreeningConcluded for application ${unknown}, which migration does not know`,
    });
    expect(await db.select({ n: count() }).from(schema.applications)).toEqual(before);
    expect(await db.select().from(schema.applications).where(eq(schema.applications.id, unknown))).toEqual([]);
    // Sent again, it is refused again: nothing ever applied it.
    expect(await graph.deliverToMigration('ScreeningConcluded', unknown, payload, eventId)).toBe(409);
  });

  it('never lets another screening turn a FLAGGED application CLEARED, and refuses an outcome for a withdrawn one', async () => {
    const { app } = await submit();
    await act('startReview', officer, { applicationId: app.id });
    const flagged = await clear(app.id, 'FLAGGED');
    // A later conclusion under another screening id: refused (one screening per application).
    const laterId = randomUUID();
    expect(await graph.deliverToMigration('ScreeningConcluded', app.id, { ...flagged, screeningId: randomUUID(), outcome: 'CLEARED', concludedAt: new Date(Date.now() + 60_000).toISOString() }, laterId)).toBe(409);
    expect((await inboxFailure(laterId))?.lastError).toMatch(/^EVENT_FACT_CONFLICT: /);
    // An older one: acknowledged, and ignored.
    expect(await graph.deliverToMigration('ScreeningConcluded', app.id, { ...flagged, screeningId: randomUUID(), outcome: 'CLEARED', concludedAt: '2026-01-01T00:00:00.000Z' })).toBe(200);
    const approval = await act('approveApplication', officer, { applicationId: app.id });
    expect(approval.userErrors[0]?.code).toBe('SCREENING_FLAGGED');

    const other = await submit();
    expect((await act('withdrawApplication', other.tok, { applicationId: other.app.id })).application?.state).toBe('WITHDRAWN');
    const lateId = randomUUID();
    expect(await graph.deliverToMigration('ScreeningConcluded', other.app.id, { applicationId: other.app.id, screeningId: randomUUID(), outcome: 'CLEARED', concludedAt: new Date().toISOString() }, lateId)).toBe(409);
    expect((await inboxFailure(lateId))?.lastError).toBe(`EVENT_SUBJECT_CLOSED: application ${other.app.id} is WITHDRAWN and awaits no screening outcome`);
  });
});

describe('an extension of a holder no grant announced, between real subgraphs', () => {
  it('labor and tax refuse it for good (409, dead-lettered) and create no case or registration', async () => {
    const nomadId = randomUUID();
    const pin = '21204199012345';
    const payload = { nomadId, pin, periodKind: 'RENEWAL', validFrom: '2026-01-01', validUntil: '2026-12-31' };
    const labor = graph.agencies.labor?.database.client;
    const tax = graph.agencies.tax?.database.client;
    if (!labor || !tax) throw new Error('no labor or tax');
    for (const agency of ['labor', 'tax']) {
      const eventId = randomUUID();
      expect(await graph.deliverFromMigration(agency, 'StatusExtended', nomadId, payload, eventId), agency).toBe(409);
      const [inbox] = await graph.agencies[agency]?.database.client.unsafe<{ state: string; last_error: string }[]>(`select state, last_error from "${agency}".inbox where event_id = $1`, [eventId]) ?? [];
      expect(inbox?.state, agency).toBe('POISON');
      expect(inbox?.last_error, agency).toMatch(/^EVENT_SUBJECT_UNKNOWN: the status of nomad .* was extended, but no grant announced them/);
    }
    expect(await labor`select id from labor.monitoring_cases where nomad_id = ${nomadId}`).toHaveLength(0);
    expect(await tax`select id from tax.registrations where nomad_id = ${nomadId}`).toHaveLength(0);
  });
});

describe('a status end of someone GKNB never heard of, between real subgraphs', () => {
  it('security refuses a revocation, an expiry and a dependant\'s end for good (409, dead-lettered) and opens no exit watch', async () => {
    const nomadId = randomUUID();
    const dependantId = randomUUID();
    const security = graph.agencies.security?.database.client;
    if (!security) throw new Error('no security');
    const facts: [string, string, Record<string, unknown>, RegExp][] = [
      ['StatusRevoked', nomadId, { nomadId, pin: '21204199012345', ground: 'RULES_BREACH', revokedAt: '2026-11-20T09:00:00.000Z', exitDeadline: '2026-12-05' }, /^EVENT_SUBJECT_UNKNOWN: the status of nomad .* was revoked, but GKNB never screened them and no grant announced them$/],
      ['StatusExpired', nomadId, { nomadId, pin: '21204199012345', expiredOn: '2026-11-01' }, /^EVENT_SUBJECT_UNKNOWN: the status of nomad .* expired, but GKNB never screened them/],
      ['DependantStatusEnded', dependantId, { dependantId, principalId: nomadId, pin: '11001201012345', cause: 'REVOKED', endedOn: '2026-11-20', exitDeadline: '2026-12-05' }, /^EVENT_SUBJECT_UNKNOWN: the status of dependant .* ended, but no DependantAdded announced them/],
    ];
    expect(facts.length).toBeGreaterThan(0);
    for (const [type, aggregateId, payload, error] of facts) {
      const eventId = randomUUID();
      expect(await graph.deliverFromMigration('security', type, aggregateId, payload, eventId), type).toBe(409);
      const [inbox] = await security<{ state: string; last_error: string }[]>`select state, last_error from security.inbox where event_id = ${eventId}`;
      expect(inbox?.state, type).toBe('POISON');
      expect(inbox?.last_error, type).toMatch(error);
    }
    expect(await security`select id from security.exit_watches where nomad_id in (${nomadId}, ${dependantId})`).toHaveLength(0);
  });
});

describe('approval prerequisites', () => {
  it('waits for the screening and refuses a flagged applicant', async () => {
    const { app } = await submit();
    await act('startReview', officer, { applicationId: app.id });
    expect((await act('approveApplication', officer, { applicationId: app.id })).userErrors[0]?.code).toBe('SCREENING_PENDING');
    await clear(app.id, 'FLAGGED');
    const flagged = await act('approveApplication', officer, { applicationId: app.id });
    expect(flagged.userErrors[0]?.code).toBe('SCREENING_FLAGGED');
    expect(flagged.application).toBeNull();
  });

  it('waits for a requested evaluation, then records its verdict as a recommendation', async () => {
    const { app, nomadId } = await readyForDecision();
    const requested = await act('requestEvaluation', officer, { applicationId: app.id });
    expect(requested.application?.evaluationRequested).toBe(true);
    expect(await outboxTypes(app.id)).toEqual(['ApplicationSubmitted', 'EvaluationRequested']);
    expect((await act('requestEvaluation', officer, { applicationId: app.id })).userErrors[0]?.code).toBe('EVALUATION_ALREADY_REQUESTED');
    expect((await act('approveApplication', officer, { applicationId: app.id })).userErrors[0]?.code).toBe('EVALUATION_PENDING');

    const eventId = randomUUID();
    const payload = { evaluationId: randomUUID(), applicationId: app.id, nomadId, verdict: 'NON_COMPLIANT', concludedAt: new Date().toISOString() };
    expect(await graph.deliverToMigration('EvaluationConcluded', app.id, payload, eventId)).toBe(200);
    // Redelivery of the same event has no second effect.
    const before = await graph.request<{ application: { version: number } }>(officer, `{ application(id: "${app.id}") { version } }`);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data?.application.version).toBeGreaterThan(app.version);
    expect(await graph.deliverToMigration('EvaluationConcluded', app.id, payload, eventId)).toBe(200);
    const after = await graph.request<{ application: { version: number; expertVerdict: string } }>(officer, `{ application(id: "${app.id}") { version expertVerdict } }`);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.application).toEqual({ version: before.body.data?.application.version, expertVerdict: 'NON_COMPLIANT' });
    // NON_COMPLIANT is a recommendation: the officer may still approve.
    expect((await act('approveApplication', officer, { applicationId: app.id })).application?.state).toBe('APPROVED');
  });

  it('leaves the application unapproved when ZHAAK fails, and writes nothing', async () => {
    const { app, nomadId } = await readyForDecision();
    graph.zhaak.current = { assignPin: () => Promise.reject(new ZhaakError('ZHAAK timed out')) };
    const { db } = graph.migration.database;
    const periodsBefore = await db.select({ n: count() }).from(schema.statusPeriods);
    const failed = await act('approveApplication', officer, { applicationId: app.id });
    expect(failed.userErrors).toEqual([expect.objectContaining({ code: 'ZHAAK_UNAVAILABLE' })]);
    const state = await graph.request<{ application: { state: string; nomad: { pin: string | null } } }>(officer, `{ application(id: "${app.id}") { state nomad { pin } } }`);
    expect(state.body.data?.application).toEqual({ state: 'UNDER_REVIEW', nomad: { pin: null } });
    expect(await db.select({ n: count() }).from(schema.statusPeriods)).toEqual(periodsBefore);
    expect(await outboxTypes(nomadId)).toEqual([]);
  });

  it("records GKNB's recommendation to suspend a holder, once, without changing the status", async () => {
    const { app, nomadId } = await readyForDecision();
    await act('approveApplication', officer, { applicationId: app.id });
    const payload = { nomadId, screeningId: randomUUID(), reasonSummary: 'NATIONAL_SECURITY_THREAT', at: new Date().toISOString() };
    expect(await graph.deliverToMigration('SuspensionRecommended', nomadId, payload)).toBe(200);
    // The same fact sent again as a new event is harmless.
    expect(await graph.deliverToMigration('SuspensionRecommended', nomadId, payload)).toBe(200);
    const res = await graph.request<{ nomad: { statusRecommendations: { fromAgency: string; action: string; reasonCode: string }[]; status: { state: string } } }>(
      officer,
      `{ nomad(id: "${nomadId}") { statusRecommendations { fromAgency action reasonCode } status { state } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.nomad).toEqual({
      statusRecommendations: [{ fromAgency: 'security', action: 'SUSPEND', reasonCode: 'NATIONAL_SECURITY_THREAT' }],
      status: { state: 'ACTIVE' },
    });
    // A verdict from labor's monitoring of a holder (no application) joins the recommendations.
    const verdict = { evaluationId: randomUUID(), applicationId: null, nomadId, verdict: 'INSUFFICIENT_EVIDENCE', concludedAt: new Date().toISOString() };
    expect(await graph.deliverToMigration('EvaluationConcluded', nomadId, verdict)).toBe(200);
    const after = await graph.request<{ nomad: { statusRecommendations: { fromAgency: string; action: string; reasonCode: string }[] } }>(
      officer,
      `{ nomad(id: "${nomadId}") { statusRecommendations { fromAgency action reasonCode } } }`,
    );
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.nomad.statusRecommendations[1]).toEqual({ fromAgency: 'labor', action: 'CONSIDER_EXPERT_VERDICT', reasonCode: 'INSUFFICIENT_EVIDENCE' });
    const analyst = await graph.request(await token(['analyst']), `{ nomad(id: "${nomadId}") { statusRecommendations { action } } }`);
    expect(analyst.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps the PIN of a nomad approved a second time', async () => {
    const nomadId = randomUUID();
    const first = await readyForDecision(nomadId);
    const pin = (await act('approveApplication', officer, { applicationId: first.app.id })).application?.nomad.pin;
    expect(pin).toMatch(FIXTURE_PIN);
    await statusAct('revokeStatus', { nomadId, ground: 'ACTIVITY_ENDED' });
    graph.clock.set('2027-03-01T06:00:00Z');
    const tok = await token(['nomad'], { nomadId });
    const res = await graph.request<{ submitApplication: { application: ApplicationView | null; userErrors: UserErrorView[] } }>(tok, SUBMIT, {
      input: { ...validApplication(), requestedStartOn: '2027-03-15', applicant: { ...validApplication().applicant, passport: { country: 'KAZ', number: 'N77777777', expiresOn: '2031-01-01' } } },
    });
    expect(res.body.errors).toBeUndefined();
    const second = res.body.data?.submitApplication.application;
    expect(res.body.data?.submitApplication.userErrors).toEqual([]);
    await act('startReview', officer, { applicationId: second?.id });
    await clear(second?.id ?? '');
    const again = await act('approveApplication', officer, { applicationId: second?.id });
    expect(again.application?.nomad.pin).toBe(pin);
  });
});

describe('concurrency and idempotency', () => {
  it('100 concurrent approvals of different applicants issue 100 distinct valid PINs', async () => {
    const ready: { app: ApplicationView; nomadId: string }[] = [];
    // Many share a birth date, so serials must not collide.
    for (let i = 0; i < 100; i++) ready.push(await readyForDecision());
    const results = await Promise.all(ready.map((r) => act('approveApplication', officer, { applicationId: r.app.id })));
    expect(results.flatMap((r) => r.userErrors)).toEqual([]);
    const pins = results.map((r) => r.application?.nomad.pin ?? '');
    expect(pins).toHaveLength(100);
    expect(new Set(pins).size).toBe(100);
    for (const pin of pins) expect(pin).toMatch(FIXTURE_PIN);
  }, 120_000);

  it('two officers deciding one application at once: one wins, the other gets CONFLICT', async () => {
    for (let round = 0; round < 5; round++) {
      const { app } = await readyForDecision();
      const other = await token(['migration_officer'], { sub: `officer-${round}` });
      const [a, b] = await Promise.all([
        act('approveApplication', officer, { applicationId: app.id, expectedVersion: app.version + 2 }),
        act('refuseApplication', other, { applicationId: app.id, expectedVersion: app.version + 2, ground: 'FALSE_DOCUMENTS' }),
      ]);
      const outcomes = [a, b].map((p) => (p.userErrors.length ? p.userErrors[0]?.code : p.application?.state));
      expect(outcomes.filter((o) => o === 'CONFLICT'), JSON.stringify(outcomes)).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'APPROVED' || o === 'REFUSED')).toHaveLength(1);
    }
  });

  /**
   * Holds the application's row as an incoming event's handler does (`recordOnApplication`:
   * one UPDATE that bumps the version, in the inbox transaction), sends `decision`, waits until
   * the decision's guarded UPDATE waits on that row, then commits: the decision read the
   * version before the event and writes after it, every time.
   */
  async function raceWithEvent<T>(applicationId: string, decision: () => Promise<T>): Promise<T> {
    const client = graph.agencies.migration?.database.client;
    if (!client) throw new Error('no migration database');
    const event = await client.reserve();
    try {
      await event`begin`;
      const moved = await event`update migration.applications set version = version + 1 where id = ${applicationId} returning version`;
      expect(moved).toHaveLength(1);
      const pending = decision();
      const deadline = Date.now() + 60_000;
      for (;;) {
        const [row] = await client<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query ilike 'update "migration"."applications"%'`;
        if ((row?.n ?? 0) > 0) break;
        if (Date.now() > deadline) throw new Error('the decision never reached its guarded UPDATE');
        await new Promise((r) => setTimeout(r, 20));
      }
      await event`commit`;
      return await pending;
    } finally {
      event.release();
    }
  }

  it('a decision without expectedVersion that races an incoming event is retried inside the service, never CONFLICT', async () => {
    for (const action of ['requestEvaluation', 'approveApplication'] as const) {
      const { app } = await readyForDecision();
      const payload = await raceWithEvent(app.id, () => act(action, officer, { applicationId: app.id }));
      expect(payload.userErrors, action).toEqual([]);
      expect(payload.application?.state, action).toBe(action === 'approveApplication' ? 'APPROVED' : 'UNDER_REVIEW');
    }
  });

  it('a decision with an expectedVersion that an incoming event moves meanwhile gets CONFLICT and writes nothing', async () => {
    const { app } = await readyForDecision();
    const read = await graph.request<{ application: { version: number } }>(officer, `{ application(id: "${app.id}") { version } }`);
    expect(read.body.errors).toBeUndefined();
    const version = read.body.data?.application.version;
    expect(version).toBeTypeOf('number');
    const payload = await raceWithEvent(app.id, () => act('requestEvaluation', officer, { applicationId: app.id, expectedVersion: version }));
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'input.expectedVersion' })]);
    const after = await graph.request<{ application: { evaluationRequested: boolean; version: number } }>(officer, `{ application(id: "${app.id}") { evaluationRequested version } }`);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.application).toEqual({ evaluationRequested: false, version: (version ?? 0) + 1 });
    expect(await outboxTypes(app.id)).not.toContain('EvaluationRequested');
  });

  it('concurrent officers, the applicant and incoming events without expectedVersion: each succeeds or gets a domain error, never CONFLICT', async () => {
    const others = await Promise.all(['a', 'b', 'c', 'd'].map((n) => token(['migration_officer'], { sub: `racing-officer-${n}` })));
    const [a, b, c, d] = others as [string, string, string, string];
    for (let round = 0; round < 4; round++) {
      const { app, tok, screening } = await readyForDecision();
      // The same screening again, as new events (a repeat is acknowledged; its handler locks the row all the same).
      const events = Array.from({ length: 4 }, () => graph.deliverToMigration('ScreeningConcluded', app.id, screening).then((status) => expect(status).toBe(200)));
      const outcomes = await Promise.all([
        act('approveApplication', a, { applicationId: app.id }),
        act('refuseApplication', b, { applicationId: app.id, ground: 'FALSE_DOCUMENTS' }),
        act('returnForCorrection', c, { applicationId: app.id, corrections: [{ message: 'Photo missing.' }] }),
        act('requestEvaluation', d, { applicationId: app.id }),
        act('withdrawApplication', tok, { applicationId: app.id }),
      ]);
      await Promise.all(events);
      const codes = outcomes.flatMap((p) => p.userErrors.map((e) => e.code));
      expect(codes, JSON.stringify(outcomes)).not.toContain('CONFLICT');
      expect(codes, JSON.stringify(outcomes)).not.toContain('BUSY');
      // Every refusal is a rule of the domain about the state the winner left.
      for (const code of codes) expect(['INVALID_TRANSITION', 'EVALUATION_PENDING', 'EVALUATION_ALREADY_REQUESTED']).toContain(code);
      // Exactly one of the decisions that leave UNDER_REVIEW took effect.
      const moved = outcomes.filter((p) => p.userErrors.length === 0 && p.application?.state !== 'UNDER_REVIEW');
      expect(moved, JSON.stringify(outcomes)).toHaveLength(1);
    }
  }, 120_000);

  it('a decision sent twice with the same Idempotency-Key is applied once and answered the same', async () => {
    const { app, nomadId } = await readyForDecision();
    const key = `approve-${randomUUID()}`;
    const first = await act('approveApplication', officer, { applicationId: app.id }, { 'idempotency-key': key });
    const second = await act('approveApplication', officer, { applicationId: app.id }, { 'idempotency-key': key });
    expect(second).toEqual(first);
    expect(first.application?.state).toBe('APPROVED');
    const { db } = graph.migration.database;
    const periods = await db.select({ n: count() }).from(schema.statusPeriods).where(eq(schema.statusPeriods.nomadId, nomadId));
    expect(periods[0]?.n).toBe(1);
    expect(await outboxTypes(nomadId)).toEqual(['StatusGranted']);
    // Without the key, a second approval is a second request: refused from APPROVED.
    expect((await act('approveApplication', officer, { applicationId: app.id })).userErrors[0]?.code).toBe('INVALID_TRANSITION');
    // The same key for another request is refused.
    const reused = await act('refuseApplication', officer, { applicationId: app.id, ground: 'FALSE_DOCUMENTS' }, { 'idempotency-key': key });
    expect(reused.userErrors[0]?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('work queues', () => {
  it('lists statuses expiring within N days, soonest first', async () => {
    const { app, nomadId } = await readyForDecision();
    await act('approveApplication', officer, { applicationId: app.id });
    graph.clock.set('2027-01-10T06:00:00Z');
    // Earlier tests approved over a hundred nomads expiring the same day: page through them all.
    const edges: { validUntil: string; node: { id: string } }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: GraphResponse<{ expiringStatuses: { edges: { cursor: string; validUntil: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }> =
        await graph.request(officer, 'query Q($after: String) { expiringStatuses(withinDays: 30, first: 100, after: $after) { edges { cursor validUntil node { id } } pageInfo { hasNextPage endCursor } } }', { after });
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data?.expiringStatuses;
      edges.push(...(page?.edges ?? []));
      if (!page?.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(edges.map((e) => e.node.id)).toContain(nomadId);
    expect(new Set(edges.map((e) => e.node.id)).size).toBe(edges.length);
    const days = edges.map((e) => e.validUntil);
    expect([...days].sort()).toEqual(days);
    for (const d of days) expect(d >= '2027-01-10' && d <= '2027-02-09').toBe(true);
    const analyst = await graph.request(await token(['analyst']), '{ expiringStatuses(withinDays: 30) { edges { validUntil } } }');
    expect(analyst.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('the overdue queue follows the 7-working-day deadline', async () => {
    const { app } = await submit();
    expect(app.reviewDeadlineOn).toBe('2026-12-03');
    const overdueIds = async (instant: string) => {
      graph.clock.set(instant);
      const ids: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const res: GraphResponse<{ applications: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }> = await graph.request(
          officer,
          'query O($after: String) { applications(first: 100, after: $after, filter: { overdue: true }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
          { after },
        );
        expect(res.body.errors).toBeUndefined();
        ids.push(...(res.body.data?.applications.edges.map((e) => e.node.id) ?? []));
        if (!res.body.data?.applications.pageInfo.hasNextPage) break;
        after = res.body.data.applications.pageInfo.endCursor;
      }
      return ids;
    };
    // Due on 3 Dec: not overdue that day (evening in Bishkek), overdue from 4 Dec.
    expect(await overdueIds('2026-12-03T17:00:00Z')).not.toContain(app.id);
    expect(await overdueIds('2026-12-04T06:00:00Z')).toContain(app.id);
  });
});

describe('forbidden transitions write nothing', () => {
  const STATES = ['SUBMITTED', 'UNDER_REVIEW', 'RETURNED_FOR_CORRECTION', 'APPROVED', 'REFUSED', 'WITHDRAWN', 'CANCELLED'] as const;
  const ALLOWED: Record<ActionName, { from: readonly string[]; by: 'officer' | 'applicant' }> = {
    startReview: { from: ['SUBMITTED'], by: 'officer' },
    returnForCorrection: { from: ['UNDER_REVIEW'], by: 'officer' },
    resubmitApplication: { from: ['RETURNED_FOR_CORRECTION'], by: 'applicant' },
    requestEvaluation: { from: ['SUBMITTED', 'UNDER_REVIEW'], by: 'officer' },
    approveApplication: { from: ['UNDER_REVIEW'], by: 'officer' },
    refuseApplication: { from: ['UNDER_REVIEW'], by: 'officer' },
    withdrawApplication: { from: ['SUBMITTED', 'UNDER_REVIEW'], by: 'applicant' },
  };
  const PRINCIPALS = ['officer', 'applicant', 'other nomad', 'analyst', 'labor_officer'] as const;

  it('refuses every action from a wrong state or by a wrong principal, with its code, changing nothing', async () => {
    const { db } = graph.migration.database;
    let checked = 0;
    for (const state of STATES) {
      const { app, tok } = await submit();
      // Put the application in the state directly: this test is about refusals, not paths.
      await db.execute(sql`update migration.applications set state = ${state}, correction_deadline_on = ${'2026-12-24'} where id = ${app.id}`);
      const principals: Record<(typeof PRINCIPALS)[number], string> = {
        officer,
        applicant: tok,
        'other nomad': await token(['nomad'], { nomadId: randomUUID() }),
        analyst: await token(['analyst']),
        labor_officer: await token(['labor_officer']),
      };
      for (const action of Object.keys(ACTIONS) as ActionName[]) {
        for (const who of PRINCIPALS) {
          const rightPrincipal = ALLOWED[action].by === who;
          const rightState = ALLOWED[action].from.includes(state);
          if (rightPrincipal && rightState) continue;
          const before = await db.select().from(schema.applications).where(eq(schema.applications.id, app.id));
          const outboxBefore = await db.select({ n: count() }).from(schema.outbox);
          const input: Record<string, unknown> = { applicationId: app.id };
          if (action === 'returnForCorrection') input.corrections = [{ message: 'x' }];
          if (action === 'refuseApplication') input.ground = 'FALSE_DOCUMENTS';
          const payload = await act(action, principals[who], input);
          const expected = !['officer', 'applicant'].includes(who) || !rightPrincipal
            ? who === 'other nomad' && ALLOWED[action].by === 'applicant' ? 'APPLICATION_NOT_FOUND' : 'FORBIDDEN'
            : 'INVALID_TRANSITION';
          expect(payload.userErrors.map((e) => e.code), `${action} by ${who} from ${state}`).toEqual([expected]);
          expect(payload.application).toBeNull();
          expect(await db.select().from(schema.applications).where(eq(schema.applications.id, app.id))).toEqual(before);
          expect(await db.select({ n: count() }).from(schema.outbox)).toEqual(outboxBefore);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  }, 120_000);
});

describe('forbidden status changes write nothing', () => {
  it('refuses every status action from a wrong state or by a wrong principal', async () => {
    const { db } = graph.migration.database;
    // One nomad in each status state.
    const never = await submit();
    const approved = async () => {
      const r = await readyForDecision();
      await act('approveApplication', officer, { applicationId: r.app.id });
      return r.nomadId;
    };
    const nomads: Record<string, string> = {
      NONE: never.nomadId,
      ACTIVE: await approved(),
      SUSPENDED: await approved(),
      REVOKED: await approved(),
      EXPIRED: await approved(),
    };
    expect((await statusAct('suspendStatus', { nomadId: nomads.SUSPENDED, reason: 'Check.' })).userErrors).toEqual([]);
    expect((await statusAct('revokeStatus', { nomadId: nomads.REVOKED, ground: 'RULES_BREACH' })).userErrors).toEqual([]);
    await db.execute(sql`update migration.status_periods set valid_until = '2026-11-23', valid_from = '2026-09-25' where nomad_id = ${nomads.EXPIRED}`);

    const allowed: Record<StatusActionName, string[]> = {
      extendStatus: ['ACTIVE'],
      renewStatus: [], // an initial period is followed by the extension, not a renewal
      suspendStatus: ['ACTIVE'],
      reinstateStatus: ['SUSPENDED'],
      revokeStatus: ['ACTIVE', 'SUSPENDED'],
    };
    const principals: Record<string, string> = {
      officer,
      nomad: await token(['nomad'], { nomadId: nomads.ACTIVE ?? '' }),
      analyst: await token(['analyst']),
      tax_officer: await token(['tax_officer']),
    };
    let checked = 0;
    for (const [state, nomadId] of Object.entries(nomads)) {
      for (const action of Object.keys(STATUS_ACTIONS) as StatusActionName[]) {
        for (const [who, tok] of Object.entries(principals)) {
          if (who === 'officer' && allowed[action].includes(state)) continue;
          const counts = async () => ({
            periods: (await db.select({ n: count() }).from(schema.statusPeriods).where(eq(schema.statusPeriods.nomadId, nomadId)))[0]?.n,
            events: (await db.select({ n: count() }).from(schema.statusEvents).where(eq(schema.statusEvents.nomadId, nomadId)))[0]?.n,
            outbox: (await db.select({ n: count() }).from(schema.outbox))[0]?.n,
          });
          const before = await counts();
          const input: Record<string, unknown> = { nomadId };
          if (action === 'suspendStatus') input.reason = 'Reason.';
          if (action === 'revokeStatus') input.ground = 'RULES_BREACH';
          const res = await graph.request<Record<string, { userErrors: UserErrorView[] }>>(tok, STATUS_ACTIONS[action], { input });
          expect(res.body.errors).toBeUndefined();
          const codes = res.body.data?.[action]?.userErrors.map((e) => e.code);
          expect(codes, `${action} by ${who} on ${state}`).toEqual([who === 'officer' ? 'INVALID_TRANSITION' : 'FORBIDDEN']);
          expect(await counts()).toEqual(before);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
  }, 120_000);
});
