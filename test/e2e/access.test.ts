import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMigration } from '@nomad/migration';
import { DEMO_NOMAD_ID } from '@nomad/sample';
import { signToken } from '@nomad/kit';
import { silentLogger, startGraph, token, type TestGraph } from '../src/harness.ts';

let graph: TestGraph;
const OTHER_NOMAD = '5eed0000-0000-4000-8000-000000000003';
beforeAll(async () => {
  graph = await startGraph({ today: '2026-11-24' });
  await seedMigration(graph.migration.database.db, silentLogger, { today: '2026-11-24', nomads: 30 });
});
afterAll(async () => {
  await graph?.stop();
});

describe('authentication', () => {
  const query = '{ nomads(first: 1) { totalCount } }';

  it('refuses a request without a token before executing anything', async () => {
    const counts = await graph.countSql(async () => {
      const res = await graph.request(null, query);
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.body.data).toBeUndefined();
    });
    expect(counts.migration).toBe(0);
  });

  it.each([
    ['a malformed token', 'not-a-jwt'],
    ['a token signed with another secret', 'wrong'],
    ['an expired token', 'expired'],
  ])('refuses %s', async (_name, kind) => {
    const tok =
      kind === 'wrong'
        ? await signToken('another-secret-that-is-long-enough-for-hs256', { roles: ['migration_officer'] })
        : kind === 'expired'
          ? await token(['migration_officer'], { expiresIn: '-1m' })
          : kind;
    const res = await graph.request(tok, query);
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a subgraph call that bypasses the gateway', async () => {
    const res = await fetch(graph.migration.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(['migration_officer'])}` },
      body: JSON.stringify({ query }),
    });
    expect(res.status).toBe(401);
  });
});

describe('who reads what', () => {
  const NOMAD = /* GraphQL */ `query One($id: ID!) { nomad(id: $id) { id surname passport { number } } }`;

  it('a nomad reads their own record', async () => {
    const res = await graph.request<{ nomad: { id: string; surname: string } }>(await token(['nomad'], { nomadId: DEMO_NOMAD_ID }), NOMAD, { id: DEMO_NOMAD_ID });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.nomad.id).toBe(DEMO_NOMAD_ID);
    expect(res.body.data?.nomad.surname).toMatch(/^[A-Z]+$/);
  });

  it('a nomad cannot read another nomad, by id, by list or through an application', async () => {
    const tok = await token(['nomad'], { nomadId: DEMO_NOMAD_ID });
    const byId = await graph.request(tok, NOMAD, { id: OTHER_NOMAD });
    expect(byId.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(byId.body.data ?? null)).not.toMatch(/surname":"[A-Z]/);

    const list = await graph.request<{ nomads: { edges: { node: { id: string } }[] } }>(tok, '{ nomads(first: 50) { edges { node { id } } } }');
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data?.nomads.edges.map((e) => e.node.id)).toEqual([DEMO_NOMAD_ID]);

    const apps = await graph.request<{ applications: { edges: { node: { nomad: { id: string } } }[] } }>(
      tok,
      '{ applications(first: 50) { edges { node { nomad { id } } } } }',
    );
    expect(apps.body.errors).toBeUndefined();
    const owners = new Set(apps.body.data?.applications.edges.map((e) => e.node.nomad.id));
    expect([...owners]).toEqual([DEMO_NOMAD_ID]);

    const filtered = await graph.request(tok, `{ applications(filter: { nomadId: "${OTHER_NOMAD}" }) { totalCount } }`);
    expect(filtered.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("a nomad asking for another's PIN gets exactly what an unknown PIN gives (no oracle)", async () => {
    const officer = await token(['migration_officer']);
    const holder = await graph.request<{ nomads: { edges: { node: { id: string; pin: string | null } }[] } }>(officer, '{ nomads(first: 100) { edges { node { id pin } } } }');
    expect(holder.body.errors).toBeUndefined();
    const other = holder.body.data?.nomads.edges.map((e) => e.node).find((n) => n.pin && n.id !== DEMO_NOMAD_ID);
    expect(other?.pin, 'the sample world has a status holder with a PIN').toBeTruthy();
    const byPin = 'query P($pin: String) { nomad(pin: $pin) { id surname } }';
    const asOfficer = await graph.request<{ nomad: { id: string } | null }>(officer, byPin, { pin: other?.pin });
    expect(asOfficer.body.data?.nomad?.id).toBe(other?.id);

    const tok = await token(['nomad'], { nomadId: DEMO_NOMAD_ID });
    const someoneElses = await graph.request(tok, byPin, { pin: other?.pin });
    // A valid PIN no one holds: the same sex digit and birth date, serial 99999.
    const unknown = await graph.request(tok, byPin, { pin: `${other?.pin?.slice(0, 9)}99999` });
    expect(someoneElses.status).toBe(unknown.status);
    expect(someoneElses.body).toEqual({ data: { nomad: null } });
    expect(unknown.body).toEqual(someoneElses.body);
  });

  it('an analyst sees pseudonymous records: citizenship yes, names and passport no', async () => {
    const res = await graph.request<{ nomads: { edges: { node: { citizenship: string; surname: string | null } }[] } }>(
      await token(['analyst']),
      '{ nomads(first: 3) { edges { node { citizenship surname pin } } } }',
    );
    expect(res.body.data?.nomads.edges).toHaveLength(3);
    for (const e of res.body.data?.nomads.edges ?? []) {
      expect(e.node.citizenship).toMatch(/^[A-Z]{3}$/);
      expect(e.node.surname).toBeNull();
    }
    // One refusal per identity field asked for, of each of the three records.
    expect(res.body.errors?.map((e) => [e.extensions?.code, e.path?.at(-1)]).sort()).toEqual([
      ...Array<[string, string]>(3).fill(['FORBIDDEN', 'pin']),
      ...Array<[string, string]>(3).fill(['FORBIDDEN', 'surname']),
    ]);
  });

  it('a migration officer reads identity and applications of anyone', async () => {
    const res = await graph.request<{ nomad: { surname: string; passport: { number: string } } }>(await token(['migration_officer']), NOMAD, { id: OTHER_NOMAD });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.nomad.passport.number).toBeTruthy();
  });

  it('roles without a listing right are refused', async () => {
    const res = await graph.request(await token(['auditor']), '{ nomads(first: 1) { totalCount } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('pagination and filters', () => {
  it('pages through every application exactly once', async () => {
    const tok = await token(['migration_officer']);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: Awaited<ReturnType<typeof graph.request<{ applications: { edges: { node: { number: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>>> =
        await graph.request(tok, 'query P($after: String) { applications(first: 7, after: $after) { edges { node { number } } pageInfo { hasNextPage endCursor } } }', { after });
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data?.applications;
      seen.push(...(page?.edges.map((e) => e.node.number) ?? []));
      if (!page?.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });

  it('refuses a page larger than the cap and a forged cursor, naming the argument', async () => {
    const tok = await token(['migration_officer']);
    const big = await graph.request(tok, '{ applications(first: 1000) { totalCount } }');
    expect(big.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(big.body.errors?.[0]?.message).toMatch(/first/);
    const forged = await graph.request(tok, '{ applications(first: 5, after: "garbage!") { totalCount } }');
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(forged.body.errors?.[0]?.message).toMatch(/after/);
  });

  it('filters by state, citizenship and overdue', async () => {
    const tok = await token(['migration_officer']);
    const res = await graph.request<{ applications: { totalCount: number; edges: { node: { state: string; overdue: boolean; nomad: { citizenship: string } } }[] } }>(
      tok,
      '{ applications(first: 100, filter: { states: [SUBMITTED, UNDER_REVIEW], citizenships: ["KAZ", "RUS"] }) { totalCount edges { node { state overdue nomad { citizenship } } } } }',
    );
    expect(res.body.errors).toBeUndefined();
    const edges = res.body.data?.applications.edges ?? [];
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.length).toBe(res.body.data?.applications.totalCount);
    for (const e of edges) {
      expect(['SUBMITTED', 'UNDER_REVIEW']).toContain(e.node.state);
      expect(['KAZ', 'RUS']).toContain(e.node.nomad.citizenship);
    }
    // The overdue filter returns exactly the applications whose `overdue` field is true.
    type Listed = { applications: { edges: { node: { number: string; overdue: boolean } }[] } };
    const all = await graph.request<Listed>(tok, '{ applications(first: 100) { edges { node { number overdue } } } }');
    expect(all.body.errors).toBeUndefined();
    const allEdges = all.body.data?.applications.edges ?? [];
    expect(allEdges).toHaveLength(30);
    const late = allEdges.filter((e) => e.node.overdue).map((e) => e.node.number).sort();
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(allEdges.length);
    const overdue = await graph.request<Listed>(tok, '{ applications(first: 100, filter: { overdue: true }) { edges { node { number overdue } } } }');
    expect(overdue.body.errors).toBeUndefined();
    expect(overdue.body.data?.applications.edges.map((e) => e.node.number).sort()).toEqual(late);
  });
});
