import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import type { Database, Principal } from '@nomad/kit';
import { eq } from 'drizzle-orm';
import type { App } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import { schema, type MigrationSchema } from '../../db/index.ts';
import { openServiceTestDatabase, serviceContext, type ServiceTestDatabase } from '../../testing.ts';
import { embeddedZhaak } from '../../zhaak.ts';
import { DEFAULT_DISCLOSURE_RULES, type DisclosureRules } from '@nomad/kit';
import { getApplicationStatistics, type ApplicationStatisticsArgs } from './service.ts';

// Grouped statistics against a real database, on a small program written out by hand: every
// count, median and percentile below is worked out on paper from the fixture.
//
// Holidays: the migration's 2026 calendar has none on a weekday in early March; the fixture
// adds Monday 2026-03-09, so working days skip it as the review deadline does.
//
// KAZ, submitted Monday 2026-03-02 (5): decided the same day (0 working days, 0 calendar),
//   Wed 03-04 (2, 2), Fri 03-06 (4, 4), Tue 03-10 (5: the weekend and the 9th skipped; 8),
//   Wed 03-11 at 01:00 Bishkek = 03-10 19:00 UTC (6; 9).
//   Working days 0 2 4 5 6: median 4, P90 5 + 0.6 × (6 − 5) = 5.6, average 17 / 5 = 3.4.
//   Calendar days 0 2 4 8 9: median 4, P90 8.6, average 4.6.
// USA, submitted Tuesday 2026-03-03 (7): decided Thu 03-05 (2), Fri 03-06 (3), Tue 03-10 (4),
//   Thu 03-12 (6), Fri 03-13 (7); one UNDER_REVIEW past its deadline (overdue, no decision);
//   one WITHDRAWN (no decision). Working days 2 3 4 6 7: median 4, P90 6.6, average 4.4;
//   overdue 1 of 7.
// KAZ, submitted Monday 2026-04-06 (4, one fewer than k): three approved on 04-09, one
//   SUBMITTED and overdue.

const TODAY = '2026-11-24';
const KAZ_MARCH = [
  ['2026-03-02T04:00:00Z', 'APPROVED'],
  ['2026-03-04T04:00:00Z', 'APPROVED'],
  ['2026-03-06T04:00:00Z', 'APPROVED'],
  ['2026-03-10T04:00:00Z', 'REFUSED'],
  ['2026-03-10T19:00:00Z', 'REFUSED'],
] as const;
const USA_MARCH = [
  ['2026-03-05T04:00:00Z', 'APPROVED'],
  ['2026-03-06T04:00:00Z', 'APPROVED'],
  ['2026-03-10T04:00:00Z', 'APPROVED'],
  ['2026-03-12T04:00:00Z', 'APPROVED'],
  ['2026-03-13T04:00:00Z', 'REFUSED'],
  [null, 'UNDER_REVIEW'],
  [null, 'WITHDRAWN'],
] as const;
const KAZ_APRIL = [
  ['2026-04-09T04:00:00Z', 'APPROVED'],
  ['2026-04-09T04:00:00Z', 'APPROVED'],
  ['2026-04-09T04:00:00Z', 'APPROVED'],
  [null, 'SUBMITTED'],
] as const;
// The deciding officer's unit: KAZ March all five in Bishkek; USA March two in Bishkek, three
// in Osh region, the two undecided none; KAZ April decided by an officer whose token named no
// unit. Bishkek 7, Osh region 3, none 6.
const KAZ_MARCH_UNITS = ['bishkek', 'bishkek', 'bishkek', 'bishkek', 'bishkek'];
const USA_MARCH_UNITS = ['bishkek', 'bishkek', 'osh-region', 'osh-region', 'osh-region', null, null];

let opened: ServiceTestDatabase | undefined;
let database: Database<MigrationSchema>;
let serial = 0;
let app: App;
const analyst: Principal = { sub: 'analyst-1', name: 'analyst', roles: ['analyst'], nomadId: null };

type State = (typeof schema.applicationStateEnum.enumValues)[number];

