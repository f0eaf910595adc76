import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@nomad/kit';
import { bigTableSeqScans, openExplainProgram, type ExplainCase, type ExplainProgram } from '@nomad/kit/testing';
import { schema, type TaxDb, type TaxSchema } from './db/index.ts';
import { declarationStatistics, reregistrationStatistics, type DeclarationDimension, type DeclarationStatisticsParams, type ReregistrationDimension, type ReregistrationStatisticsParams } from './modules/statistics/queries.ts';
import { taxProgramSeeder } from './seed/large.ts';

// Issue 16: on a program large enough for realistic plans (10,000 nomads over ten years, as
// `npm run seed:large` writes it, ANALYZEd), no statement of a documented filter or grouping of
// tax's statistics reads a big table with a sequential scan. Analysts have no tax list (the
// register and the declarations are tax officers'), so the statistics are all they query.
// The statements are the query functions' own (captured as they are sent), EXPLAINed, not run.
//
// Big: the declarations (a quarter per IE), their payments, the register's journal and the
// campaigns' items. The register itself (one row per IE) is read whole, as a hash, when a
// question groups by a register dimension over every declaration: that is the cheapest plan.
// The writer draws one campaign; four older copies of it are added so that choosing one
// campaign is choosing a fifth of the items, as on a program that has run a campaign a year.

const TODAY = '2026-11-24';
const NOMADS = 10_000;
const BIG_TABLES = ['declarations', 'payments', 'register_entries', 'campaign_items'];

let program: ExplainProgram<TaxSchema>;
let database: Database<TaxSchema>;

beforeAll(async () => {
  program = await openExplainProgram({
    seeder: taxProgramSeeder,
    schema,
    today: TODAY,
    nomads: NOMADS,
    extend: async (client) => {
      await client.begin(async (tx) => {
        for (const year of [2022, 2023, 2024, 2025]) {
          const [c] = await tx<{ id: string }[]>`insert into tax.campaigns (state, batch_size, total, started_by, started_at, finished_at)
            select state, batch_size, total, started_by, started_at - make_interval(years => 2026 - ${year}), finished_at - make_interval(years => 2026 - ${year}) from tax.campaigns order by started_at desc limit 1 returning id`;
          await tx`insert into tax.campaign_items (campaign_id, registration_id, state, failure_reason, failure_code, processed_at)
            select ${c?.id ?? null}::uuid, registration_id, state, failure_reason, failure_code, processed_at from tax.campaign_items where campaign_id = (select id from tax.campaigns order by started_at desc limit 1)`;
        }
      });
    },
  });
  database = program.database;
}, 240_000);
afterAll(async () => {
  await program?.drop();
});

/** Every documented filter of `declarationStatistics` (schema: DeclarationStatisticsFilter), each with a quarter's range as an analyst narrows a question. */
const DECLARATION_FILTERS: Record<string, DeclarationStatisticsParams['filter']> = {
  none: {},
  'periodFrom and periodTo': { periodFrom: '2025-Q1', periodTo: '2025-Q4' },
  periodFrom: { periodFrom: '2026-Q3' },
  states: { states: ['DEREGISTERED'], periodFrom: '2026-Q1' },
  regimeCodes: { regimeCodes: ['GENERAL'], periodFrom: '2026-Q1' },
  firstRegistration: { firstRegistration: false, periodFrom: '2026-Q1' },
  activityCodes: { activityCodes: ['ESPORTS'], periodFrom: '2026-Q1' },
};
/** Every dimension of DeclarationDimension, alone and in the docs' pairs. */
const DECLARATION_GROUPINGS: DeclarationDimension[][] = [[], ['QUARTER'], ['YEAR'], ['FILED_MONTH'], ['ACTIVITY'], ['REGIME'], ['REGISTRATION_STATE'], ['QUARTER', 'ACTIVITY'], ['YEAR', 'REGIME', 'REGISTRATION_STATE']];

const REREGISTRATION_FILTERS: Record<string, Omit<ReregistrationStatisticsParams, 'groupBy'>> = {
  'the latest campaign': { campaignId: null, filter: {} },
  'a campaign by code': { campaignId: null, campaignCode: '2024-10-15', filter: {} },
  states: { campaignId: null, filter: { states: ['REREGISTERED'] } },
  regimeCodes: { campaignId: null, filter: { regimeCodes: ['GENERAL'] } },
  activityCodes: { campaignId: null, filter: { activityCodes: ['ESPORTS'] } },
};
/**
 * Every dimension; CAMPAIGN with a campaign's code only: grouped by CAMPAIGN without one, the
 * question is every campaign (the analysts' list of campaigns), which reads every item by definition.
 */
const REREGISTRATION_GROUPINGS: ReregistrationDimension[][] = [[], ['OUTCOME', 'FAILURE_REASON'], ['REGIME'], ['REGISTRATION_STATE', 'ACTIVITY']];

const CASES: ExplainCase<TaxDb>[] = [
  ...Object.entries(DECLARATION_FILTERS).flatMap(([name, filter]) =>
    DECLARATION_GROUPINGS.map((groupBy) => ({
      name: `declarationStatistics(filter: ${name}, groupBy: [${groupBy.join(', ')}])`,
      run: (db: TaxDb) => declarationStatistics(db, { groupBy, currency: 'USD', filter }),
      bigTables: BIG_TABLES,
    })),
  ),
  ...Object.entries(REREGISTRATION_FILTERS).flatMap(([name, params]) =>
    REREGISTRATION_GROUPINGS.map((groupBy) => ({
      name: `reregistrationStatistics(filter: ${name}, groupBy: [${groupBy.join(', ')}])`,
      run: (db: TaxDb) => reregistrationStatistics(db, { ...params, groupBy }),
      bigTables: BIG_TABLES,
    })),
  ),
  {
    name: 'reregistrationStatistics(filter: a campaign by code, groupBy: [CAMPAIGN, OUTCOME])',
    run: (db: TaxDb) => reregistrationStatistics(db, { campaignId: null, campaignCode: '2024-10-15', filter: {}, groupBy: ['CAMPAIGN', 'OUTCOME'] }),
    bigTables: BIG_TABLES,
  },
];

describe('tax on a large program: every documented filter and grouping of the statistics uses an index', () => {
  it('has a program (five campaigns) and cases to explain', async () => {
    expect(CASES.length).toBeGreaterThan(60);
    const [row] = await database.client<{ declarations: number; campaigns: number; codes: string }[]>`
      select (select count(*)::int from tax.declarations) as declarations, (select count(*)::int from tax.campaigns) as campaigns,
        (select string_agg(to_char((started_at at time zone 'Asia/Bishkek')::date, 'YYYY-MM-DD'), ',' order by started_at) from tax.campaigns) as codes`;
    expect(row?.declarations).toBeGreaterThan(50_000);
    expect(row?.campaigns).toBe(5);
    expect(row?.codes.split(',')).toContain('2024-10-15');
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: no Seq Scan on a big table', async (_name, c) => {
    const statements = await bigTableSeqScans(database.client, schema, c);
    expect(statements.length).toBe(1);
    for (const { sql, scanned } of statements) expect(scanned, sql).toEqual([]);
  });
});
