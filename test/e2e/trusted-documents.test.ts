/**
 * Trusted documents through the gateway as production configures it (issue 17): NODE_ENV=
 * production's defaults (TRUSTED_DOCUMENTS on, the typed operations package's manifest) over
 * the real graph. A registered operation runs by its hash (the client preset's `documentId`, or
 * Apollo's APQ `sha256Hash`), officers' and operators' mutations as well as the screens'
 * queries; an unknown hash and an officer's free text are refused before any agency is asked;
 * an analyst's ad-hoc query runs, under the analysts' cost budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TRUSTED_DOCUMENTS_PATH, loadGatewayEnv, readTrustedDocuments, trustedDocumentsOf } from '@nomad/gateway';
import { DEFAULT_TEST_PURPOSE, startGraph, token, type TestGraph } from '../src/harness.ts';
import { registeredHash } from '../src/trusted.ts';

let graph: TestGraph;
const DEMO_APPLICANT = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

beforeAll(async () => {
  const production = loadGatewayEnv({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters', PSEUDONYM_KEY: 'a-production-pseudonym-key-of-at-least-32-bytes' });
  const trustedDocuments = await trustedDocumentsOf(production);
  expect(trustedDocuments?.enforce).toBe(true);
  graph = await startGraph({ seed: true, seedNomads: 40, ...(trustedDocuments ? { trustedDocuments } : {}) });
}, 300_000);
afterAll(async () => {
  await graph?.stop();
});

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(tok: string, body: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}`, 'x-purpose': DEFAULT_TEST_PURPOSE },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const codes = (answer: Answer) => (answer.body.errors ?? []).map((e) => e.extensions?.code);

describe('trusted documents in production', () => {
  it("runs a registered operation sent by its documentId: the migration officer's nomad list", async () => {
    const officer = await token(['migration_officer']);
    const answer = await post(officer, { documentId: await registeredHash('NomadList'), variables: { first: 2 } });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const nomads = answer.body.data?.nomads as { totalCount: number; edges: { node: { id: string } }[] };
    expect(nomads.totalCount).toBeGreaterThan(0);
    expect(nomads.edges.length).toBe(2);
  });

  it("runs a registered operation sent as APQ's sha256Hash: the demo applicant's own applications", async () => {
    const nomad = await token(['nomad'], { nomadId: DEMO_APPLICANT });
    const hex = (await registeredHash('MyApplications')).slice('sha256:'.length);
    const answer = await post(nomad, { extensions: { persistedQuery: { version: 1, sha256Hash: hex } } });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const me = answer.body.data?.me as { applications: { edges: { node: { number: string } }[] } };
    expect(me.applications.edges.length).toBeGreaterThan(0);
  });

  it("runs what officers and operators send besides the screens' queries: a year's holidays loaded, an officer's read in the auditor's access log, the operator's event deliveries", async () => {
    const officer = await token(['migration_officer']);
    const holidays = [
      { day: '2031-01-01', name: 'New Year' },
      { day: '2031-03-08', name: "International Women's Day" },
    ];
    const loaded = await post(officer, { documentId: await registeredHash('LoadPublicHolidays'), variables: { input: { year: 2031, holidays } } });
    expect(loaded.status).toBe(200);
    expect(loaded.body.errors).toBeUndefined();
    expect(loaded.body.data?.loadPublicHolidays).toMatchObject({ year: 2031, changed: true, holidays, userErrors: [] });
    const listed = await post(officer, { documentId: await registeredHash('PublicHolidays'), variables: { fromYear: 2031, toYear: 2031 } });
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data?.publicHolidays).toEqual([{ year: 2031, holidays }]);

    // The auditor's console: the officer's read of a nomad, in migration's access log.
    const read = await post(officer, { documentId: await registeredHash('NomadStatus'), variables: { id: DEMO_APPLICANT, on: '2026-01-01' } });
    expect(read.body.errors).toBeUndefined();
    const auditor = await token(['auditor']);
    const records = await post(auditor, { documentId: await registeredHash('MigrationAccessRecords'), variables: { subjectId: DEMO_APPLICANT, first: 20 } });
    expect(records.status).toBe(200);
    expect(records.body.errors).toBeUndefined();
    const edges = (records.body.data?.migrationAccessRecords as { edges: { node: { operation: string; fields: string[] } }[] }).edges;
    expect(edges.filter((e) => e.node.operation === 'NomadStatus').flatMap((e) => e.node.fields)).toContain('Nomad.pin');
    // …and the operators' one: the events migration has not delivered (none on a healthy graph).
    const open = await post(auditor, { documentId: await registeredHash('MigrationEventDeliveries'), variables: { first: 5 } });
    expect(open.status).toBe(200);
    expect(open.body.errors).toBeUndefined();
    const deliveries = open.body.data?.migrationEventDeliveries as { totalCount: number; edges: unknown[] } | undefined;
    expect(deliveries?.edges.length).toBe(Math.min(deliveries?.totalCount ?? -1, 5));
  });

  it('refuses a hash nobody registered with 400 PERSISTED_QUERY_NOT_FOUND', async () => {
    const officer = await token(['migration_officer']);
    const answer = await post(officer, { documentId: `sha256:${'e'.repeat(64)}` });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(answer.body.data).toBeUndefined();
  });

  it("refuses an officer's free query text with 400 PERSISTED_QUERY_REQUIRED, even the text of a registered operation", async () => {
    for (const roles of [['migration_officer'], ['security_officer'], ['tax_officer'], ['auditor']] as const) {
      const answer = await post(await token([...roles]), { query: '{ nomads(first: 1) { totalCount } }' });
      expect(answer.status, roles.join()).toBe(400);
      expect(codes(answer)).toEqual(['PERSISTED_QUERY_REQUIRED']);
    }
    const nomad = await token(['nomad'], { nomadId: DEMO_APPLICANT });
    expect(codes(await post(nomad, { query: '{ me { id } }' }))).toEqual(['PERSISTED_QUERY_REQUIRED']);
    // The registered operation's own text, sent as text, is still text: only its hash runs.
    const documents = await readTrustedDocuments(DEFAULT_TRUSTED_DOCUMENTS_PATH);
    const nomadList = documents[await registeredHash('NomadList')];
    expect(nomadList).toMatch(/NomadList/);
    const asText = await post(await token(['migration_officer']), { query: nomadList, variables: { first: 2 } });
    expect(asText.status).toBe(400);
    expect(codes(asText)).toEqual(['PERSISTED_QUERY_REQUIRED']);
  });

  it("runs an analyst's ad-hoc query, and refuses one over the analysts' cost budget", async () => {
    const analyst = await token(['analyst']);
    const answer = await post(analyst, { query: '{ applications(first: 5, filter: { overdue: false }) { totalCount } }' });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect((answer.body.data?.applications as { totalCount: number }).totalCount).toBeGreaterThan(0);

    // 1 + 100 × (1 + 1 + (1 + 100 × (1 + 1 + (1 + 100 × 1)))): over a million, past the analysts' 500,000.
    const costly = await post(analyst, {
      query: '{ nomads(first: 100) { edges { node { applications(first: 100) { edges { node { nomad { applications(first: 100) { edges { node { number } } } } } } } } } } }',
    });
    expect(costly.status).toBe(400);
    expect(codes(costly)).toEqual(['COST_LIMIT_EXCEEDED']);
  });
});
