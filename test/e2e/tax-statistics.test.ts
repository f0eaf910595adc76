import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema as taxSchema, type TaxSchema } from '@nomad/tax';
import type { Database } from '@nomad/kit';
import { startGraph, token, type TestGraph } from '../src/harness.ts';

// Tax's statistics through the gateway with an analyst's token, on the `npm start` sample world:
// declared income by quarter and activity and re-registration progress come back with numbers
// (not all suppressed), and one more declaration of USD 67,345.12 filed by a tax officer never
// shows as its income in declarationStatistics nor in taxAggregates (issue 16).

const TODAY = '2026-11-24';
const INCOME = 6_734_512;
let graph: TestGraph;

beforeAll(async () => {
  graph = await startGraph({ today: TODAY, seed: true });
});
afterAll(async () => {
  await graph?.stop();
});

const taxDb = () => graph.agencies.tax?.database as unknown as Database<TaxSchema>;

async function ask<T>(query: string, roles: ('analyst' | 'tax_officer')[] = ['analyst']): Promise<T> {
  const res = await graph.request<T>(await token(roles), query);
  expect(res.body.errors, res.text).toBeUndefined();
  if (!res.body.data) throw new Error(res.text);
  return res.body.data;
}

interface Amount {
  amountMinor: number;
}
interface IncomeRow {
  quarter: string | null;
  activityCode: string | null;
  suppressed: boolean;
  count: number | null;
  incomeSum: Amount | null;
  incomeMedian: Amount | null;
}