async function insert(citizenship: string, submittedAt: string, deadline: string, rows: readonly (readonly [string | null, State])[], units: readonly (string | null)[] = []): Promise<void> {
  for (const [i, [decidedAt, state]] of rows.entries()) {
    serial += 1;
    const [nomad] = await database.db
      .insert(schema.nomads)
      .values({ surname: 'X', givenNames: 'Y', dateOfBirth: '1990-01-01', sex: 'FEMALE', citizenship, passportCountry: citizenship, passportNumber: `S${serial}`, passportExpiresOn: '2035-01-01', email: `s${serial}@example.org` })
      .returning();
    if (!nomad) throw new Error('no nomad');
    await database.db.insert(schema.applications).values({
      number: String(serial).padStart(8, '0'),
      nomadId: nomad.id,
      state,
      activityCode: citizenship === 'USA' ? 'DESIGN' : 'SOFTWARE_DEVELOPMENT',
      foreignParties: [],
      declaredIncomeMinor: 2_400_000,
      incomeCurrency: 'USD',
      declaredIncomeUsdMinor: 2_400_000,
      requestedStartOn: '2026-04-01',
      submittedAt,
      reviewDeadlineOn: deadline,
      decidedAt,
      decidedUnit: units[i] ?? null,
    });
  }
}

beforeAll(async () => {
  opened = await openServiceTestDatabase('statistics_service');
  database = opened.database;
  app = { clock: fixedClock(`${TODAY}T06:00:00Z`), zhaak: embeddedZhaak(database.db) };
  await database.db.insert(schema.publicHolidays).values({ day: '2026-03-09', name: "International Women's Day (moved)" });
  await insert('KAZ', '2026-03-02T04:00:00Z', '2026-03-12', KAZ_MARCH, KAZ_MARCH_UNITS);
  await insert('USA', '2026-03-03T04:00:00Z', '2026-03-13', USA_MARCH, USA_MARCH_UNITS);
  await insert('KAZ', '2026-04-06T04:00:00Z', '2026-04-16', KAZ_APRIL);
});
afterAll(async () => {
  await opened?.close();
});

const ALL = ['COUNT', 'MEDIAN', 'P90', 'AVERAGE', 'OVERDUE_SHARE'] as const;
const MARCH = { submittedFrom: '2026-03-01', submittedTo: '2026-03-31' };

/**
 * Runs the statistics as `principal`, counting the SQL statements it takes. Exact (counts and
 * amounts not rounded, k as given) unless `rules` says otherwise, so that the figures worked
 * out on paper can be compared; rounding has its own tests below.
 */
async function stats(args: Partial<ApplicationStatisticsArgs>, options: { principal?: Principal; k?: number; rules?: DisclosureRules | 'rule value' } = {}) {
  const ctx = serviceContext(database, options.principal ?? analyst, { purpose: null });
  const before = database.statementCount();
  const rules = options.rules === 'rule value' ? undefined : (options.rules ?? { minCellSize: options.k ?? 5, countRoundingBase: 1, significantFigures: 0 });
  const result = await getApplicationStatistics(ctx, app, { measures: [...ALL], ...args }, rules);
  return { result, statements: database.statementCount() - before };
}

const row = (dims: Record<string, unknown>, m: { count: number; median: number | null; p90: number | null; average: number | null; overdueShare: number }) => ({ ...dims, suppressed: false, ...m });
const hidden = (dims: Record<string, unknown>) => ({ ...dims, suppressed: true, count: null, median: null, p90: null, average: null, overdueShare: null });

