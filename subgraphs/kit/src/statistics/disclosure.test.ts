import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DISCLOSURE_RULES,
  discloseEachCount,
  discloseRecordsOverPeople,
  discloseStatistics,
  invalidDisclosureRule,
  roundCount,
  roundedShare,
  roundSignificant,
  suppressedRows,
  withheldPeopleAtLeast,
  type MeasureDisclosure,
  type RawStatisticsRow,
} from './disclosure.ts';

describe('rounding', () => {
  it('counts to the nearest multiple of the base, halves up; base 1 exact', () => {
    expect([0, 2, 3, 7, 8, 12, 13, 15].map((n) => roundCount(n, 5))).toEqual([0, 0, 5, 5, 10, 10, 15, 15]);
    expect(roundCount(13, 1)).toBe(13);
    expect(roundCount(14, 3)).toBe(15);
  });

  it('amounts to significant figures, exact at 0 figures', () => {
    expect(roundSignificant(67_345.12, 2)).toBe(67_000);
    expect(roundSignificant(12_412_678, 2)).toBe(12_000_000);
    expect(roundSignificant(1 / 7, 2)).toBe(0.14);
    expect(roundSignificant(1 / 12, 2)).toBe(0.083);
    expect(roundSignificant(-5_650, 2)).toBe(-5_700);
    expect(roundSignificant(5.6, 2)).toBe(5.6);
    expect(roundSignificant(0, 2)).toBe(0);
    expect(roundSignificant(1 / 7, 0)).toBe(1 / 7);
  });
});

describe('the rules’ bounds', () => {
  it('accept the defaults and refuse what would switch the protection off', () => {
    expect(invalidDisclosureRule(DEFAULT_DISCLOSURE_RULES)).toBeNull();
    expect(invalidDisclosureRule({ ...DEFAULT_DISCLOSURE_RULES, minCellSize: 1 })).toBe('minCellSize');
    expect(invalidDisclosureRule({ ...DEFAULT_DISCLOSURE_RULES, countRoundingBase: 0 })).toBe('countRoundingBase');
    expect(invalidDisclosureRule({ ...DEFAULT_DISCLOSURE_RULES, significantFigures: 0 })).toBe('significantFigures');
    expect(invalidDisclosureRule({ ...DEFAULT_DISCLOSURE_RULES, significantFigures: 2.5 })).toBe('significantFigures');
  });
});

describe('secondary suppression', () => {
  it('withholds the smallest row shown while what is withheld adds up to less than k', () => {
    expect(suppressedRows([5, 4, 7], 16, 5)).toEqual(new Set([1, 0]));
    expect(suppressedRows([5, 7], 12, 5)).toEqual(new Set());
    expect(suppressedRows([2, 3, 9], 14, 5)).toEqual(new Set([0, 1]));
    expect(suppressedRows([1, 9], 10, 5)).toEqual(new Set([0, 1]));
    expect(suppressedRows([3], 3, 5)).toEqual(new Set([0]));
  });

  it('counts a person who sits in two withheld rows once', () => {
    // Rows 0 and 1 are the same 3 people (a refused and a later approved application): 6 by
    // their sum, 3 in truth. The total (12 people) less the row shown (9) says so: row 2 goes too.
    expect(suppressedRows([3, 3, 9], 12, 5)).toEqual(new Set([0, 1, 2]));
    // Six distinct people between them (15 - 9): k is met, row 2 stays.
    expect(suppressedRows([3, 3, 9], 15, 5)).toEqual(new Set([0, 1]));
    // A person of the withheld rows also in the row shown: 3 + 9 - 1 = 11 people, at least 2 withheld ones by the total.
    expect(suppressedRows([3, 3, 9], 11, 5)).toEqual(new Set([0, 1, 2]));
  });

  it('bounds the withheld rows’ people from below, each person once', () => {
    expect(withheldPeopleAtLeast([3, 3, 9], new Set([0, 1]), 12)).toBe(3);
    expect(withheldPeopleAtLeast([3, 3, 9], new Set([0, 1]), 15)).toBe(6);
    expect(withheldPeopleAtLeast([4, 2, 9], new Set([0, 1]), 10)).toBe(4);
    // Rows that do not cover the total (their people add up to less) leave only the largest withheld row.
    expect(withheldPeopleAtLeast([3, 3, 9], new Set([0, 1]), 20)).toBe(3);
    expect(suppressedRows([3, 3, 9], 20, 5)).toEqual(new Set([0, 1, 2]));
  });
});

