import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMigration } from '@nomad/migration';
import { schema as taxSchema, seedTax, type CampaignRunner, type TaxSchema } from '@nomad/tax';
import type { Database } from '@nomad/kit';
import { silentLogger, startGraph, token, type GraphResponse, type TestGraph } from '../src/harness.ts';

const TODAY = '2026-11-24';
let graph: TestGraph;

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  await seedMigration(graph.migration.database.db, silentLogger, { today: TODAY, nomads: 60 });
  await seedTax((graph.agencies.tax?.database as unknown as Database<TaxSchema>).db, silentLogger, { today: TODAY, nomads: 60 });
});
afterAll(async () => {
  await graph?.stop();
});

interface Page {
  totalCount: number;
  edges: { node: { id: string; registration: { nomad: { id: string } } } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every item of a connection, page by page, and the totalCount each page reported. */
async function pageThrough(tok: string, field: (data: Record<string, unknown>) => Page, query: string, variables: Record<string, unknown> = {}) {
  const ids: string[] = [];
  const totals = new Set<number>();
  const nomads = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const res = await graph.request<Record<string, unknown>>(tok, query, { ...variables, first: 2, after });
    expect(res.body.errors, res.text).toBeUndefined();
    const page = field(res.body.data ?? {});
    totals.add(page.totalCount);
    for (const e of page.edges) {
      ids.push(e.node.id);
      nomads.add(e.node.registration.nomad.id);
    }
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { ids, totals: [...totals], nomads: [...nomads] };
}

const NODE = 'edges { node { id registration { nomad { id } } } } pageInfo { hasNextPage endCursor } totalCount';
const ARREARS = `query($first: Int!, $after: String) { taxArrears(first: $first, after: $after) { ${NODE} } }`;
const NOMAD_DECLARATIONS = `query($id: ID!, $first: Int!, $after: String) { nomad(id: $id) { declarations(first: $first, after: $after) { ${NODE} } } }`;

describe('tax: totalCount equals the items on all pages', () => {
  it('taxArrears for a tax officer, and for a nomad only their own', async () => {
    const officer = await token(['tax_officer']);
    const all = await pageThrough(officer, (d) => d.taxArrears as Page, ARREARS);
    expect(all.ids.length).toBeGreaterThan(2); // more than one page
    expect(all.totals).toEqual([all.ids.length]);

    const nomadId = all.nomads[0];
    if (!nomadId) throw new Error('no nomad in arrears');
    const own = await pageThrough(await token(['nomad'], { nomadId }), (d) => d.taxArrears as Page, ARREARS);
    expect(own.ids.length).toBeGreaterThan(0);
    expect(own.ids.length).toBeLessThan(all.ids.length);
    expect(own.nomads).toEqual([nomadId]);
    expect(own.totals).toEqual([own.ids.length]);
  });

  it("a nomad's declarations (Nomad.declarations)", async () => {
    const officer = await token(['tax_officer']);
    const all = await pageThrough(officer, (d) => d.taxArrears as Page, ARREARS);
    const nomadId = all.nomads[0];
    if (!nomadId) throw new Error('no nomad in arrears');
    const tok = await token(['tax_officer', 'migration_officer']);
    const mine = await pageThrough(tok, (d) => (d.nomad as { declarations: Page }).declarations, NOMAD_DECLARATIONS, { id: nomadId });
    expect(mine.ids.length).toBeGreaterThan(0);
    expect(mine.nomads).toEqual([nomadId]);
    expect(mine.totals).toEqual([mine.ids.length]);
  });
});

interface CampaignPage {
  totalCount: number;
  edges: { node: { id: string; progress: { done: number; failed: number }; failures: { totalCount: number } } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface FailurePage {
  totalCount: number;
  edges: { node: { registration: { id: string } } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('tax: campaigns and their failures count what they list', () => {
  it('reregistrationCampaigns and ReregistrationCampaign.failures', async () => {
    const db = (graph.agencies.tax?.database as unknown as Database<TaxSchema>).db;
    const runner = graph.agencies.tax?.extras.campaigns as CampaignRunner;
    // Two of the pending IEs on a closed regime: every campaign fails them (they stay pending),
    // the first one re-registers the others.
    const allPending = await db.select({ id: taxSchema.registrations.id }).from(taxSchema.registrations).where(eq(taxSchema.registrations.state, 'PENDING_REREGISTRATION'));
    expect(allPending.length).toBeGreaterThan(2);
    const pending = allPending.slice(0, 2);
    await db.update(taxSchema.regimes).set({ active: false }).where(eq(taxSchema.regimes.code, 'HTP_RESIDENT'));
    await db.update(taxSchema.registrations).set({ regimeCode: 'HTP_RESIDENT' }).where(inArray(taxSchema.registrations.id, pending.map((p) => p.id)));

    // The sample's past campaign (its own done and failed IEs) is listed too; the checks below are about the three started here.
    const sample = new Set((await db.select({ id: taxSchema.campaigns.id }).from(taxSchema.campaigns)).map((c) => c.id));
    expect(sample.size).toBe(1);
    const officer = await token(['tax_officer']);
    for (let i = 0; i < 3; i++) {
      const res = await graph.request<{ startReregistrationCampaign: { userErrors: unknown[] } }>(officer, 'mutation { startReregistrationCampaign(input: { batchSize: 7 }) { userErrors { code } } }');
      expect(res.body.data?.startReregistrationCampaign.userErrors, res.text).toEqual([]);
      await runner.idle();
    }

    const campaignIds: string[] = [];
    const done: number[] = [];
    const campaignTotals = new Set<number>();
    let after: string | null = null;
    for (;;) {
      const res: GraphResponse<{ reregistrationCampaigns: CampaignPage }> = await graph.request(
        officer,
        'query($after: String) { reregistrationCampaigns(first: 2, after: $after) { totalCount edges { node { id progress { done failed } failures(first: 1) { totalCount } } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      expect(res.body.errors, res.text).toBeUndefined();
      const page: CampaignPage | undefined = res.body.data?.reregistrationCampaigns;
      if (!page) throw new Error(res.text);
      campaignTotals.add(page.totalCount);
      for (const e of page.edges) {
        if (sample.has(e.node.id)) continue;
        campaignIds.push(e.node.id);
        expect(e.node.progress.failed).toBe(2);
        expect(e.node.failures.totalCount).toBe(2);
        done.push(e.node.progress.done);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(campaignIds).toHaveLength(3);
    expect([...campaignTotals]).toEqual([sample.size + 3]);
    // The first campaign re-registered the others besides failing two (the clock stands still, so
    // the order among the three is by id).
    expect([...done].sort((a, b) => a - b)).toEqual([0, 0, allPending.length - 2]);
    const first = campaignIds[done.indexOf(allPending.length - 2)];

    const failed: string[] = [];
    const failureTotals = new Set<number>();
    after = null;
    for (;;) {
      const res: GraphResponse<{ reregistrationCampaign: { failures: FailurePage } }> = await graph.request(
        officer,
        'query($id: ID!, $after: String) { reregistrationCampaign(id: $id) { failures(first: 1, after: $after) { totalCount edges { node { registration { id } } } pageInfo { hasNextPage endCursor } } } }',
        { id: first, after },
      );
      expect(res.body.errors, res.text).toBeUndefined();
      const page: FailurePage | undefined = res.body.data?.reregistrationCampaign.failures;
      if (!page) throw new Error(res.text);
      failureTotals.add(page.totalCount);
      failed.push(...page.edges.map((e) => e.node.registration.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(failed.sort()).toEqual(pending.map((p) => p.id).sort());
    expect([...failureTotals]).toEqual([failed.length]);
  });
});