describe('applicationStatistics: measures per group, from the fixture worked out by hand', () => {
  it('per citizenship in March: counts, working-day median, P90 and average (the holiday skipped), the undecided left out of durations, overdue share', async () => {
    const { result, statements } = await stats({ groupBy: ['CITIZENSHIP'], filter: MARCH });
    expect(statements).toBe(1);
    expect(result.minCellSize).toBe(5);
    expect(result.duration).toBe('WORKING_DAYS_TO_DECISION');
    expect(result.rows).toEqual([
      row({ citizenship: 'KAZ' }, { count: 5, median: 4, p90: 5.6, average: 3.4, overdueShare: 0 }),
      row({ citizenship: 'USA' }, { count: 7, median: 4, p90: 6.6, average: 4.4, overdueShare: 0.14 }),
    ]);
    // Working days of all ten decided: 0 2 2 3 4 4 5 6 6 7.
    expect(result.total).toEqual(row({}, { count: 12, median: 4, p90: 6.1, average: 3.9, overdueShare: 0.08 }));
  });

  it('each measure asked alone is the value it has among all (the statement computes only what is asked, with its basis)', async () => {
    const all = await stats({ groupBy: ['CITIZENSHIP'], filter: MARCH });
    const measures = [...ALL];
    expect(measures.length).toBeGreaterThan(1);
    const field = { COUNT: 'count', MEDIAN: 'median', P90: 'p90', AVERAGE: 'average', OVERDUE_SHARE: 'overdueShare' } as const;
    for (const m of measures) {
      const alone = await stats({ measures: [m], groupBy: ['CITIZENSHIP'], filter: MARCH });
      expect(alone.result.rows.map((r) => r[field[m]]), m).toEqual(all.result.rows.map((r) => r[field[m]]));
      expect(alone.result.total[field[m]], m).toEqual(all.result.total[field[m]]);
      expect(alone.result.total[field[m]], m).not.toBeNull();
    }
  });

  it('calendar days when asked', async () => {
    const { result, statements } = await stats({ groupBy: ['CITIZENSHIP'], duration: 'CALENDAR_DAYS_TO_DECISION', filter: { ...MARCH, citizenships: ['KAZ'] } });
    expect(statements).toBe(1);
    expect(result.rows).toEqual([row({ citizenship: 'KAZ' }, { count: 5, median: 4, p90: 8.6, average: 4.6, overdueShare: 0 })]);
  });

  it('only the measures asked for; by month, quarter, year, activity and state, each in one statement', async () => {
    const month = await stats({ measures: ['COUNT'], groupBy: ['SUBMITTED_YEAR', 'ACTIVITY'] });
    expect(month.statements).toBe(1);
    expect(month.result.rows).toEqual([
      { submittedYear: 2026, activityCode: 'DESIGN', suppressed: false, count: 7, median: null, p90: null, average: null, overdueShare: null },
      { submittedYear: 2026, activityCode: 'SOFTWARE_DEVELOPMENT', suppressed: false, count: 9, median: null, p90: null, average: null, overdueShare: null },
    ]);
    const three = await stats({ measures: ['COUNT', 'MEDIAN'], groupBy: ['STATE', 'CITIZENSHIP', 'SUBMITTED_QUARTER'], filter: { states: ['APPROVED'] } });
    expect(three.statements).toBe(1);
    expect(three.result.rows.map((r) => [r.state, r.citizenship, r.submittedQuarter, r.suppressed, r.count])).toEqual([
      ['APPROVED', 'KAZ', '2026-Q1', true, null],
      ['APPROVED', 'KAZ', '2026-Q2', true, null],
      ['APPROVED', 'USA', '2026-Q1', true, null],
    ]);
    // Approved: 3 + 3 + 4, every cell under k; the total (10) is shown.
    expect(three.result.total).toMatchObject({ suppressed: false, count: 10 });
  });

  it('by month of decision: the undecided form their own group (null month)', async () => {
    const { result } = await stats({ measures: ['COUNT'], groupBy: ['DECIDED_MONTH'], filter: MARCH }, { k: 2 });
    expect(result.rows.map((r) => [r.decidedMonth, r.count])).toEqual([
      ['2026-03', 10],
      [null, 2],
    ]);
  });
});