describe('discloseStatistics', () => {
  const measures: Record<string, MeasureDisclosure> = { count: { kind: 'count' }, income: { kind: 'amount' }, median: { kind: 'amount', basis: 'declared' } };
  const raw = (isTotal: boolean, region: string | null, count: number, income: number, declared: number): RawStatisticsRow => ({
    isTotal,
    dimensions: isTotal ? {} : { region },
    count,
    values: { count, income, median: income / Math.max(count, 1), declared },
  });

  it('rounds what is shown, nulls what was not asked for, withholds a measure whose basis is under k', () => {
    const out = discloseStatistics([raw(false, 'A', 12, 812_345, 12), raw(false, 'B', 7, 412_000, 3), raw(true, null, 19, 1_224_345, 15)], {
      measures,
      asked: new Set(['count', 'median']),
      rules: DEFAULT_DISCLOSURE_RULES,
    });
    expect(out.rows).toEqual([
      { region: 'A', suppressed: false, count: 10, income: null, median: 68_000 },
      { region: 'B', suppressed: false, count: 5, income: null, median: null },
    ]);
    expect(out.total).toEqual({ suppressed: false, count: 20, income: null, median: 64_000 });
  });

  it('over people, shows the records as the count and applies k to the people', () => {
    // Region B: 9 records of 3 people, under k = 5 (withheld, and A with it: the total gives B back).
    const row = (isTotal: boolean, region: string | null, people: number, records: number): RawStatisticsRow => ({
      isTotal,
      dimensions: isTotal ? {} : { region },
      count: people,
      values: { records },
    });
    const over = { measures: { records: { kind: 'count' } } as Record<string, MeasureDisclosure>, asked: new Set(['records']), rules: DEFAULT_DISCLOSURE_RULES };
    const out = discloseRecordsOverPeople([row(false, 'A', 12, 14), row(false, 'B', 3, 9), row(true, null, 15, 23)], over);
    expect(out.rows).toEqual([
      { region: 'A', suppressed: true, count: null },
      { region: 'B', suppressed: true, count: null },
    ]);
    expect(out.total).toEqual({ suppressed: false, count: 25 });
    expect(discloseRecordsOverPeople([row(false, 'A', 6, 7), row(true, null, 6, 7)], over).rows).toEqual([{ region: 'A', suppressed: false, count: 5 }]);
  });

  it('over people, one person in two withheld rows counts once: the rows shown go too', () => {
    // Quarters Q1 and Q2 are the same 3 taxpayers; Q3 has 9 others: 12 people in all. Q1 and Q2
    // add up to 6 records of 3 people, which the total less Q3 gives: Q3 is withheld as well.
    const row = (isTotal: boolean, quarter: string | null, people: number, records: number): RawStatisticsRow => ({
      isTotal,
      dimensions: isTotal ? {} : { quarter },
      count: people,
      values: { records },
    });
    const over = { measures: { records: { kind: 'count' } } as Record<string, MeasureDisclosure>, asked: new Set(['records']), rules: DEFAULT_DISCLOSURE_RULES };
    const quarters = [row(false, 'Q1', 3, 3), row(false, 'Q2', 3, 3), row(false, 'Q3', 9, 9)];
    expect(discloseRecordsOverPeople([...quarters, row(true, null, 12, 15)], over).rows.map((r) => r.suppressed)).toEqual([true, true, true]);
    // With 6 distinct people in Q1 and Q2 (15 in all), Q3 is shown.
    expect(discloseRecordsOverPeople([...quarters, row(true, null, 15, 15)], over).rows.map((r) => r.suppressed)).toEqual([true, true, false]);
  });

  it('one declaration more in a cell: the difference of the two sums is not its income', () => {
    const income = 67_345.12;
    const ask = { measures, asked: new Set(['income']), rules: DEFAULT_DISCLOSURE_RULES };
    const cases = [1_224_345, 9_876_543.21, 498_765, 50_000_001];
    expect(cases.length).toBeGreaterThan(0);
    for (const sum of cases) {
      const before = discloseStatistics([raw(true, null, 40, sum, 40)], ask).total.income as number;
      const after = discloseStatistics([raw(true, null, 41, sum + income, 41)], ask).total.income as number;
      expect(after - before).not.toBeCloseTo(income, 2);
    }
  });

  it('a suppressed row and a total under k show no measure at all', () => {
    const out = discloseStatistics([raw(false, 'A', 3, 100, 3), raw(true, null, 3, 100, 3)], { measures, asked: new Set(['count', 'income', 'median']), rules: DEFAULT_DISCLOSURE_RULES });
    expect(out.rows).toEqual([{ region: 'A', suppressed: true, count: null, income: null, median: null }]);
    expect(out.total).toEqual({ suppressed: true, count: null, income: null, median: null });
  });

  it('refuses a statement without its total row', () => {
    expect(() => discloseStatistics([raw(false, 'A', 9, 1, 9)], { measures, asked: new Set(['count']), rules: DEFAULT_DISCLOSURE_RULES })).toThrow(/no total row/);
  });
});

