import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMigration } from '@nomad/migration';
import { seedTax, type TaxSchema } from '@nomad/tax';
import type { Database } from '@nomad/kit';
import { silentLogger, startGraph, token, type TestGraph } from '../src/harness.ts';

const TODAY = '2026-11-24';
let graph: TestGraph;

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  // Both seeds draw from the same sample world: the nomads with a PIN have an IE in tax.
  await seedMigration(graph.migration.database.db, silentLogger, { today: TODAY, nomads: 200 });
  await seedTax((graph.agencies.tax?.database as unknown as Database<TaxSchema>).db, silentLogger, { today: TODAY, nomads: 200 });
});
afterAll(async () => {
  await graph?.stop();
});

describe('tax: SQL statements per operation', () => {
  // Money fields of declarations are left out on purpose: whether a page holds any declaration
  // at all (and so reads payments and writes access records) depends on the data, not the length.
  it('50 nomads with their tax registration and declarations cost the same per subgraph as 5', async () => {
    const tok = await token(['migration_officer', 'tax_officer']);
    const query = /* GraphQL */ `
      query($first: Int!) {
        nomads(first: $first, filter: { hasPin: true }) {
          edges { node { id pin status { state } taxRegistration { pin state regime { code } history { kind } declarations(first: 2) { totalCount } } declarations(first: 2) { totalCount edges { node { period dueOn } } } } }
        }
      }`;
    const run = async (first: number) => {
      let withRegistration = 0;
      const counts = await graph.countSql(async () => {
        const res = await graph.request<{ nomads: { edges: { node: { taxRegistration: unknown } }[] } }>(tok, query, { first });
        expect(res.body.errors, res.text).toBeUndefined();
        withRegistration = (res.body.data?.nomads.edges ?? []).filter((e) => e.node.taxRegistration).length;
      });
      return { withRegistration, counts };
    };
    const five = await run(5);
    const fifty = await run(50);
    expect(five.withRegistration).toBe(5);
    expect(fifty.withRegistration).toBe(50);
    expect(five.counts.tax).toBeGreaterThan(0);
    expect(fifty.counts.tax).toBe(five.counts.tax);
    expect(fifty.counts.migration).toBe(five.counts.migration);
  });
});