describe('by the deciding officer\'s unit', () => {
  it('counts each unit, the applications without one (undecided, or decided without a unit) as the null group, in one statement', async () => {
    const { result, statements } = await stats({ measures: ['COUNT', 'MEDIAN'], groupBy: ['DECIDING_UNIT'] }, { k: 2 });
    expect(statements).toBe(1);
    expect(result.rows.map((r) => [r.decidingUnit, r.suppressed, r.count])).toEqual([
      ['bishkek', false, 7],
      ['osh-region', false, 3],
      [null, false, 6],
    ]);
    // Bishkek's working days: KAZ 0 2 4 5 6 and USA 2 3: median 3.
    expect(result.rows[0]?.median).toBe(3);
    expect(result.total.count).toBe(16);
  });

  it('withholds a unit of fewer than k applicants, and the smallest other row with it', async () => {
    const { result } = await stats({ measures: ['COUNT'], groupBy: ['DECIDING_UNIT'] }, { k: 5 });
    // Osh region (3) is under k; alone withheld, it would be 16 − 7 − 6: the null group (6) goes too.
    expect(result.rows.map((r) => [r.decidingUnit, r.suppressed, r.count])).toEqual([
      ['bishkek', false, 7],
      ['osh-region', true, null],
      [null, true, null],
    ]);
    expect(result.total).toMatchObject({ suppressed: false, count: 16 });
  });

  it('filters on decidingUnits, also crossed with another dimension', async () => {
    const osh = await stats({ measures: ['COUNT'], filter: { decidingUnits: ['osh-region'] } }, { k: 1 });
    expect(osh.statements).toBe(1);
    expect(osh.result.total.count).toBe(3);
    const both = await stats({ measures: ['COUNT'], groupBy: ['CITIZENSHIP', 'DECIDING_UNIT'], filter: { decidingUnits: ['bishkek', 'osh-region'] } }, { k: 1 });
    expect(both.result.rows.map((r) => [r.citizenship, r.decidingUnit, r.count])).toEqual([
      ['KAZ', 'bishkek', 5],
      ['USA', 'bishkek', 2],
      ['USA', 'osh-region', 3],
    ]);
    expect(both.result.total.count).toBe(10);
  });
});

describe('small-cell suppression', () => {
  it('a group of k is shown, of k − 1 withheld; the one suppressed cell is protected by suppressing the smallest other', async () => {
    const { result, statements } = await stats({ groupBy: ['CITIZENSHIP', 'SUBMITTED_MONTH'] });
    expect(statements).toBe(1);
    // KAZ April holds 4: withheld. Shown with the total (16), it would be 16 − 5 − 7: so the
    // smallest row shown (KAZ March, 5) is withheld too; USA March (7) stays.
    expect(result.rows).toEqual([
      hidden({ citizenship: 'KAZ', submittedMonth: '2026-03' }),
      hidden({ citizenship: 'KAZ', submittedMonth: '2026-04' }),
      row({ citizenship: 'USA', submittedMonth: '2026-03' }, { count: 7, median: 4, p90: 6.6, average: 4.4, overdueShare: 0.14 }),
    ]);
    expect(result.total.count).toBe(16);
    // What is withheld adds up to k at least: the total cannot give back a small cell.
    expect((result.total.count as number) - 7).toBeGreaterThanOrEqual(result.minCellSize);
  });

  it('KAZ March (5) is shown at k = 5 and withheld at k = 6', async () => {
    const filter = { ...MARCH, citizenships: ['KAZ'] };
    expect((await stats({ measures: ['COUNT'], filter })).result.total).toMatchObject({ suppressed: false, count: 5 });
    expect((await stats({ measures: ['COUNT'], filter }, { k: 6 })).result.total).toEqual(hidden({}));
    expect((await stats({ measures: ['COUNT'], filter: { ...filter, states: ['APPROVED', 'REFUSED', 'SUBMITTED'] } }, { k: 6 })).result.total).toEqual(hidden({}));
  });

  it('durations need k decided applications: USA March (7, five decided) shows its count but no median at k = 6', async () => {
    const { result } = await stats({ filter: { ...MARCH, citizenships: ['USA'] } }, { k: 6 });
    expect(result.total).toEqual({ suppressed: false, count: 7, median: null, p90: null, average: null, overdueShare: 0.14 });
  });
});