describe('shares: computed from the rounded counts', () => {
  const measures: Record<string, MeasureDisclosure> = {
    count: { kind: 'count' },
    overdueShare: { kind: 'share', numerator: 'overdue' },
    nonCompliantShare: { kind: 'share', numerator: 'nonCompliant', denominator: 'concluded', basis: 'concluded' },
  };
  const raw = (isTotal: boolean, month: string | null, count: number, overdue: number, concluded = count, nonCompliant = 0): RawStatisticsRow => ({
    isTotal,
    dimensions: isTotal ? {} : { month },
    count,
    values: { count, overdue, concluded, nonCompliant },
  });
  const ask = { measures, asked: new Set(['count', 'overdueShare', 'nonCompliantShare']), rules: DEFAULT_DISCLOSURE_RULES };

  it('1 overdue of 6 (a count shown as 5) is not 0.17 — exactly one — but what the rounded counts say: 0', () => {
    const one = discloseStatistics([raw(false, '2026-01', 6, 1), raw(false, '2026-02', 9, 4), raw(true, null, 15, 5)], ask);
    expect(one.rows[0]).toMatchObject({ month: '2026-01', suppressed: false, count: 5, overdueShare: 0 });
    // 0 or 2 overdue of 6 show the same: the share tells nothing the counts do not.
    for (const overdue of [0, 2]) {
      expect(discloseStatistics([raw(false, '2026-01', 6, overdue), raw(false, '2026-02', 9, 4), raw(true, null, 15, 4 + overdue)], ask).rows[0]?.overdueShare).toBe(0);
    }
    // 4 of 9 → 5 of 10; 5 of 15 → 5 of 15.
    expect(one.rows[1]?.overdueShare).toBe(0.5);
    expect(one.total.overdueShare).toBe(0.33);
  });

  it('over a named denominator, withheld under its basis, null over a rounded 0, exact at base 1', () => {
    const exact = { ...ask, rules: { minCellSize: 5, countRoundingBase: 1, significantFigures: 0 } };
    // 3 non-compliant of 7 concluded: 5 of 5 rounded (1), 3 of 7 exact (0.43); 4 concluded: under k.
    const rows = [raw(false, '2026-01', 9, 0, 7, 3), raw(false, '2026-02', 8, 0, 4, 1), raw(true, null, 17, 0, 11, 4)];
    expect(discloseStatistics(rows, ask).rows.map((r) => r.nonCompliantShare)).toEqual([1, null]);
    expect(discloseStatistics(rows, exact).rows.map((r) => r.nonCompliantShare)).toEqual([0.43, null]);
    expect(discloseStatistics(rows, exact).total.nonCompliantShare).toBe(0.36);
    expect(roundedShare(1, 2, 5)).toBeNull();
    expect(roundedShare(1, 6, 1)).toBe(0.17);
  });
});

