import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@nomad/kit';
import { bigTableSeqScans, openExplainProgram, type ExplainCase, type ExplainProgram } from '@nomad/kit/testing';
import { schema, type MigrationDb, type MigrationSchema } from './db/index.ts';
import { countApplications, listApplications, type ApplicationFilterParams } from './modules/applications/queries.ts';
import { countNomads, listNomads, type NomadFilterParams } from './modules/nomads/queries.ts';
import { applicationStatistics, type Dimension } from './modules/statistics/queries.ts';
import { statusEventStatistics, statusStatistics, type StatusDimension, type StatusEventDimension } from './modules/statistics/status-queries.ts';
import { migrationProgramSeeder } from './seed/large.ts';

// Issue 16: on a program large enough for realistic plans (20,000 nomads over ten years, as
// `npm run seed:large` writes it, ANALYZEd), no statement of a documented filter of the
// analysts' lists or statistics reads the big tables with a sequential scan. The statements
// are the query functions' own (captured as they are sent), EXPLAINed without running.

const TODAY = '2026-11-24';
const NOMADS = 20_000;
const BIG_TABLES = ['nomads', 'applications', 'application_documents', 'status_periods', 'status_events'];
const PAGE = { limit: 50, after: null };

let program: ExplainProgram<MigrationSchema>;
let database: Database<MigrationSchema>;
let someNomad = '';

beforeAll(async () => {
  program = await openExplainProgram({ seeder: migrationProgramSeeder, schema, today: TODAY, nomads: NOMADS });
  database = program.database;
  const [row] = await database.client<{ id: string }[]>`select nomad_id as id from migration.applications where state = 'APPROVED' order by number limit 1`;
  someNomad = row?.id ?? '';
}, 240_000);
afterAll(async () => {
  await program?.drop();
});

/** One selective value per documented filter of `applications` (schema: ApplicationFilter) and the statistics. */
const APPLICATION_FILTERS: Record<string, Omit<ApplicationFilterParams, 'today'>> = {
  states: { states: ['RETURNED_FOR_CORRECTION'] },
  citizenships: { citizenships: ['JPN'] },
  activityCodes: { activityCodes: ['ESPORTS'] },
  'submittedFrom and submittedTo': { submittedFrom: '2020-03-01', submittedTo: '2020-03-31' },
  submittedFrom: { submittedFrom: '2026-11-01' },
  overdue: { overdue: true },
  decidingUnits: { decidingUnits: ['naryn-region'] },
};
/**
 * The statistics' filters, as an analyst narrows a question (a month of submissions, one
 * activity or citizenship within it): one activity or citizenship alone is a tenth of the
 * program, which the planner rightly reads whole to aggregate it.
 */
const MARCH_2020 = { submittedFrom: '2020-03-01', submittedTo: '2020-03-31' };
const STATISTICS_FILTERS: Record<string, Omit<ApplicationFilterParams, 'today'>> = {
  states: { states: ['RETURNED_FOR_CORRECTION'] },
  'submittedFrom and submittedTo': MARCH_2020,
  'activityCodes in a month': { ...MARCH_2020, activityCodes: ['ESPORTS'] },
  'citizenships in a month': { ...MARCH_2020, citizenships: ['JPN'] },
  overdue: { overdue: true },
  decidingUnits: { decidingUnits: ['naryn-region'] },
};
const NOMAD_FILTERS: Record<string, NomadFilterParams> = {
  citizenships: { citizenships: ['JPN'] },
};
const DIMENSIONS: Dimension[][] = [[], ['CITIZENSHIP'], ['ACTIVITY', 'SUBMITTED_MONTH'], ['STATE', 'DECIDED_MONTH'], ['DECIDING_UNIT']];
/**
 * `statusStatistics` and `statusEventStatistics`: every documented filter (the `nomads` list's
 * `citizenships`; `from` and `to`) with every dimension, on a question an analyst narrows (one
 * citizenship; a day in the program's first year; a month of events). Without the citizenship,
 * on 20,000 nomads the planner hashes the whole `status_periods` (a month's expiries against the
 * periods continuing them, the chains' activities) rather than probe it: those groupings are
 * checked within one citizenship (on the 100,000-nomad program they use indexes either way).
 */
