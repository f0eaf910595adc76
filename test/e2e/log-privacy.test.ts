import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import { captureLogs, findMarkers, personalMarker, type LogCapture } from '../src/log-scan.ts';
import { mutationCases, supergraphSchema, type Fill } from '../src/mutation-cases.ts';
import { clientOf, expectInternalError, failInserts } from '../src/faults.ts';
import { SUBMIT, validApplication } from '../src/fixtures.ts';
import * as flows from '../src/flows.ts';

/**
 * No personal data in any service's log: personal markers go through every mutation's inputs
 * (as good values, as bad ones, as values too long for their column) from every kind of
 * caller, and through a database error whose statement carries them; afterwards no line of
 * the gateway or any subgraph contains one.
 */

let graph: TestGraph;
let logs: LogCapture;
const markers: string[] = [];

function marker(): string {
  const m = personalMarker();
  markers.push(m);
  return m;
}

beforeAll(async () => {
  logs = captureLogs();
  graph = await startGraph({ today: '2026-11-24', seed: true, logs });
});
afterAll(async () => {
  await graph?.stop();
});

const ROLES = ['migration_officer', 'labor_officer', 'labor_expert', 'tax_officer', 'security_officer', 'analyst', 'auditor'] as const;

/** Ways to fill a mutation's inputs: markers as plausible values, as bad ids, and far too long. */
function fills(): Record<string, Fill> {
  return {
    plausible: { text: () => marker(), id: () => randomUUID(), number: 918_273_645 },
    'bad ids': { text: () => marker(), id: () => marker(), number: -1 },
    'too long': { text: () => marker().repeat(400), id: () => randomUUID(), number: Number.MAX_SAFE_INTEGER },
  };
}

describe('log privacy', () => {
  it('logs no personal marker sent through any mutation by any caller', async () => {
    const schema = supergraphSchema();
    const nomad = await token(['nomad'], { nomadId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
    const callers = [nomad, ...(await Promise.all(ROLES.map((r) => token([r]))))];
    let sent = 0;
    for (const [how, fill] of Object.entries(fills())) {
      const cases = mutationCases(schema, fill);
      expect(cases.length, 'mutations in the supergraph').toBeGreaterThan(20);
      for (const c of cases) {
        for (const caller of callers) {
          const res = await graph.request(caller, c.document, c.variables, { 'x-purpose': `log privacy ${how} ${marker()}` });
          expect(res.status, `${c.name} (${how}): ${res.text}`).toBeLessThan(500);
          sent++;
        }
      }
    }
    expect(sent).toBeGreaterThan(0);
    await graph.flushEvents();
    expect(findMarkers(logs, markers)).toEqual([]);
  });

  it('logs no personal marker when the database refuses a write whose parameters carry it', async () => {
    const surname = marker();
    const email = `${marker().toLowerCase()}@example.org`;
    const input = validApplication();
    input.applicant.surname = surname;
    input.applicant.email = email;
    input.foreignParties = [{ kind: 'EMPLOYER', name: marker(), country: 'DEU' }];
    const restore = await failInserts(clientOf(graph, 'migration'), 'migration.applications');
    try {
      const res = await graph.request(await token(['nomad'], { nomadId: randomUUID() }), SUBMIT, { input });
      expectInternalError(res);
    } finally {
      await restore();
    }
    const masked = logs.lines().filter((l) => l.line.includes('internal error masked'));
    expect(masked.length, 'the database error was logged').toBeGreaterThan(0);
    // The line still says what failed: the statement's name and the SQLSTATE.
    expect(masked.some((l) => l.line.includes('insert migration.applications') && l.line.includes('P0001'))).toBe(true);
    expect(findMarkers(logs, markers)).toEqual([]);
  });

  it('logs no personal marker of a full application, its screening and its events', async () => {
    const officer = await token(['migration_officer']);
    const security = await token(['security_officer']);
    const s = await flows.applicant(graph);
    const screening = await flows.screeningOf(graph, security, s.app.id);
    const reasonText = marker();
    const res = await graph.request(
      security,
      'mutation C($input: ConcludeScreeningInput!) { concludeScreening(input: $input) { userErrors { code } } }',
      { input: { screeningId: screening.id, expectedVersion: screening.version, outcome: 'FLAGGED', classification: 'RESTRICTED', reasons: ['WATCHLIST_MATCH'], reasonText } },
      { 'x-purpose': `screening ${marker()}` },
    );
    expect(res.status, res.text).toBeLessThan(500);
    await graph.flushEvents();
    await graph.request(officer, '{ applications(first: 5) { edges { node { id } } } }', {}, { 'x-purpose': 'review' });
    expect(logs.lines().length).toBeGreaterThan(0);
    expect(findMarkers(logs, markers)).toEqual([]);
  });
});
