import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@nomad/kit';
import { seedLabor, type LaborSchema } from '@nomad/labor';
import { seedMigration } from '@nomad/migration';
import { silentLogger, startGraph, token, type TestGraph } from '../src/harness.ts';

const TODAY = '2026-11-24';
const NOMADS = 160;

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  // Both seeds draw the same sample world: labor's cases belong to migration's status holders.
  await seedMigration(graph.migration.database.db, silentLogger, { today: TODAY, nomads: NOMADS });
  const labor = graph.agencies.labor?.database as unknown as Database<LaborSchema>;
  await seedLabor(labor.db, silentLogger, { today: TODAY, nomads: NOMADS });
});
afterAll(async () => {
  await graph?.stop();
});

const HOLDERS = /* GraphQL */ `
  query Holders($first: Int!) {
    nomads(first: $first, filter: { hasPin: true }) {
      edges {
        node {
          id citizenship pin
          monitoring { state riskLevel openedOn history { kind } }
          latestEvaluation { state verdict expert { name } }
          activityReports(first: 2) { totalCount edges { node { period { year quarter } late income { amountMinor currency } } } }
        }
      }
    }
  }
`;

interface Holder {
  monitoring: { state: string } | null;
  latestEvaluation: { expert: { name: string } | null } | null;
}

describe('labor: SQL statements per operation', () => {
  it('50 status holders with their case and latest evaluation cost the same per subgraph as 5', async () => {
    const tok = await token(['migration_officer', 'labor_officer']);
    const run = async (first: number) => {
      let nodes: Holder[] = [];
      const counts = await graph.countSql(async () => {
        const res = await graph.request<{ nomads: { edges: { node: Holder }[] } }>(tok, HOLDERS, { first });
        expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
        nodes = res.body.data?.nomads.edges.map((e) => e.node) ?? [];
      });
      return { nodes, counts };
    };
    const five = await run(5);
    const fifty = await run(50);
    expect(five.nodes).toHaveLength(5);
    expect(fifty.nodes).toHaveLength(50);
    // Every seeded status holder has a case in labor: the two seeds agree.
    expect(fifty.nodes.every((n) => n.monitoring !== null)).toBe(true);
    // Both pages reach every loader (cases, evaluations and their experts, reports).
    expect(five.nodes.some((n) => n.latestEvaluation?.expert)).toBe(true);
    expect(fifty.nodes.filter((n) => n.latestEvaluation?.expert).length).toBeGreaterThan(5);
    expect(five.counts.labor).toBeGreaterThan(0);
    expect(fifty.counts.labor).toBe(five.counts.labor);
    expect(fifty.counts.migration).toBe(five.counts.migration);
  });
});