const EARLY_DAY = '2017-06-30';
const STATUS_QUESTIONS: { name: string; asOf: string; filter: NomadFilterParams; groupBy: StatusDimension[][] }[] = [
  { name: 'asOf in the first year', asOf: EARLY_DAY, filter: {}, groupBy: [[], ['STATE']] },
  { name: 'citizenships, asOf in the first year', asOf: EARLY_DAY, filter: { citizenships: ['JPN'] }, groupBy: [[], ['STATE'], ['CITIZENSHIP', 'ACTIVITY', 'STATE']] },
];
const EVENT_QUESTIONS: { name: string; from: string | null; to: string | null; filter: NomadFilterParams; groupBy: StatusEventDimension[][] }[] = [
  { name: 'citizenships, from and to', from: '2020-03-01', to: '2020-03-31', filter: { citizenships: ['JPN'] }, groupBy: [[], ['YEAR', 'CITIZENSHIP'], ['QUARTER', 'ACTIVITY'], ['MONTH']] },
];

const CASES: ExplainCase<MigrationDb>[] = [
  ...Object.entries(APPLICATION_FILTERS).flatMap(([name, f]): ExplainCase<MigrationDb>[] => [
    { name: `applications(filter: ${name})`, run: (db) => listApplications(db, { filter: { ...f, today: TODAY }, page: PAGE }), bigTables: BIG_TABLES },
    { name: `applications(filter: ${name}) totalCount`, run: (db) => countApplications(db, { filter: { ...f, today: TODAY } }), bigTables: BIG_TABLES },
  ]),
  ...Object.entries(STATISTICS_FILTERS).flatMap(([name, f]): ExplainCase<MigrationDb>[] =>
    DIMENSIONS.map((groupBy) => ({
      name: `applicationStatistics(filter: ${name}, groupBy: [${groupBy.join(', ')}])`,
      run: (db: MigrationDb) => applicationStatistics(db, { filter: { ...f, today: TODAY }, groupBy, duration: 'WORKING_DAYS_TO_DECISION' }),
      bigTables: BIG_TABLES,
    })),
  ),
  ...STATUS_QUESTIONS.flatMap(({ name, groupBy: groupings, ...q }): ExplainCase<MigrationDb>[] =>
    groupings.map((groupBy) => ({
      name: `statusStatistics(${name}, groupBy: [${groupBy.join(', ')}])`,
      run: (db: MigrationDb) => statusStatistics(db, { ...q, groupBy }),
      bigTables: BIG_TABLES,
    })),
  ),
  ...EVENT_QUESTIONS.flatMap(({ name, groupBy: groupings, ...q }): ExplainCase<MigrationDb>[] =>
    groupings.map((groupBy) => ({
      name: `statusEventStatistics(${name}, groupBy: [${groupBy.join(', ')}])`,
      run: (db: MigrationDb) => statusEventStatistics(db, { ...q, kinds: ['GRANT', 'RENEWAL', 'EXPIRY', 'REVOCATION'], today: TODAY, groupBy }),
      bigTables: BIG_TABLES,
    })),
  ),
  ...Object.entries(NOMAD_FILTERS).flatMap(([name, f]): ExplainCase<MigrationDb>[] => [
    { name: `nomads(filter: ${name})`, run: (db) => listNomads(db, { filter: f, page: PAGE }), bigTables: BIG_TABLES },
    { name: `nomads(filter: ${name}) totalCount`, run: (db) => countNomads(db, { filter: f }), bigTables: BIG_TABLES },
  ]),
  { name: 'applications of one nomad', run: (db) => listApplications(db, { filter: { nomadId: someNomad, today: TODAY }, page: PAGE }), bigTables: BIG_TABLES },
];

describe('migration on a large program: every documented filter uses an index', () => {
  it('has a program and cases to explain', async () => {
    expect(CASES.length).toBeGreaterThan(40);
    const [row] = await database.client<{ n: number }[]>`select count(*)::int as n from migration.applications`;
    expect(row?.n).toBe(NOMADS);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: no Seq Scan on a big table', async (_name, c) => {
    const statements = await bigTableSeqScans(database.client, schema, c);
    expect(statements.length).toBeGreaterThan(0);
    for (const { sql, scanned } of statements) expect(scanned, sql).toEqual([]);
  });
});
