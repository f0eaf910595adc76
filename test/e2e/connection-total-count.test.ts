import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import { SUBMIT, validApplication, WITHDRAW, type ApplicationView, type UserErrorView } from '../src/fixtures.ts';
import * as flows from '../src/flows.ts';

/**
 * The connections that got `totalCount` last (issue 17): each counts, under the same
 * arguments, exactly what its pages list, and costs one COUNT statement when selected and
 * none when not. The connections the kit gives every agency (access records, event
 * deliveries, inbox failures) are tried through migration's and labor's fields.
 */

let graph: TestGraph;
let world: flows.StatusHolder;
/** A nomad with three applications (two withdrawn). */
let twice: flows.Applicant;

beforeAll(async () => {
  // Sealing by hand: the ledger (Nomad.accessLog) must not grow between two pages.
  graph = await startGraph({ autoSeal: false });
  const security = await token(['security_officer'], { sub: 'count-security-officer' });
  const migration = await token(['migration_officer'], { sub: 'count-migration-officer' });
  world = await flows.statusHolder(graph, migration, (s) => flows.clearedBySecurity(graph, security, migration, s.app.id));

  twice = await flows.applicant(graph);
  let open = twice.app;
  for (let i = 0; i < 2; i++) {
    const withdrawn = await flows.gql<{ withdrawApplication: { userErrors: UserErrorView[] } }>(graph, twice.tok, WITHDRAW, { input: { applicationId: open.id } });
    expect(withdrawn.withdrawApplication.userErrors).toEqual([]);
    const again = await flows.gql<{ submitApplication: { application: ApplicationView | null; userErrors: UserErrorView[] } }>(graph, twice.tok, SUBMIT, {
      input: validApplication({ passportNumber: twice.passportNumber }),
    });
    expect(again.submitApplication.userErrors).toEqual([]);
    if (!again.submitApplication.application) throw new Error('no application');
    open = again.submitApplication.application;
  }

  // Reads of personal data by officers of two agencies, of both nomads: access records and, once sealed, ledger entries.
  for (const nomadId of [world.nomadId, world.nomadId, world.nomadId, twice.nomadId]) {
    await flows.gql(graph, migration, 'query Q($id: ID!) { nomad(id: $id) { surname } }', { id: nomadId });
  }
  const labor = await token(['labor_officer'], { sub: 'count-labor-officer' });
  for (let i = 0; i < 3; i++) await flows.gql(graph, labor, 'query Q($id: ID!) { nomad(id: $id) { monitoring { riskLevel } } }', { id: world.nomadId });
  await graph.flushEvents();
  await graph.sealAll();

  // Deliveries in every state operators list: three of the delivered ones dead-lettered.
  const dead = await graph.migration.database.client.unsafe<{ id: string }[]>(
    `update migration.outbox_deliveries set state = 'DEAD' where id in (select id from migration.outbox_deliveries where state = 'DELIVERED' order by seq limit 3) returning id`,
  );
  expect(dead).toHaveLength(3);
  // Three events migration refuses for good (POISON) besides the ones it processed.
  for (let i = 0; i < 3; i++) {
    const applicationId = randomUUID();
    const payload = { applicationId, screeningId: randomUUID(), outcome: 'CLEARED', concludedAt: new Date().toISOString() };
    expect(await graph.deliverToMigration('ScreeningConcluded', applicationId, payload)).toBe(409);
  }
  const [processed] = await graph.migration.database.client.unsafe<{ n: string }[]>(`select count(*) as n from migration.inbox where state = 'PROCESSED'`);
  expect(Number(processed?.n)).toBeGreaterThan(0);
});
afterAll(async () => {
  await graph?.stop();
});

