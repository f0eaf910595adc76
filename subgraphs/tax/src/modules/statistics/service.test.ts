import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DISCLOSURE_RULES, type Database, type DisclosedRow, type DisclosureRules, type Money, type Principal } from '@nomad/kit';
import type { TestDatabase } from '@nomad/kit/testing';
import type { App } from '../../app.ts';
import type { TaxSchema } from '../../db/index.ts';
import { campaignItems, campaigns, declarations, registrations, ruleValues, type CampaignFailureCode, type RegistrationState } from '../../db/schema.ts';
import { openTestTaxDatabase, taxServiceContext, testPin } from '../../testing.ts';
import { taxAggregates } from '../aggregates/service.ts';
import { getCampaignCodes } from '../campaign/queries.ts';
import { fileDeclaration } from '../declarations/service.ts';
import { getDeclarationStatistics, getReregistrationStatistics, type DeclarationStatisticsArgs, type ReregistrationStatisticsArgs } from './service.ts';

// Statistics over a small register written out by hand; every figure below is worked out on
// paper from it. Amounts are USD minor units (cents).
//
// Software developers (SOFTWARE_DEVELOPMENT, SIMPLIFIED_SINGLE_TAX, 4 %), five IEs S1..S5:
//   2026-Q1: 1,000,000  2,000,000  3,000,000  4,000,000  5,000,000
//     sum 15,000,000, average = median 3,000,000, P90 4,000,000 + 0.6 × 1,000,000 = 4,600,000; tax 600,000
//   2026-Q2: 1,100,000  2,200,000  3,300,000  4,400,000  5,500,000
//     sum 16,500,000, average = median 3,300,000, P90 4,400,000 + 0.6 × 1,100,000 = 5,060,000; tax 660,000
//   both: ten declarations of five taxpayers, sum 31,500,000, average 3,150,000,
//     median (3,000,000 + 3,300,000) / 2 = 3,150,000, P90 (position 8.1) 5,000,000 + 0.1 × 500,000 = 5,050,000
// Designers (DESIGN, HTP_RESIDENT, 1 %), three IEs D1..D3, 2026-Q1: 600,000  900,000  1,500,000
//   sum 3,000,000, median 900,000
// One more software developer declared 2026-Q1 in EUR (7,777,700): never in a USD answer.
// Every USD declaration: 13 of 8 taxpayers, sum 34,500,000.

const TODAY = '2026-11-24';
const app: App = { clock: { now: () => new Date(`${TODAY}T06:00:00Z`), today: () => TODAY }, campaigns: { wake: () => undefined } };
const analyst: Principal = { sub: 'analyst-1', name: 'analyst', roles: ['analyst'], nomadId: null };
const officer: Principal = { sub: 'tax-officer-1', name: 'officer', roles: ['tax_officer'], nomadId: null };
const EXACT = (k: number): DisclosureRules => ({ minCellSize: k, countRoundingBase: 1, significantFigures: 0 });

let testDb: TestDatabase;
let database: Database<TaxSchema>;
let pins = 0;
const software: { id: string; nomadId: string }[] = [];

async function ie(activityCode: string | null, regimeCode: string, state: RegistrationState = 'REREGISTERED'): Promise<{ id: string; nomadId: string }> {
  pins += 1;
  const [row] = await database.db
    .insert(registrations)
    .values({ pin: testPin(pins), nomadId: randomUUID(), state, firstRegistration: false, registeredOn: '2026-01-05', regimeCode, activity: activityCode, activityCode })
    .returning();
  if (!row) throw new Error('no registration');
  return { id: row.id, nomadId: row.nomadId };
}

async function declare(registrationId: string, period: string, incomeMinor: number, rate: number, regimeCode: string, currency = 'USD'): Promise<void> {
  await database.db.insert(declarations).values({
    registrationId,
    period,
    incomeMinor,
    currency,
    regimeCode,
    rateBasisPoints: rate,
    taxDueMinor: Math.round((incomeMinor * rate) / 10_000),
    dueOn: '2026-12-25',
    filedAt: period === '2026-Q1' ? '2026-04-10T04:00:00Z' : '2026-07-10T04:00:00Z',
    filedBy: 'test',
  });
}