describe('rounding under the default rules', () => {
  it('counts to a multiple of 5, durations to 2 significant figures, shares from the rounded counts; the rules are in the answer', async () => {
    const { result, statements } = await stats({ groupBy: ['CITIZENSHIP'], filter: MARCH }, { rules: 'rule value' });
    // The rule value is read in the statistics statement itself.
    expect(statements).toBe(1);
    expect(result.disclosure).toEqual({ minCellSize: 5, countRoundingBase: 5, significantFigures: 2 });
    // Exact: KAZ 5 (p90 5.6, average 3.4), USA 7 (overdue 1/7 = 0.14), total 12 (p90 6.1, average 3.9, overdue 1/12).
    // The overdue share is 0 of 5 and 0 of 10, not 0.14 and 0.083: those gave away exactly one overdue.
    expect(result.rows).toEqual([
      row({ citizenship: 'KAZ' }, { count: 5, median: 4, p90: 5.6, average: 3.4, overdueShare: 0 }),
      row({ citizenship: 'USA' }, { count: 5, median: 4, p90: 6.6, average: 4.4, overdueShare: 0 }),
    ]);
    expect(result.total).toEqual(row({}, { count: 10, median: 4, p90: 6.1, average: 3.9, overdueShare: 0 }));
  });

  it('follows the rule value: k and the rounding base changed in the table change the answer; an invalid value stops it', async () => {
    const setRule = (value: unknown) =>
      database.db.update(schema.ruleValues).set({ value }).where(eq(schema.ruleValues.key, 'statistics_disclosure'));
    try {
      await setRule({ minCellSize: 6, countRoundingBase: 3, significantFigures: 3 });
      const { result } = await stats({ measures: ['COUNT'], groupBy: ['CITIZENSHIP'], filter: MARCH }, { rules: 'rule value' });
      expect(result.disclosure).toEqual({ minCellSize: 6, countRoundingBase: 3, significantFigures: 3 });
      // KAZ (5) is under k = 6; alone withheld, it would be the total minus USA: USA is withheld too.
      expect(result.rows.map((r) => [r.citizenship, r.suppressed, r.count])).toEqual([
        ['KAZ', true, null],
        ['USA', true, null],
      ]);
      expect(result.total.count).toBe(12);
      await setRule({ minCellSize: 1, countRoundingBase: 5, significantFigures: 2 });
      await expect(stats({ measures: ['COUNT'] }, { rules: 'rule value' })).rejects.toThrow(/statistics_disclosure is invalid at minCellSize/);
    } finally {
      await setRule(DEFAULT_DISCLOSURE_RULES);
    }
  });

  it('one more application in a cell does not show as an exact difference of one', async () => {
    // USA March holds 7 and the total 12: 7 → 8 rounds to 10 (a step of 5, not 1), 12 → 13 to 15.
    const before = (await stats({ measures: ['COUNT'], groupBy: ['CITIZENSHIP'], filter: MARCH }, { rules: DEFAULT_DISCLOSURE_RULES })).result;
    expect(before.rows.map((r) => r.count)).toEqual([5, 5]);
    await insert('USA', '2026-03-03T04:00:00Z', '2026-03-13', [[null, 'SUBMITTED']]);
    try {
      const after = (await stats({ measures: ['COUNT'], groupBy: ['CITIZENSHIP'], filter: MARCH }, { rules: DEFAULT_DISCLOSURE_RULES })).result;
      expect(after.rows.map((r) => r.count)).toEqual([5, 10]);
      expect((after.total.count as number) - (before.total.count as number)).not.toBe(1);
    } finally {
      await database.db.delete(schema.applications).where(eq(schema.applications.number, String(serial).padStart(8, '0')));
    }
  });
});