interface Page {
  totalCount?: number;
  edges: { cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface Case {
  name: string;
  /** The subgraph that serves the connection (and runs its COUNT). */
  agency: string;
  token: () => Promise<string>;
  /** The operation, `$first` and `$after` declared, with `selection` inside the connection. */
  query: (selection: string) => string;
  /** Where the connection is in `data`. */
  path: string[];
  /** Argument sets that select different items (a filter the count ignored shows in one of them). */
  variants: Record<string, unknown>[];
}

const PAGE = 'edges { cursor } pageInfo { hasNextPage endCursor }';
const FIRST = 2;

const CASES: Case[] = [
  {
    name: 'Nomad.applications',
    agency: 'migration',
    token: () => token(['migration_officer']),
    query: (s) => `query Q($id: ID!, $first: Int!, $after: String) { nomad(id: $id) { applications(first: $first, after: $after) { ${s} } } }`,
    path: ['nomad', 'applications'],
    variants: [{ id: '<twice>' }, { id: '<world>' }],
  },
  {
    name: 'migrationAccessRecords (kit)',
    agency: 'migration',
    token: () => token(['auditor']),
    query: (s) => `query Q($subjectId: ID, $first: Int!, $after: String) { migrationAccessRecords(subjectId: $subjectId, first: $first, after: $after) { ${s} } }`,
    path: ['migrationAccessRecords'],
    variants: [{ subjectId: '<world>' }, { subjectId: '<twice>' }, {}],
  },
  {
    name: 'laborAccessRecords (kit)',
    agency: 'labor',
    token: () => token(['auditor']),
    query: (s) => `query Q($subjectId: ID, $first: Int!, $after: String) { laborAccessRecords(subjectId: $subjectId, first: $first, after: $after) { ${s} } }`,
    path: ['laborAccessRecords'],
    variants: [{ subjectId: '<world>' }, { subjectId: '<twice>' }, {}],
  },
  {
    name: "Nomad.accessLog, an auditor's view",
    agency: 'security',
    token: () => token(['auditor']),
    query: (s) => `query Q($id: ID!, $agency: LedgerAgency, $first: Int!, $after: String) { auditNomad(id: $id) { accessLog(agency: $agency, first: $first, after: $after) { ${s} } } }`,
    path: ['auditNomad', 'accessLog'],
    variants: [{ id: '<world>', agency: 'MIGRATION' }, { id: '<world>', agency: 'LABOR' }, { id: '<world>' }, { id: '<twice>' }],
  },
  {
    name: "Nomad.accessLog, the nomad's own view",
    agency: 'security',
    token: () => Promise.resolve(world.tok),
    query: (s) => `query Q($agency: LedgerAgency, $first: Int!, $after: String) { me { accessLog(agency: $agency, first: $first, after: $after) { ${s} } } }`,
    path: ['me', 'accessLog'],
    variants: [{ agency: 'MIGRATION' }, { agency: 'LABOR' }, {}],
  },
  {
    name: 'migrationEventDeliveries (kit)',
    agency: 'migration',
    token: () => token(['auditor']),
    query: (s) => `query Q($state: EventDeliveryState, $first: Int!, $after: String) { migrationEventDeliveries(state: $state, first: $first, after: $after) { ${s} } }`,
    path: ['migrationEventDeliveries'],
    variants: [{}, { state: 'DELIVERED' }, { state: 'PENDING' }],
  },
  {
    name: 'migrationInboxFailures (kit)',
    agency: 'migration',
    token: () => token(['auditor']),
    query: (s) => `query Q($first: Int!, $after: String) { migrationInboxFailures(first: $first, after: $after) { ${s} } }`,
    path: ['migrationInboxFailures'],
    // No arguments to vary: the PROCESSED entries (checked in beforeAll) are what it must leave out.
    variants: [{}],
  },
];

/** The placeholders `<world>` and `<twice>` stand for the nomads made in beforeAll. */
function resolveVariables(variables: Record<string, unknown>): Record<string, unknown> {
  const ids: Record<string, string> = { '<world>': world.nomadId, '<twice>': twice.nomadId };
  return Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, typeof v === 'string' ? (ids[v] ?? v) : v]));
}

function connectionAt(data: unknown, path: string[]): Page {
  let value: unknown = data;
  for (const key of path) value = (value as Record<string, unknown> | null | undefined)?.[key];
  if (!value) throw new Error(`nothing at ${path.join('.')}`);
  return value as Page;
}

/** Every item (by cursor) of a connection, page by page, and the totalCount each page reported. */
async function pageThrough(c: Case, tok: string, variables: Record<string, unknown>) {
  const cursors: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (;;) {
    const res = await graph.request<Record<string, unknown>>(tok, c.query(`totalCount ${PAGE}`), { ...variables, first: FIRST, after });
    expect(res.body.errors, res.text).toBeUndefined();
    const page = connectionAt(res.body.data, c.path);
    if (page.totalCount !== undefined) totals.add(page.totalCount);
    cursors.push(...page.edges.map((e) => e.cursor));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { cursors, totals: [...totals] };
}

describe('totalCount equals the items on all pages, under the same arguments', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const tok = await c.token();
    const counts: number[] = [];
    for (const raw of c.variants) {
      const variables = resolveVariables(raw);
      const { cursors, totals } = await pageThrough(c, tok, variables);
      expect(new Set(cursors).size, JSON.stringify(raw)).toBe(cursors.length);
      expect(totals, JSON.stringify(raw)).toEqual([cursors.length]);
      counts.push(cursors.length);
    }
    expect(counts.length).toBeGreaterThan(0);
    // Some argument set spans more than one page, and, where there are several, they do not all list the same number.
    expect(Math.max(...counts), JSON.stringify(counts)).toBeGreaterThan(FIRST);
    if (c.variants.length > 1) expect(new Set(counts).size, JSON.stringify(counts)).toBeGreaterThan(1);
  });
});

describe('totalCount costs one statement when selected and none when not', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const tok = await c.token();
    const variables = { ...resolveVariables(c.variants[0] ?? {}), first: FIRST, after: null };
    const run = (selection: string) =>
      graph.countSql(async () => {
        const res = await graph.request<Record<string, unknown>>(tok, c.query(selection), variables);
        expect(res.body.errors, res.text).toBeUndefined();
        expect(connectionAt(res.body.data, c.path).edges.length).toBeGreaterThan(0);
      });
    const without = await run(PAGE);
    const withCount = await run(`totalCount ${PAGE}`);
    expect(without[c.agency], JSON.stringify(without)).toBeGreaterThan(0);
    expect((withCount[c.agency] ?? 0) - (without[c.agency] ?? 0), JSON.stringify({ without, withCount })).toBe(1);
  });
});
