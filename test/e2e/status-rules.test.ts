import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import { STATUS_ACTIONS, SUBMIT, validApplication, type ApplicationView, type StatusView, type UserErrorView } from '../src/fixtures.ts';
import * as flows from '../src/flows.ts';

/**
 * The decree's status rules through the gateway: renewals only inside their window (none
 * stacked ahead), no new application inside a revoked holder's exit window, and the ten years
 * counted per person from the first grant across applications. Dates are written out by hand.
 */

const TODAY = '2026-11-24';
let graph: TestGraph;
let officer: string;

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  officer = await token(['migration_officer']);
});
afterAll(async () => {
  await graph?.stop();
});
beforeEach(() => {
  graph.clock.set(`${TODAY}T06:00:00Z`);
});

type StatusPayload = { nomad: { id: string; status: StatusView | null } | null; userErrors: UserErrorView[] };

async function statusAct(name: keyof typeof STATUS_ACTIONS, input: Record<string, unknown>): Promise<StatusPayload> {
  const data = await flows.gql<Record<string, StatusPayload>>(graph, officer, STATUS_ACTIONS[name], { input });
  const payload = data[name];
  if (!payload) throw new Error(`no payload for ${name}`);
  return payload;
}

type Submitted = { submitApplication: { application: ApplicationView | null; userErrors: UserErrorView[] } };

/** The holder applies again (the same passport): the answer as the portal gets it. */
async function applyAgain(holder: { tok: string; passportNumber: string }, requestedStartOn: string): Promise<Submitted['submitApplication']> {
  const input = { ...validApplication({ passportNumber: holder.passportNumber }), requestedStartOn };
  return (await flows.gql<Submitted>(graph, holder.tok, SUBMIT, { input })).submitApplication;
}

/** An officer takes the new application through review, GKNB clears it, the officer approves; the holder's status then. */
async function approvedStatus(holderNomadId: string, submitted: Submitted['submitApplication']): Promise<StatusView | null | undefined> {
  expect(submitted.userErrors).toEqual([]);
  const app = submitted.application;
  if (!app) throw new Error('no application');
  await flows.decide(graph, officer, 'startReview', { applicationId: app.id });
  await flows.clearedByEvent(graph, app.id);
  await flows.decide(graph, officer, 'approveApplication', { applicationId: app.id });
  const res = await graph.request<{ nomad: { status: StatusView | null } }>(officer, `{ nomad(id: "${holderNomadId}") { status { state grantedSince ceilingOn } } }`);
  expect(res.body.errors).toBeUndefined();
  return res.body.data?.nomad.status;
}

describe('renewal window', () => {
  it('refuses a renewal before the window opens (60 days before the last day), grants it on the day it opens, and stacks none', async () => {
    const holder = await flows.statusHolder(graph, officer);
    // Initial period 2026-11-24 to 2027-01-22; the extension runs to 2028-01-22.
    expect((await statusAct('extendStatus', { nomadId: holder.nomadId })).nomad?.status?.validUntil).toBe('2028-01-22');
    expect((await statusAct('renewStatus', { nomadId: holder.nomadId })).userErrors).toEqual([
      { code: 'RENEWAL_WINDOW_NOT_OPEN', field: 'input.nomadId', message: 'A renewal may be requested from 2027-11-23, 60 days before the status ends on 2028-01-22.' },
    ]);
    graph.clock.set('2027-11-22T06:00:00Z');
    expect((await statusAct('renewStatus', { nomadId: holder.nomadId })).userErrors.map((e) => e.code)).toEqual(['RENEWAL_WINDOW_NOT_OPEN']);
    graph.clock.set('2027-11-23T06:00:00Z');
    const renewed = await statusAct('renewStatus', { nomadId: holder.nomadId });
    expect(renewed.userErrors).toEqual([]);
    expect(renewed.nomad?.status?.validUntil).toBe('2029-01-22');
    // The same day again: the new period's window opens on 2028-11-23.
    expect((await statusAct('renewStatus', { nomadId: holder.nomadId })).userErrors).toEqual([
      { code: 'RENEWAL_WINDOW_NOT_OPEN', field: 'input.nomadId', message: 'A renewal may be requested from 2028-11-23, 60 days before the status ends on 2029-01-22.' },
    ]);
  });
});

describe('applying again after a revocation', () => {
  it('waits for the exit deadline, and the new grant continues the same ten years', async () => {
    const holder = await flows.statusHolder(graph, officer);
    graph.clock.set('2026-12-10T06:00:00Z');
    const revoked = await statusAct('revokeStatus', { nomadId: holder.nomadId, ground: 'ACTIVITY_ENDED' });
    expect(revoked.nomad?.status).toMatchObject({ state: 'REVOKED', exitDeadlineOn: '2026-12-25' });

    graph.clock.set('2026-12-25T06:00:00Z');
    expect(await applyAgain(holder, '2027-01-10')).toEqual({
      application: null,
      userErrors: [{ code: 'EXIT_DEADLINE_NOT_PASSED', field: 'input.applicant', message: 'Your status was revoked on 2026-12-10; you may apply again after your exit deadline, 2026-12-25.' }],
    });

    graph.clock.set('2026-12-26T06:00:00Z');
    const status = await approvedStatus(holder.nomadId, await applyAgain(holder, '2027-01-10'));
    // The ten years run from the first grant, 2026-11-24, not from the new one.
    expect(status).toEqual({ state: 'ACTIVE', grantedSince: '2026-12-26', ceilingOn: '2036-11-23' });
  });
});

describe('applying again after an expiry', () => {
  it('the new grant keeps the first ceiling: the gap after the expiry does not move it', async () => {
    const holder = await flows.statusHolder(graph, officer);
    // Held 2026-11-24 to 2027-01-22 (60 days), then expired.
    graph.clock.set('2027-02-01T06:00:00Z');
    const before = await graph.request<{ nomad: { status: StatusView | null } }>(officer, `{ nomad(id: "${holder.nomadId}") { status { state validUntil } } }`);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data?.nomad.status).toEqual({ state: 'EXPIRED', validUntil: '2027-01-22' });

    const status = await approvedStatus(holder.nomadId, await applyAgain(holder, '2027-02-10'));
    // Not a fresh ten years from 2027-02-01 (that would end 2037-01-31), nor the days held (that
    // would add the nine days of the gap, to 2036-12-02): the first grant's ceiling, 2036-11-23.
    expect(status).toEqual({ state: 'ACTIVE', grantedSince: '2027-02-01', ceilingOn: '2036-11-23' });
  });
});