beforeAll(async () => {
  ({ testDb, database } = await openTestTaxDatabase('tax_statistics'));
  for (let i = 1; i <= 5; i++) {
    const s = await ie('SOFTWARE_DEVELOPMENT', 'SIMPLIFIED_SINGLE_TAX');
    software.push(s);
    await declare(s.id, '2026-Q1', i * 1_000_000, 400, 'SIMPLIFIED_SINGLE_TAX');
    await declare(s.id, '2026-Q2', i * 1_100_000, 400, 'SIMPLIFIED_SINGLE_TAX');
  }
  for (const income of [600_000, 900_000, 1_500_000]) await declare((await ie('DESIGN', 'HTP_RESIDENT')).id, '2026-Q1', income, 100, 'HTP_RESIDENT');
  await declare((await ie('SOFTWARE_DEVELOPMENT', 'SIMPLIFIED_SINGLE_TAX')).id, '2026-Q1', 7_777_700, 400, 'SIMPLIFIED_SINGLE_TAX', 'EUR');
});
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

const ALL = ['COUNT', 'TAXPAYERS', 'INCOME_SUM', 'INCOME_AVERAGE', 'INCOME_MEDIAN', 'INCOME_P90', 'TAX_DUE_SUM'] as const;

/** The rules tax's `statistics_disclosure` rule value holds (the defaults), read as the service reads them. */
const RULE_VALUE = 'rule value' as const;
const given = (rules: DisclosureRules | typeof RULE_VALUE) => (rules === RULE_VALUE ? undefined : rules);

/** Runs declarationStatistics as `principal` (an analyst), counting its SQL statements; exact at k = 5 unless `rules` says otherwise. */
async function declarationStats(args: Partial<DeclarationStatisticsArgs>, rules: DisclosureRules | typeof RULE_VALUE = EXACT(5), principal: Principal = analyst) {
  const before = database.statementCount();
  const result = await getDeclarationStatistics(taxServiceContext(database, principal), { measures: [...ALL], ...args }, given(rules));
  return { result, statements: database.statementCount() - before };
}

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const shown = (dims: Record<string, unknown>, m: { count: number; taxpayers: number; sum: number; average: number; median: number; p90: number; tax: number }) => ({
  ...dims,
  suppressed: false,
  count: m.count,
  taxpayers: m.taxpayers,
  incomeSum: usd(m.sum),
  incomeAverage: usd(m.average),
  incomeMedian: usd(m.median),
  incomeP90: usd(m.p90),
  taxDueSum: usd(m.tax),
});
const hidden = (dims: Record<string, unknown>) => ({ ...dims, suppressed: true, count: null, taxpayers: null, incomeSum: null, incomeAverage: null, incomeMedian: null, incomeP90: null, taxDueSum: null });

describe('declarationStatistics: declared income by quarter and activity, from the fixture worked out by hand', () => {
  it('software developers per quarter: counts, taxpayers, sum, average, median, P90 and tax, in one statement', async () => {
    const { result, statements } = await declarationStats({ groupBy: ['QUARTER'], filter: { activityCodes: ['SOFTWARE_DEVELOPMENT'] } });
    expect(statements).toBe(1);
    expect(result.currency).toBe('USD');
    expect(result.rows).toEqual([
      shown({ quarter: '2026-Q1' }, { count: 5, taxpayers: 5, sum: 15_000_000, average: 3_000_000, median: 3_000_000, p90: 4_600_000, tax: 600_000 }),
      shown({ quarter: '2026-Q2' }, { count: 5, taxpayers: 5, sum: 16_500_000, average: 3_300_000, median: 3_300_000, p90: 5_060_000, tax: 660_000 }),
    ]);
    expect(result.total).toEqual(shown({}, { count: 10, taxpayers: 5, sum: 31_500_000, average: 3_150_000, median: 3_150_000, p90: 5_050_000, tax: 1_260_000 }));
  });

  it('per quarter and activity at k = 3: the designers shown; the EUR declaration in no USD answer, alone in the EUR one', async () => {
    const { result, statements } = await declarationStats({ measures: ['COUNT', 'INCOME_SUM', 'INCOME_MEDIAN'], groupBy: ['QUARTER', 'ACTIVITY'] }, EXACT(3));
    expect(statements).toBe(1);
    expect(result.rows.map((r) => [r.quarter, r.activityCode, r.count, (r.incomeSum as Money | null)?.amountMinor, (r.incomeMedian as Money | null)?.amountMinor, r.taxpayers])).toEqual([
      ['2026-Q1', 'DESIGN', 3, 3_000_000, 900_000, null],
      ['2026-Q1', 'SOFTWARE_DEVELOPMENT', 5, 15_000_000, 3_000_000, null],
      ['2026-Q2', 'SOFTWARE_DEVELOPMENT', 5, 16_500_000, 3_300_000, null],
    ]);
    expect(result.total).toMatchObject({ count: 13, incomeSum: usd(34_500_000) });
    const eur = await declarationStats({ measures: ['COUNT', 'INCOME_SUM'], currency: 'EUR' }, EXACT(1));
    expect(eur.result.currency).toBe('EUR');
    expect(eur.result.total).toMatchObject({ count: 1, incomeSum: { amountMinor: 7_777_700, currency: 'EUR' } });
  });

  it('by year, regime, state and month filed; the filters of the register list and the periods', async () => {
    const year = await declarationStats({ measures: ['COUNT'], groupBy: ['YEAR', 'REGIME', 'REGISTRATION_STATE'] }, EXACT(3));
    expect(year.statements).toBe(1);
    expect(year.result.rows.map((r) => [r.year, r.regimeCode, r.registrationState, r.count])).toEqual([
      [2026, 'HTP_RESIDENT', 'REREGISTERED', 3],
      [2026, 'SIMPLIFIED_SINGLE_TAX', 'REREGISTERED', 10],
    ]);
    const filed = await declarationStats({ measures: ['COUNT'], groupBy: ['FILED_MONTH'], filter: { regimeCodes: ['SIMPLIFIED_SINGLE_TAX'], states: ['REREGISTERED'], firstRegistration: false, periodFrom: '2026-Q2', periodTo: '2026-Q4' } });
    expect(filed.result.rows.map((r) => [r.filedMonth, r.count])).toEqual([['2026-07', 5]]);
  });
});

