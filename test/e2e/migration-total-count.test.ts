import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMigration } from '@nomad/migration';
import { silentLogger, startGraph, token, type GraphResponse, type TestGraph } from '../src/harness.ts';

const TODAY = '2026-11-24';
let graph: TestGraph;

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  await seedMigration(graph.migration.database.db, silentLogger, { today: TODAY, nomads: 60 });
});
afterAll(async () => {
  await graph?.stop();
});

interface ExpiringPage {
  totalCount: number;
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('migration: totalCount equals the items on all pages', () => {
  it('expiringStatuses, in the same window', async () => {
    const officer = await token(['migration_officer']);
    const ids: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (;;) {
      const res: GraphResponse<{ expiringStatuses: ExpiringPage }> = await graph.request(
        officer,
        'query($after: String) { expiringStatuses(withinDays: 366, first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      expect(res.body.errors, res.text).toBeUndefined();
      const page: ExpiringPage | undefined = res.body.data?.expiringStatuses;
      if (!page) throw new Error(res.text);
      totals.add(page.totalCount);
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids.length).toBeGreaterThan(2); // more than one page
    expect([...totals]).toEqual([ids.length]);
  });
});