describe('who may ask, and bad input', () => {
  const code = async (args: Partial<ApplicationStatisticsArgs>, principal?: Principal) => {
    const err = (await stats(args, principal ? { principal } : {}).then(
      () => null,
      (e: unknown) => e,
    )) as GraphQLError | null;
    return err && [err.extensions.code, err.extensions.field ?? null];
  };

  it('a migration officer may ask; a nomad and a labor officer are refused', async () => {
    const officer = await stats({ measures: ['COUNT'] }, { principal: { sub: 'mo', name: 'mo', roles: ['migration_officer'], nomadId: null } });
    expect(officer.result.total.count).toBe(16);
    expect(await code({}, { sub: 'n', name: 'n', roles: ['nomad'], nomadId: '00000000-0000-4000-8000-000000000001' })).toEqual(['FORBIDDEN', null]);
    expect(await code({}, { sub: 'l', name: 'l', roles: ['labor_officer'], nomadId: null })).toEqual(['FORBIDDEN', null]);
  });

  it('BAD_USER_INPUT naming the argument, before any SQL', async () => {
    const before = database.statementCount();
    expect(await code({ measures: [] })).toEqual(['BAD_USER_INPUT', 'measures']);
    expect(await code({ groupBy: ['CITIZENSHIP', 'ACTIVITY', 'STATE', 'DECIDED_MONTH'] })).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code({ groupBy: ['STATE', 'STATE'] })).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code({ groupBy: ['SUBMITTED_MONTH', 'SUBMITTED_YEAR'] })).toEqual(['BAD_USER_INPUT', 'groupBy']);
    expect(await code({ filter: { nomadId: '00000000-0000-4000-8000-000000000001' } })).toEqual(['BAD_USER_INPUT', 'filter.nomadId']);
    expect(await code({ filter: { submittedFrom: '2026-04-01', submittedTo: '2026-03-01' } })).toEqual(['BAD_USER_INPUT', 'filter.submittedFrom']);
    expect(database.statementCount() - before).toBe(0);
  });
});

describe('k counts people, not applications', () => {
  it('one nomad with k applications in a cell: suppressed, as the one person it is', async () => {
    // The nomad and its applications are the only JPN ones, and are removed at the end, so no
    // other question ever sees them.
    const [nomad] = await database.db
      .insert(schema.nomads)
      .values({ surname: 'X', givenNames: 'Y', dateOfBirth: '1990-01-01', sex: 'FEMALE', citizenship: 'JPN', passportCountry: 'JPN', passportNumber: 'JPN-K', passportExpiresOn: '2035-01-01', email: 'jpn-k@example.org' })
      .returning();
    if (!nomad) throw new Error('no nomad');
    for (const day of ['02', '03', '04', '05', '06']) {
      serial += 1;
      await database.db.insert(schema.applications).values({
        number: String(serial).padStart(8, '0'),
        nomadId: nomad.id,
        state: 'REFUSED',
        activityCode: 'DESIGN',
        foreignParties: [],
        declaredIncomeMinor: 2_400_000,
        incomeCurrency: 'USD',
        declaredIncomeUsdMinor: 2_400_000,
        requestedStartOn: '2026-03-01',
        submittedAt: `2026-02-${day}T04:00:00Z`,
        reviewDeadlineOn: '2026-02-20',
        decidedAt: `2026-02-${day}T05:00:00Z`,
      });
    }
    try {
      const jpn = { citizenships: ['JPN'] };
      // 5 applications (COUNT), 1 applicant: under k = 5, the row and the total are suppressed.
      expect((await stats({ groupBy: ['CITIZENSHIP'], filter: jpn }, { k: 5 })).result).toMatchObject({ rows: [hidden({ citizenship: 'JPN' })], total: hidden({}) });
      const one = await stats({ groupBy: ['CITIZENSHIP'], filter: jpn }, { k: 1 });
      expect(one.result.rows).toEqual([row({ citizenship: 'JPN' }, { count: 5, median: 0, p90: 0, average: 0, overdueShare: 0 })]);
      // The durations' basis is people too: 5 decided applications of one applicant are under k = 2.
      expect((await stats({ groupBy: ['CITIZENSHIP'], filter: jpn }, { k: 2 })).result.total).toMatchObject({ suppressed: true, count: null, median: null });
    } finally {
      await database.db.delete(schema.applications).where(eq(schema.applications.nomadId, nomad.id));
      await database.db.delete(schema.nomads).where(eq(schema.nomads.id, nomad.id));
    }
  });
});