describe('small cells: k counts taxpayers, not declarations', () => {
  it('the designers (3) are withheld at k = 5, and the smallest other row with them, so the total cannot give them back', async () => {
    const { result } = await declarationStats({ groupBy: ['ACTIVITY'], filter: { periodTo: '2026-Q1' } });
    expect(result.rows).toEqual([hidden({ activityCode: 'DESIGN' }), hidden({ activityCode: 'SOFTWARE_DEVELOPMENT' })]);
    expect(result.total).toMatchObject({ suppressed: false, count: 8, taxpayers: 8, incomeSum: usd(18_000_000) });
  });

  it('ten declarations of five taxpayers are withheld at k = 6', async () => {
    const { result } = await declarationStats({ groupBy: ['YEAR'], filter: { activityCodes: ['SOFTWARE_DEVELOPMENT'] } }, EXACT(6));
    expect(result.rows).toEqual([hidden({ year: 2026 })]);
    expect(result.total).toEqual(hidden({}));
  });
});

describe('rounding under the default rules', () => {
  it('counts to a multiple of 5, amounts to 2 significant figures; the rules are in the answer', async () => {
    const { result } = await declarationStats({ groupBy: ['QUARTER'], filter: { activityCodes: ['SOFTWARE_DEVELOPMENT'] } }, RULE_VALUE);
    expect(result.disclosure).toEqual({ minCellSize: 5, countRoundingBase: 5, significantFigures: 2 });
    expect(result.rows).toEqual([
      shown({ quarter: '2026-Q1' }, { count: 5, taxpayers: 5, sum: 15_000_000, average: 3_000_000, median: 3_000_000, p90: 4_600_000, tax: 600_000 }),
      shown({ quarter: '2026-Q2' }, { count: 5, taxpayers: 5, sum: 17_000_000, average: 3_300_000, median: 3_300_000, p90: 5_100_000, tax: 660_000 }),
    ]);
    // Exact: 10, 5, 31,500,000, 3,150,000, 3,150,000, 5,050,000, 1,260,000.
    expect(result.total).toEqual(shown({}, { count: 10, taxpayers: 5, sum: 32_000_000, average: 3_200_000, median: 3_200_000, p90: 5_100_000, tax: 1_300_000 }));
  });
});

