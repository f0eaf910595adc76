import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { token, type TestGraph } from './harness.ts';
import { ACTIONS, SUBMIT, validApplication, type ApplicationView, type UserErrorView } from './fixtures.ts';

/**
 * A nomad's way through the agencies, step by step through the gateway, for tests that need a
 * person in a given place: an applicant, a screening, a status holder with a monitoring case
 * and a tax registration.
 */

/** Runs an operation that must not fail at the GraphQL level; returns its data. */
export async function gql<T>(graph: TestGraph, tok: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await graph.request<T>(tok, query, variables);
  expect(res.body.errors, res.text).toBeUndefined();
  if (!res.body.data) throw new Error(`no data: ${res.text}`);
  return res.body.data;
}

/** A migration officer's application action that must succeed. */
export async function decide(graph: TestGraph, officer: string, name: keyof typeof ACTIONS, input: Record<string, unknown>): Promise<ApplicationView> {
  const data = await gql<Record<string, { application: ApplicationView | null; userErrors: UserErrorView[] }>>(graph, officer, ACTIONS[name], { input });
  expect(data[name]?.userErrors).toEqual([]);
  const application = data[name]?.application;
  if (!application) throw new Error(`${name} returned no application`);
  return application;
}

export interface Applicant {
  nomadId: string;
  /** The nomad's own token. */
  tok: string;
  app: ApplicationView;
  passportNumber: string;
}

/** A new nomad with a submitted application (the fixture's person, a passport of their own). */
export async function applicant(graph: TestGraph): Promise<Applicant> {
  const nomadId = randomUUID();
  const passportNumber = `P${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
  const tok = await token(['nomad'], { nomadId });
  const data = await gql<{ submitApplication: { application: ApplicationView | null; userErrors: UserErrorView[] } }>(graph, tok, SUBMIT, {
    input: validApplication({ passportNumber }),
  });
  const app = data.submitApplication.application;
  if (!app) throw new Error(`submit failed: ${JSON.stringify(data.submitApplication.userErrors)}`);
  return { nomadId, tok, app, passportNumber };
}

/** The GKNB screening of an application, once the ApplicationSubmitted event reached security (bounded wait). */
export async function screeningOf(graph: TestGraph, securityOfficer: string, applicationId: string): Promise<{ id: string; version: number }> {
  for (let i = 0; i < 50; i++) {
    await graph.flushEvents();
    const data = await gql<{ application: { screening: { id: string; version: number } | null } | null }>(
      graph,
      securityOfficer,
      'query S($id: ID!) { application(id: $id) { screening { id version } } }',
      { id: applicationId },
    );
    if (data.application?.screening) return data.application.screening;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no screening opened for application ${applicationId}`);
}

/** Tells migration the screening cleared, as GKNB's relay would (no screening concluded in security). */
export async function clearedByEvent(graph: TestGraph, applicationId: string): Promise<void> {
  const status = await graph.deliverToMigration('ScreeningConcluded', applicationId, {
    applicationId,
    screeningId: randomUUID(),
    outcome: 'CLEARED',
    concludedAt: new Date().toISOString(),
  });
  expect(status).toBe(200);
}

/**
 * GKNB concludes the application's screening CLEARED (a real conclusion in security), and
 * migration has the clearance once its event arrived (bounded wait). `extra` adds to the
 * conclusion's input (e.g. a `reasonText`).
 */
export async function clearedBySecurity(graph: TestGraph, securityOfficer: string, migrationOfficer: string, applicationId: string, extra: Record<string, unknown> = {}): Promise<void> {
  const screening = await screeningOf(graph, securityOfficer, applicationId);
  const data = await gql<{ concludeScreening: { userErrors: UserErrorView[] } }>(
    graph,
    securityOfficer,
    'mutation C($input: ConcludeScreeningInput!) { concludeScreening(input: $input) { screening { id } userErrors { code field message } } }',
    { input: { screeningId: screening.id, expectedVersion: screening.version, outcome: 'CLEARED', classification: 'RESTRICTED', ...extra } },
  );
  expect(data.concludeScreening.userErrors).toEqual([]);
  for (let i = 0; i < 50; i++) {
    await graph.flushEvents();
    const seen = await gql<{ application: { clearance: string } | null }>(graph, migrationOfficer, 'query C($id: ID!) { application(id: $id) { clearance } }', { id: applicationId });
    if (seen.application?.clearance === 'CLEARED') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`migration never saw the clearance of application ${applicationId}`);
}

/**
 * GKNB concludes an adult family member's DEPENDANT screening (a real conclusion in security,
 * found in the officers' queue by the family member's id once DependantAdded opened it), and
 * migration records the outcome once DependantScreeningConcluded arrived (bounded waits).
 */
export async function dependantScreenedBySecurity(
  graph: TestGraph,
  securityOfficer: string,
  migrationOfficer: string,
  dependantId: string,
  outcome: 'CLEARED' | 'FLAGGED' = 'CLEARED',
): Promise<void> {
  type Queue = { screenings: { edges: { node: { id: string; version: number; kind: string; dependant: { id: string } | null } }[] } };
  let screening: { id: string; version: number } | undefined;
  for (let i = 0; i < 50 && !screening; i++) {
    await graph.flushEvents();
    const queue = await gql<Queue>(graph, securityOfficer, '{ screenings(first: 100, filter: { kind: DEPENDANT, outcomes: [PENDING] }) { edges { node { id version kind dependant { id } } } } }');
    screening = queue.screenings.edges.map((e) => e.node).find((n) => n.dependant?.id === dependantId);
    if (!screening) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (!screening) throw new Error(`GKNB opened no screening of dependant ${dependantId}`);
  const conclusion = outcome === 'CLEARED' ? { outcome, classification: 'RESTRICTED' } : { outcome, reasons: ['WATCHLIST_MATCH'], classification: 'CONFIDENTIAL' };
  const data = await gql<{ concludeScreening: { userErrors: UserErrorView[] } }>(
    graph,
    securityOfficer,
    'mutation C($input: ConcludeScreeningInput!) { concludeScreening(input: $input) { screening { id } userErrors { code field message } } }',
    { input: { screeningId: screening.id, expectedVersion: screening.version, ...conclusion } },
  );
  expect(data.concludeScreening.userErrors).toEqual([]);
  for (let i = 0; i < 50; i++) {
    await graph.flushEvents();
    const seen = await gql<{ dependant: { screening: { outcome: string } | null } | null }>(graph, migrationOfficer, 'query D($id: ID!) { dependant(id: $id) { screening { outcome } } }', { id: dependantId });
    if (seen.dependant?.screening?.outcome === outcome) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`migration never saw the screening outcome of dependant ${dependantId}`);
}

export interface StatusHolder extends Applicant {
  pin: string;
}

/**
 * An approved status holder, every event delivered: a PIN in migration, an IE queued in tax, a
 * monitoring case in labor. `clear` puts the clearance in migration (by default the
 * ScreeningConcluded event alone).
 */
export async function statusHolder(
  graph: TestGraph,
  migrationOfficer: string,
  clear: (s: Applicant) => Promise<void> = (s) => clearedByEvent(graph, s.app.id),
): Promise<StatusHolder> {
  const s = await applicant(graph);
  await decide(graph, migrationOfficer, 'startReview', { applicationId: s.app.id });
  await clear(s);
  const approved = await decide(graph, migrationOfficer, 'approveApplication', { applicationId: s.app.id });
  const pin = approved.nomad.pin;
  if (!pin) throw new Error('approval gave no PIN');
  await graph.flushEvents();
  return { ...s, pin };
}
