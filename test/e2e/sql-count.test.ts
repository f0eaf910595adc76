import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