describe('differencing: one more declaration never shows as its income (issue 16)', () => {
  // USD 67,345.12, filed by S1 for 2026-Q3 through the service, as a tax officer would.
  const INCOME = 6_734_512;
  const amountsOf = (row: DisclosedRow) =>
    Object.fromEntries(['incomeSum', 'incomeAverage', 'incomeMedian', 'incomeP90', 'taxDueSum'].map((m) => [m, (row[m] as Money | null)?.amountMinor ?? null]));

  it('declarationStatistics and taxAggregates, read before and after: no measure moves by the income, nor a count by one', async () => {
    const read = async () => {
      const stats = (await declarationStats({ groupBy: [] }, RULE_VALUE)).result;
      const quarters = (await declarationStats({ measures: ['COUNT', 'INCOME_SUM'], groupBy: ['QUARTER'] }, RULE_VALUE)).result;
      const aggregates = await taxAggregates(taxServiceContext(database, analyst), app);
      return { stats, quarters, aggregates };
    };
    const before = await read();
    const filed = await fileDeclaration(taxServiceContext(database, officer), app, { nomadId: software[0]?.nomadId ?? '', period: '2026-Q3', income: { amountMinor: INCOME, currency: 'USD' } });
    expect(filed.userErrors).toEqual([]);
    try {
      const after = await read();
      // Exact sums: 34,500,000 before, 41,234,512 after (the income's own difference).
      const b = amountsOf(before.stats.total);
      const a = amountsOf(after.stats.total);
      const measures = Object.keys(b);
      expect(measures.length).toBe(5);
      for (const m of measures) {
        expect(b[m], m).not.toBeNull();
        expect(a[m], m).not.toBeNull();
        expect(Math.abs((a[m] ?? 0) - (b[m] ?? 0) - INCOME), m).toBeGreaterThanOrEqual(100);
        expect(Math.abs((a[m] ?? 0) - (b[m] ?? 0) - Math.round((INCOME * 400) / 10_000)), m).toBeGreaterThanOrEqual(100);
      }
      expect(b.incomeSum).toBe(35_000_000);
      expect(a.incomeSum).toBe(41_000_000);
      expect((after.stats.total.count as number) - (before.stats.total.count as number)).not.toBe(1);
      // The new quarter holds one taxpayer: withheld, not an exact income.
      expect(after.quarters.rows.find((r) => r.quarter === '2026-Q3')).toMatchObject({ suppressed: true, incomeSum: null });
      // taxAggregates: USD totals move by a rounded step; the EUR one (one taxpayer) never shows.
      const usdBefore = before.aggregates.declarationsByCurrency.find((c) => c.currency === 'USD');
      const usdAfter = after.aggregates.declarationsByCurrency.find((c) => c.currency === 'USD');
      expect(before.aggregates.declarationsByCurrency.map((c) => c.currency)).toEqual(['USD']);
      expect(usdBefore?.incomeMinor).toBe(35_000_000);
      expect(usdAfter?.incomeMinor).toBe(41_000_000);
      for (const field of ['incomeMinor', 'taxDueMinor', 'paidMinor'] as const) {
        expect(Math.abs((usdAfter?.[field] ?? 0) - (usdBefore?.[field] ?? 0) - INCOME), field).toBeGreaterThanOrEqual(100);
      }
      expect((usdAfter?.declarations ?? 0) - (usdBefore?.declarations ?? 0)).not.toBe(1);
    } finally {
      await database.db.execute(sql`delete from ${declarations} where ${declarations.period} = '2026-Q3'`);
    }
  });

  it('without the rounding (the rules at 0 figures) the same two reads give the income back: what the test above guards', async () => {
    const total = async () => ((await declarationStats({ measures: ['INCOME_SUM'] }, EXACT(5))).result.total.incomeSum as Money).amountMinor;
    const before = await total();
    await declare(software[1]?.id ?? '', '2026-Q3', INCOME, 400, 'SIMPLIFIED_SINGLE_TAX');
    try {
      expect((await total()) - before).toBe(INCOME);
    } finally {
      await database.db.execute(sql`delete from ${declarations} where ${declarations.period} = '2026-Q3'`);
    }
  });
});

