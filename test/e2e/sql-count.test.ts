import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_GATEWAY_SECRET, type Role } from '@nomad/kit';
import { seedMigration } from '@nomad/migration';
import { silentLogger, startGraph, token, type TestGraph } from '../src/harness.ts';

const NOMADS_WITH_APPLICATIONS = /* GraphQL */ `
  query Nomads($first: Int!) {
    nomads(first: $first) {
      edges {
        node {
          id surname givenNames citizenship pin passport { number }
          applications(first: 5) {
            edges { node { number state overdue activity { title } declaredIncome { amountMinor currency } documents { kind } } }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ today: '2026-11-24' });
  await seedMigration(graph.migration.database.db, silentLogger, { today: '2026-11-24', nomads: 120 });
});
afterAll(async () => {
  await graph?.stop();
});

describe('SQL statements per operation', () => {
  it('listing 50 nomads with their applications costs the same as listing 5', async () => {
    const tok = await token(['migration_officer']);
    const run = async (first: number) => {
      let edges = 0;
      const counts = await graph.countSql(async () => {
        const res = await graph.request<{ nomads: { edges: unknown[] } }>(tok, NOMADS_WITH_APPLICATIONS, { first });
        expect(res.body.errors).toBeUndefined();
        edges = res.body.data?.nomads.edges.length ?? 0;
      });
      return { edges, statements: counts.migration };
    };
    const five = await run(5);
    const fifty = await run(50);
    expect(five.edges).toBe(5);
    expect(fifty.edges).toBe(50);
    expect(five.statements).toBeGreaterThan(0);
    expect(fifty.statements).toBe(five.statements);
  });

  it("a read of personal fields costs one statement more than the same read without: its access records, counted on the operation", async () => {
    const tok = await token(['migration_officer']);
    const list = await graph.request<{ nomads: { edges: { node: { id: string } }[] } }>(tok, '{ nomads(first: 1) { edges { node { id } } } }');
    const id = list.body.data?.nomads.edges[0]?.node.id;
    expect(id).toBeDefined();
    const cost = async (fields: string) =>
      (
        await graph.countSql(async () => {
          const res = await graph.request(tok, `query N($id: ID!) { nomad(id: $id) { id ${fields} } }`, { id });
          expect(res.body.errors).toBeUndefined();
        })
      ).migration;
    const plain = await cost('citizenship');
    expect(plain).toBeGreaterThan(0);
    expect(await cost('citizenship surname passport { number }')).toBe(plain + 1);
  });

  it('applications with their nomads: the same for 5 and 50', async () => {
    const tok = await token(['migration_officer']);
    const query = /* GraphQL */ `
      query Apps($first: Int!) { applications(first: $first) { totalCount edges { node { number nomad { surname citizenship } documents { kind } } } } }
    `;
    const count = async (first: number) => {
      const counts = await graph.countSql(async () => {
        const res = await graph.request<{ applications: { edges: unknown[] } }>(tok, query, { first });
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data?.applications.edges).toHaveLength(first);
      });
      return counts.migration;
    };
    const five = await count(5);
    expect(five).toBeGreaterThan(0);
    expect(await count(50)).toBe(five);
  });

  it('another agency\'s officer reading 40 nomads through `_entities`: the `linked` relation adds one statement, as for 5', async () => {
    // Holders (a status period each): linked to labor, so every identity field is read, and recorded.
    const holders = await graph.migration.database.client<{ id: string }[]>`
      select distinct nomad_id::text as id from migration.status_periods order by 1 limit 40`;
    expect(holders).toHaveLength(40);
    const read = async (role: Role, n: number) => {
      const tok = await token([role]);
      let names = 0;
      const counts = await graph.countSql(async () => {
        const res = await fetch(graph.migration.server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}`, 'x-gateway-credential': DEV_GATEWAY_SECRET, 'x-purpose': 'sql count' },
          body: JSON.stringify({
            query: 'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Nomad { id surname pin status { state } } } }',
            variables: { r: holders.slice(0, n).map((h) => ({ __typename: 'Nomad', id: h.id })) },
          }),
        });
        const body = (await res.json()) as { data?: { _entities: ({ surname: string | null } | null)[] }; errors?: unknown };
        expect(body.errors).toBeUndefined();
        names = body.data?._entities.filter((e) => e?.surname).length ?? 0;
      });
      expect(names).toBe(n);
      return counts.migration;
    };
    const officerFive = await read('migration_officer', 5);
    const laborFive = await read('labor_officer', 5);
    const laborForty = await read('labor_officer', 40);
    expect(officerFive).toBeGreaterThan(0);
    expect(laborForty).toBe(laborFive);
    expect(laborFive - officerFive).toBe(1);
    expect(await read('migration_officer', 40)).toBe(officerFive);
  });
});
