import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@nomad/kit';
import { bigTableSeqScans, openExplainProgram, type ExplainCase, type ExplainProgram } from '@nomad/kit/testing';
import { schema, type SecurityDb, type SecuritySchema } from './db/index.ts';
import { getScreeningsByApplicationIds, getScreeningsByNomadIds, type ScreeningFilterParams } from './modules/screenings/queries.ts';
import { screeningStatistics, type Dimension } from './modules/statistics/queries.ts';
import { securityProgramSeeder } from './seed/large.ts';

// Issue 16: on a program large enough for realistic plans (10,000 nomads over ten years, as
// `npm run seed:large` writes it, ANALYZEd), no statement of a documented filter and grouping of
// `screeningStatistics`, nor of what analysts read of a screening (`Application.screening`,
// `Nomad.clearance`), reads `screenings` with a sequential scan. The statements are the query
// functions' own (captured as they are sent), EXPLAINed without running.

const TODAY = '2026-11-24';
const NOMADS = 10_000;
const BIG_TABLES = ['screenings', 'exit_watches'];

let program: ExplainProgram<SecuritySchema>;
let database: Database<SecuritySchema>;
let someApplications: string[] = [];
let someNomads: string[] = [];

beforeAll(async () => {
  program = await openExplainProgram({ seeder: securityProgramSeeder, schema, today: TODAY, nomads: NOMADS });
  database = program.database;
  const rows = await database.client<{ applicationId: string; nomadId: string }[]>`select application_id as "applicationId", nomad_id as "nomadId" from security.screenings order by seq limit 50`;
  someApplications = rows.map((r) => r.applicationId);
  someNomads = rows.map((r) => r.nomadId);
}, 240_000);
afterAll(async () => {
  await program?.drop();
});

/**
 * One selective value per documented filter of `screeningStatistics` (the `screenings` list's
 * ScreeningFilter): FLAGGED screenings are a few percent of them, re-screenings and family
 * members' screenings fewer still. Unfiltered, every screening is counted: the planner rightly
 * reads the table whole.
 */
const FILTERS: Record<string, ScreeningFilterParams> = {
  outcomes: { outcomes: ['FLAGGED'] },
  kind: { kind: 'RESCREEN' },
  'kind and outcomes': { kind: 'DEPENDANT', outcomes: ['PENDING'] },
};
/** Every dimension at least once, alone and crossed. */
const GROUPINGS: Dimension[][] = [[], ['OUTCOME', 'CONCLUDED_MONTH'], ['KIND', 'OPENED_MONTH'], ['OPENED_QUARTER', 'CONCLUDED_QUARTER'], ['OPENED_YEAR', 'CONCLUDED_YEAR', 'OUTCOME']];

const CASES: ExplainCase<SecurityDb>[] = [
  ...Object.entries(FILTERS).flatMap(([name, filter]): ExplainCase<SecurityDb>[] =>
    GROUPINGS.map((groupBy) => ({
      name: `screeningStatistics(filter: ${name}, groupBy: [${groupBy.join(', ')}])`,
      run: (db: SecurityDb) => screeningStatistics(db, { filter, groupBy }),
      bigTables: BIG_TABLES,
    })),
  ),
  { name: 'Application.screening (a page of applications)', run: (db) => getScreeningsByApplicationIds(db, { applicationIds: someApplications }), bigTables: BIG_TABLES },
  { name: 'Nomad.clearance (a page of nomads)', run: (db) => getScreeningsByNomadIds(db, { nomadIds: someNomads }), bigTables: BIG_TABLES },
];

describe('security on a large program: every documented filter uses an index', () => {
  it('has a program and cases to explain', async () => {
    expect(CASES.length).toBeGreaterThan(15);
    const [row] = await database.client<{ n: number }[]>`select count(*)::int as n from security.screenings`;
    expect(row?.n).toBeGreaterThanOrEqual(NOMADS);
    expect(someApplications).toHaveLength(50);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: no Seq Scan on a big table', async (_name, c) => {
    const statements = await bigTableSeqScans(database.client, schema, c);
    expect(statements.length).toBe(1);
    for (const { sql, scanned } of statements) expect(scanned, sql).toEqual([]);
  });
});