describe('discloseEachCount: several counts in a row, each protected on its own', () => {
  const raw = (isTotal: boolean, year: number | null, grants: number, expiries: number): RawStatisticsRow => ({
    isTotal,
    dimensions: isTotal ? {} : { year },
    count: grants + expiries,
    values: { grants, expiries },
  });
  const counts = ['grants', 'expiries'];
  const exact = { minCellSize: 5, countRoundingBase: 1, significantFigures: 0 };

  it('withholds a small cell and, within its column, what would give it back; the other column stays', () => {
    // Expiries 2 and 9: 2 withheld, then 9 too (the total 11 − 9 would give back 2). Grants 7 and 12 shown.
    const out = discloseEachCount([raw(false, 2025, 7, 2), raw(false, 2026, 12, 9), raw(true, null, 19, 11)], { counts, asked: new Set(counts), rules: exact });
    expect(out.rows).toEqual([
      { year: 2025, suppressed: false, grants: 7, expiries: null },
      { year: 2026, suppressed: false, grants: 12, expiries: null },
    ]);
    expect(out.total).toEqual({ suppressed: false, grants: 19, expiries: 11 });
  });

  it('a row is suppressed when every count asked for is withheld; a count not asked for is null; counts rounded', () => {
    const rows = [raw(false, 2025, 3, 1), raw(false, 2026, 12, 9), raw(false, 2027, 8, 6), raw(true, null, 23, 16)];
    const out = discloseEachCount(rows, { counts, asked: new Set(['expiries']), rules: DEFAULT_DISCLOSURE_RULES });
    // Expiries 1 (withheld), then 6, the smallest shown: 7 withheld in all. 9 → 10, total 16 → 15.
    expect(out.rows).toEqual([
      { year: 2025, suppressed: true, grants: null, expiries: null },
      { year: 2026, suppressed: false, grants: null, expiries: 10 },
      { year: 2027, suppressed: true, grants: null, expiries: null },
    ]);
    expect(out.total).toEqual({ suppressed: false, grants: null, expiries: 15 });
  });

  it('a count of 0 is shown and does not make the column’s other cells withheld', () => {
    const out = discloseEachCount([raw(false, 2025, 6, 0), raw(false, 2026, 9, 7), raw(true, null, 15, 7)], { counts, asked: new Set(counts), rules: exact });
    expect(out.rows).toEqual([
      { year: 2025, suppressed: false, grants: 6, expiries: 0 },
      { year: 2026, suppressed: false, grants: 9, expiries: 7 },
    ]);
    expect(out.total).toEqual({ suppressed: false, grants: 15, expiries: 7 });
    expect(suppressedRows([0, 2, 9], 11, 5, { zerosShown: true })).toEqual(new Set([1, 2]));
    expect(suppressedRows([0, 2, 9], 11, 5)).toEqual(new Set([0, 1, 2]));
  });

  it('with `people`, k and the secondary suppression count each column’s people, not its records', () => {
    // 2026: 6 expiries of 2 people (withheld); 2025: 9 of 8 (withheld too: the total's 10 people − 8 gives back 2). Grants: one each.
    const withPeople = (isTotal: boolean, year: number | null, grants: number, expiries: number, expiryPeople: number): RawStatisticsRow => ({
      ...raw(isTotal, year, grants, expiries),
      values: { grants, expiries, grantPeople: grants, expiryPeople },
    });
    const rows = [withPeople(false, 2025, 7, 9, 8), withPeople(false, 2026, 12, 6, 2), withPeople(true, null, 19, 15, 10)];
    const people = { grants: 'grantPeople', expiries: 'expiryPeople' };
    const out = discloseEachCount(rows, { counts, asked: new Set(counts), rules: exact, people });
    expect(out.rows).toEqual([
      { year: 2025, suppressed: false, grants: 7, expiries: null },
      { year: 2026, suppressed: false, grants: 12, expiries: null },
    ]);
    expect(out.total).toEqual({ suppressed: false, grants: 19, expiries: 15 });
    // A total of 6 records by 4 people is under k = 5.
    expect(discloseEachCount([withPeople(false, 2025, 5, 6, 4), withPeople(true, null, 5, 6, 4)], { counts, asked: new Set(counts), rules: exact, people }).total).toEqual({ suppressed: false, grants: 5, expiries: null });

    // A people column the statement did not compute is an error, never a count shown as if no one were in it.
    expect(() => discloseEachCount(rows, { counts, asked: new Set(counts), rules: exact, people: { ...people, expiries: 'forgotten' } })).toThrow(/no people column `forgotten`/);
  });

  it('a total under k is withheld; a statement without its total row is refused', () => {
    expect(discloseEachCount([raw(false, 2025, 4, 6), raw(true, null, 4, 6)], { counts, asked: new Set(counts), rules: exact }).total).toEqual({ suppressed: false, grants: null, expiries: 6 });
    expect(() => discloseEachCount([raw(false, 2025, 4, 6)], { counts, asked: new Set(counts), rules: exact })).toThrow(/no total row/);
  });
});