describe('taxAggregates, disclosed', () => {
  it('counts rounded, states and regimes under k left out (with the smallest other), amounts to 2 significant figures', async () => {
    const before = database.statementCount();
    const out = await taxAggregates(taxServiceContext(database, analyst), app);
    // The figures and the rule value that protects them: one statement.
    expect(database.statementCount() - before).toBe(1);
    expect(out.disclosure).toEqual(DEFAULT_DISCLOSURE_RULES);
    // Nine registrations, all REREGISTERED: six SIMPLIFIED_SINGLE_TAX, three HTP_RESIDENT.
    expect(out.registrations).toBe(10);
    expect(out.byState).toEqual([{ state: 'REREGISTERED', count: 10 }]);
    // HTP_RESIDENT (3) withheld, and so SIMPLIFIED_SINGLE_TAX (the total would give it away).
    expect(out.byRegime).toEqual([]);
    // USD: 13 declarations of 8 taxpayers, income 34,500,000, tax 600,000 + 660,000 + 30,000 = 1,290,000, nothing paid, none past due.
    expect(out.declarationsByCurrency).toEqual([{ currency: 'USD', declarations: 15, taxpayers: 10, incomeMinor: 35_000_000, taxDueMinor: 1_300_000, paidMinor: 0, inArrears: 0 }]);
    const exact = await taxAggregates(taxServiceContext(database, analyst), app, EXACT(3));
    expect(exact.byRegime).toEqual([
      { regimeCode: 'HTP_RESIDENT', count: 3 },
      { regimeCode: 'SIMPLIFIED_SINGLE_TAX', count: 6 },
    ]);
  });

  it('follows tax.rule_values: a changed k and base change the answer, a weakened value stops it naming the key', async () => {
    const setRule = (value: unknown) => database.db.update(ruleValues).set({ value }).where(eq(ruleValues.key, 'statistics_disclosure'));
    try {
      await setRule({ minCellSize: 3, countRoundingBase: 3, significantFigures: 2 });
      const out = await taxAggregates(taxServiceContext(database, analyst), app);
      expect(out.byRegime).toEqual([
        { regimeCode: 'HTP_RESIDENT', count: 3 },
        { regimeCode: 'SIMPLIFIED_SINGLE_TAX', count: 6 },
      ]);
      expect((await declarationStats({ measures: ['TAXPAYERS'], groupBy: ['ACTIVITY'] }, RULE_VALUE)).result.disclosure.minCellSize).toBe(3);
      await setRule({ minCellSize: 5, countRoundingBase: 0, significantFigures: 2 });
      await expect(taxAggregates(taxServiceContext(database, analyst), app)).rejects.toThrow(/statistics_disclosure is invalid at countRoundingBase/);
      await expect(declarationStats({}, RULE_VALUE)).rejects.toThrow(/statistics_disclosure is invalid/);
    } finally {
      await setRule(DEFAULT_DISCLOSURE_RULES);
    }
  });
});