describe('tax statistics as an analyst, on the sample world', () => {
  it('declared income by quarter (with numbers, in USD, rounded) and by quarter and activity (every cell answered, small ones suppressed)', async () => {
    // The 400-nomad sample holds about forty USD declarations over ten activities: a quarter has
    // enough taxpayers to be shown, a quarter and activity rarely does (the bulk seeder's program does).
    const query = (groupBy: string) => `{
      declarationStatistics(measures: [COUNT, INCOME_SUM, INCOME_MEDIAN], groupBy: ${groupBy}) {
        currency disclosure { countRoundingBase }
        rows { quarter activityCode suppressed count incomeSum { amountMinor } incomeMedian { amountMinor } }
        total { suppressed count incomeSum { amountMinor } }
      }
    }`;
    type Answer = { declarationStatistics: { currency: string; disclosure: { countRoundingBase: number }; rows: IncomeRow[]; total: IncomeRow } };
    const byQuarter = await ask<Answer>(query('[QUARTER]'));
    expect(byQuarter.declarationStatistics.currency).toBe('USD');
    const shown = byQuarter.declarationStatistics.rows.filter((r) => !r.suppressed);
    expect(shown.length).toBeGreaterThan(0);
    for (const r of shown) {
      expect(r.quarter).toMatch(/^[0-9]{4}-Q[1-4]$/);
      expect((r.count ?? 0) % byQuarter.declarationStatistics.disclosure.countRoundingBase).toBe(0);
      expect(r.incomeSum?.amountMinor).toBeGreaterThan(0);
      expect(r.incomeMedian?.amountMinor).toBeGreaterThan(0);
    }
    const byActivity = await ask<Answer>(query('[QUARTER, ACTIVITY]'));
    expect(byActivity.declarationStatistics.rows.length).toBeGreaterThan(0);
    expect(byActivity.declarationStatistics.rows.every((r) => r.quarter !== null && (r.suppressed ? r.incomeSum === null : (r.incomeSum?.amountMinor ?? 0) > 0))).toBe(true);
    expect(byActivity.declarationStatistics.total).toMatchObject({ suppressed: false, incomeSum: byQuarter.declarationStatistics.total.incomeSum });
  });

  it('re-registration progress: the sample campaign’s IEs done and failed, with the reasons as codes', async () => {
    const data = await ask<{ reregistrationStatistics: { rows: { outcome: string; failureReason: string | null; suppressed: boolean; count: number | null }[]; total: { count: number } } }>(`{
      reregistrationStatistics(measures: [COUNT], groupBy: [OUTCOME, FAILURE_REASON]) { rows { outcome failureReason suppressed count } total { count } }
    }`);
    const rows = data.reregistrationStatistics.rows;
    expect(rows.find((r) => r.outcome === 'DONE')?.count).toBeGreaterThan(0);
    const failed = rows.filter((r) => r.outcome === 'FAILED');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.failureReason === 'NOT_PENDING' || r.failureReason === 'REGIME_CLOSED')).toBe(true);
    expect(failed.some((r) => !r.suppressed && (r.count ?? 0) > 0)).toBe(true);
    expect(data.reregistrationStatistics.total.count).toBeGreaterThan(0);
  });

  it('an analyst chooses a campaign by its public code: the codes by grouping by CAMPAIGN, one campaign by filter.campaign; an unknown code is BAD_USER_INPUT naming filter.campaign; the id stays refused', async () => {
    type Row = { campaign: string | null; outcome: string | null; suppressed: boolean; count: number | null };
    const listed = await ask<{ reregistrationStatistics: { rows: Row[] } }>(`{ reregistrationStatistics(measures: [COUNT], groupBy: [CAMPAIGN]) { rows { campaign outcome suppressed count } } }`);
    const codes = listed.reregistrationStatistics.rows.map((r) => r.campaign);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(code).toMatch(/^[0-9]{4}-[0-9]{2}-[0-9]{2}(-[0-9]+)?$/);
    // The officers' campaigns list carries the same codes (ids stay with the officers).
    const officers = await ask<{ reregistrationCampaigns: { edges: { node: { code: string } }[] } }>(`{ reregistrationCampaigns { edges { node { code } } } }`, ['tax_officer']);
    expect(officers.reregistrationCampaigns.edges.map((e) => e.node.code).sort()).toEqual([...codes].sort());
    const chosen = codes[0] ?? '';
    const one = await ask<{ reregistrationStatistics: { rows: Row[]; total: { count: number | null } } }>(
      `{ reregistrationStatistics(measures: [COUNT], groupBy: [CAMPAIGN, OUTCOME], filter: { campaign: "${chosen}" }) { rows { campaign outcome suppressed count } total { count } } }`,
    );
    expect(one.reregistrationStatistics.rows.length).toBeGreaterThan(0);
    expect(one.reregistrationStatistics.rows.every((r) => r.campaign === chosen)).toBe(true);
    expect(one.reregistrationStatistics.rows.some((r) => !r.suppressed && (r.count ?? 0) > 0)).toBe(true);

    const refused = async (filter: string) => {
      const res = await graph.request(await token(['analyst']), `{ reregistrationStatistics(measures: [COUNT], filter: ${filter}) { total { count } } }`);
      expect(res.status).toBeLessThan(500);
      return res.body.errors?.[0];
    };
    const unknown = await refused('{ campaign: "1999-01-01" }');
    expect(unknown?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.campaign' });
    expect(unknown?.message).toContain('No re-registration campaign has the code `1999-01-01`');
    expect((await refused('{ campaign: "the latest" }'))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.campaign' });
    const [campaign] = await taxDb().db.select({ id: taxSchema.campaigns.id }).from(taxSchema.campaigns).limit(1);
    expect((await refused(`{ campaignId: "${campaign?.id ?? ''}" }`))?.extensions?.code).toBe('FORBIDDEN');
  });

  it('one more declaration of USD 67,345.12: neither declarationStatistics nor taxAggregates moves by it', async () => {
    const read = () =>
      ask<{
        declarationStatistics: { total: { count: number; incomeSum: Amount; incomeAverage: Amount; incomeMedian: Amount; incomeP90: Amount; taxDueSum: Amount } };
        taxAggregates: { declarationsByCurrency: { currency: string; declarations: number; income: Amount; taxDue: Amount }[] };
      }>(`{
        declarationStatistics(measures: [COUNT, INCOME_SUM, INCOME_AVERAGE, INCOME_MEDIAN, INCOME_P90, TAX_DUE_SUM]) {
          total { count incomeSum { amountMinor } incomeAverage { amountMinor } incomeMedian { amountMinor } incomeP90 { amountMinor } taxDueSum { amountMinor } }
        }
        taxAggregates { declarationsByCurrency { currency declarations income { amountMinor } taxDue { amountMinor } } }
      }`);
    const [ie] = await taxDb().db.select({ nomadId: taxSchema.registrations.nomadId }).from(taxSchema.registrations).where(eq(taxSchema.registrations.state, 'REREGISTERED')).limit(1);
    if (!ie) throw new Error('no registered IE in the sample');
    const before = await read();
    const filed = await ask<{ fileTaxDeclaration: { userErrors: { code: string }[] } }>(
      `mutation { fileTaxDeclaration(input: { nomadId: "${ie.nomadId}", period: "2021-Q1", income: { amountMinor: ${INCOME}, currency: "USD" } }) { userErrors { code } } }`,
      ['tax_officer'],
    );
    expect(filed.fileTaxDeclaration.userErrors).toEqual([]);
    const after = await read();
    const [row] = await taxDb().db.select().from(taxSchema.declarations).where(and(eq(taxSchema.declarations.period, '2021-Q1'), eq(taxSchema.declarations.incomeMinor, INCOME)));
    expect(row?.currency).toBe('USD');
    const b = before.declarationStatistics.total;
    const a = after.declarationStatistics.total;
    const measures = ['incomeSum', 'incomeAverage', 'incomeMedian', 'incomeP90', 'taxDueSum'] as const;
    for (const m of measures) expect(Math.abs(a[m].amountMinor - b[m].amountMinor - INCOME), m).toBeGreaterThanOrEqual(100);
    expect(a.count - b.count).not.toBe(1);
    const usd = (d: typeof before) => d.taxAggregates.declarationsByCurrency.find((c) => c.currency === 'USD');
    const [ub, ua] = [usd(before), usd(after)];
    if (!ub || !ua) throw new Error('no USD totals');
    expect(Math.abs(ua.income.amountMinor - ub.income.amountMinor - INCOME)).toBeGreaterThanOrEqual(100);
    expect(Math.abs(ua.taxDue.amountMinor - ub.taxDue.amountMinor - (row?.taxDueMinor ?? 0))).toBeGreaterThanOrEqual(1);
    expect(ua.declarations - ub.declarations).not.toBe(1);
  });
});