describe('reregistrationStatistics: a campaign’s progress, done, pending and failed with reasons', () => {
  // The latest campaign: 7 DONE, 2 PENDING, 3 FAILED (2 REGIME_CLOSED, 1 NOT_PENDING).
  // An older one: 5 FAILED REGIME_CLOSED. A second that day (Bishkek), `2026-09-01-2`: 3 of
  // the older one's IEs, DONE. Codes: 2026-09-01, 2026-09-01-2, 2026-11-01.
  let older = '';
  let secondThatDay = '';
  let latestId = '';
  beforeAll(async () => {
    const campaign = async (startedAt: string) => {
      const [c] = await database.db.insert(campaigns).values({ state: 'COMPLETED', batchSize: 50, total: 0, startedBy: 'test', startedAt }).returning();
      if (!c) throw new Error('no campaign');
      return c.id;
    };
    const item = async (campaignId: string, state: 'DONE' | 'PENDING' | 'FAILED', code: CampaignFailureCode | null, regime = 'SIMPLIFIED_SINGLE_TAX') => {
      const r = await ie('WEB_DESIGN', regime, state === 'PENDING' ? 'PENDING_REREGISTRATION' : 'REREGISTERED');
      await database.db.insert(campaignItems).values({ campaignId, registrationId: r.id, state, failureCode: code, failureReason: code ? `${code}: test` : null });
    };
    older = await campaign('2026-09-01T04:00:00Z');
    for (let i = 0; i < 5; i++) await item(older, 'FAILED', 'REGIME_CLOSED', 'GENERAL');
    // 16:00 in Bishkek, the same day as the older one's 10:00.
    secondThatDay = await campaign('2026-09-01T10:00:00Z');
    const olderItems = await database.db.select().from(campaignItems).where(eq(campaignItems.campaignId, older)).limit(3);
    for (const i of olderItems) await database.db.insert(campaignItems).values({ campaignId: secondThatDay, registrationId: i.registrationId, state: 'DONE' });
    const latest = await campaign('2026-11-01T04:00:00Z');
    latestId = latest;
    for (let i = 0; i < 7; i++) await item(latest, 'DONE', null);
    for (let i = 0; i < 2; i++) await item(latest, 'PENDING', null);
    for (let i = 0; i < 2; i++) await item(latest, 'FAILED', 'REGIME_CLOSED', 'GENERAL');
    await item(latest, 'FAILED', 'NOT_PENDING');
  });

  const progress = async (args: Partial<ReregistrationStatisticsArgs>, rules: DisclosureRules | typeof RULE_VALUE = EXACT(1), principal: Principal = analyst) => {
    const before = database.statementCount();
    const result = await getReregistrationStatistics(taxServiceContext(database, principal), { measures: ['COUNT'], ...args }, given(rules));
    return { result, statements: database.statementCount() - before };
  };

  it('the latest campaign by outcome and reason, in one statement (the campaign chosen inside it)', async () => {
    const { result, statements } = await progress({ groupBy: ['OUTCOME', 'FAILURE_REASON'] });
    expect(statements).toBe(1);
    expect(result.rows).toEqual([
      { outcome: 'DONE', failureReason: null, suppressed: false, count: 7 },
      { outcome: 'FAILED', failureReason: 'NOT_PENDING', suppressed: false, count: 1 },
      { outcome: 'FAILED', failureReason: 'REGIME_CLOSED', suppressed: false, count: 2 },
      { outcome: 'PENDING', failureReason: null, suppressed: false, count: 2 },
    ]);
    expect(result.total).toEqual({ suppressed: false, count: 12 });
  });

  it('a campaign by id; by regime and state; the register filter', async () => {
    const old = await progress({ groupBy: ['FAILURE_REASON', 'REGIME'], filter: { campaignId: older } });
    expect(old.result.rows).toEqual([{ failureReason: 'REGIME_CLOSED', regimeCode: 'GENERAL', suppressed: false, count: 5 }]);
    const states = await progress({ groupBy: ['REGISTRATION_STATE', 'ACTIVITY'], filter: { regimeCodes: ['SIMPLIFIED_SINGLE_TAX'] } });
    expect(states.result.rows.map((r) => [r.registrationState, r.activityCode, r.count])).toEqual([
      ['PENDING_REREGISTRATION', 'WEB_DESIGN', 2],
      ['REREGISTERED', 'WEB_DESIGN', 8],
    ]);
    expect((await progress({ filter: { campaignId: randomUUID() } })).result.total).toEqual({ suppressed: true, count: null });
  });

  it('by code: every campaign grouped by CAMPAIGN (an IE in two counted once in the total), one chosen by its code, in one statement', async () => {
    const all = await progress({ groupBy: ['CAMPAIGN'] });
    expect(all.statements).toBe(1);
    expect(all.result.rows).toEqual([
      { campaign: '2026-09-01', suppressed: false, count: 5 },
      { campaign: '2026-09-01-2', suppressed: false, count: 3 },
      { campaign: '2026-11-01', suppressed: false, count: 12 },
    ]);
    // 20 items, 17 IEs: the second campaign's three were in the first.
    expect(all.result.total).toEqual({ suppressed: false, count: 17 });
    const second = await progress({ groupBy: ['OUTCOME'], filter: { campaign: '2026-09-01-2' } });
    expect(second.statements).toBe(1);
    expect(second.result.rows).toEqual([{ outcome: 'DONE', suppressed: false, count: 3 }]);
    const old = await progress({ groupBy: ['CAMPAIGN', 'FAILURE_REASON', 'REGIME'], filter: { campaign: '2026-09-01' } });
    expect(old.result.rows).toEqual([{ campaign: '2026-09-01', failureReason: 'REGIME_CLOSED', regimeCode: 'GENERAL', suppressed: false, count: 5 }]);
    // Without a code nor grouping by CAMPAIGN: the latest, as before.
    expect((await progress({})).result.total).toEqual({ suppressed: false, count: 12 });
  });

  it('each campaign carries its code (ReregistrationCampaign.code)', async () => {
    const codes = await getCampaignCodes(database.db, { ids: [older, secondThatDay, latestId] });
    expect(Object.fromEntries(codes.map((c) => [c.id, c.code]))).toEqual({ [older]: '2026-09-01', [secondThatDay]: '2026-09-01-2', [latestId]: '2026-11-01' });
  });

  it('an unknown or malformed code, or a code with an id: BAD_USER_INPUT naming filter.campaign', async () => {
    const refused = async (filter: NonNullable<ReregistrationStatisticsArgs['filter']>) => {
      const err = (await progress({ filter }).then(
        () => null,
        (e: unknown) => e,
      )) as GraphQLError | null;
      return err && { code: err.extensions.code, field: err.extensions.field, message: err.message };
    };
    const unknown = await refused({ campaign: '2026-09-02' });
    expect(unknown).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.campaign' });
    expect(unknown?.message).toContain('No re-registration campaign has the code `2026-09-02`');
    expect(await refused({ campaign: 'latest' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.campaign' });
    expect(await refused({ campaign: '2026-09-01', campaignId: older })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.campaign' });
  });

  it('under the default rules: DONE (7) shown as 5, the small failures and pending withheld (together 5: the total gives nothing away)', async () => {
    const { result } = await progress({ groupBy: ['OUTCOME'] }, RULE_VALUE);
    expect(result.rows).toEqual([
      { outcome: 'DONE', suppressed: false, count: 5 },
      { outcome: 'FAILED', suppressed: true, count: null },
      { outcome: 'PENDING', suppressed: true, count: null },
    ]);
    expect(result.total).toEqual({ suppressed: false, count: 10 });
  });
});

describe('who may ask, and bad input', () => {
  const code = async (run: () => Promise<unknown>) => {
    const err = (await run().then(
      () => null,
      (e: unknown) => e,
    )) as GraphQLError | null;
    return err && [err.extensions.code, err.extensions.field ?? null];
  };

  it('a tax officer may ask; a nomad and a migration officer are refused', async () => {
    expect((await declarationStats({ measures: ['COUNT'] }, EXACT(5), officer)).result.total.count).toBe(13);
    const nomad: Principal = { sub: 'n', name: 'n', roles: ['nomad'], nomadId: software[0]?.nomadId ?? null };
    const migration: Principal = { sub: 'm', name: 'm', roles: ['migration_officer'], nomadId: null };
    for (const p of [nomad, migration]) {
      expect(await code(() => declarationStats({}, EXACT(5), p))).toEqual(['FORBIDDEN', null]);
      expect(await code(() => getReregistrationStatistics(taxServiceContext(database, p), { measures: ['COUNT'] }))).toEqual(['FORBIDDEN', null]);
    }
  });

  it('BAD_USER_INPUT naming the argument, before any SQL', async () => {
    const before = database.statementCount();
    const ctx = taxServiceContext(database, analyst);
    const decl = (args: Partial<DeclarationStatisticsArgs>) => () => getDeclarationStatistics(ctx, { measures: ['COUNT'], ...args });
    expect(await code(decl({ measures: [] }))).toEqual(['BAD_USER_INPUT', 'measures']);
    expect(await code(decl({ groupBy: ['QUARTER', 'YEAR'] }))).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code(decl({ groupBy: ['ACTIVITY', 'REGIME', 'REGISTRATION_STATE', 'FILED_MONTH'] }))).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code(decl({ groupBy: ['REGIME', 'REGIME'] }))).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code(decl({ currency: 'XYZ' }))).toEqual(['BAD_USER_INPUT', 'currency']);
    expect(await code(decl({ filter: { periodFrom: '2026-3' } }))).toEqual(['BAD_USER_INPUT', 'filter.periodFrom']);
    expect(await code(decl({ filter: { periodTo: '2026-Q5' } }))).toEqual(['BAD_USER_INPUT', 'filter.periodTo']);
    expect(await code(decl({ filter: { periodFrom: '2026-Q3', periodTo: '2026-Q1' } }))).toEqual(['BAD_USER_INPUT', 'filter.periodFrom']);
    const rereg = (args: Partial<ReregistrationStatisticsArgs>) => () => getReregistrationStatistics(ctx, { measures: ['COUNT'], ...args });
    expect(await code(rereg({ measures: [] }))).toEqual(['BAD_USER_INPUT', 'measures']);
    expect(await code(rereg({ groupBy: ['OUTCOME', 'OUTCOME'] }))).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code(rereg({ filter: { campaignId: 'not-a-uuid' } }))).toEqual(['BAD_USER_INPUT', 'filter.campaignId']);
    expect(database.statementCount() - before).toBe(0);
  });
});
