/**
 * Statistical disclosure control for every agency's statistics: the one place that decides what
 * of an aggregate an analyst may see. Two rules, both rule values:
 *
 * - **Small cells are suppressed.** A row of fewer than `minCellSize` people (k) shows no
 *   measure, nor does a row whose count could be worked out from the total and the rows shown
 *   (secondary suppression, {@link suppressedRows}).
 * - **Nothing shown is exact.** Counts are rounded to a multiple of `countRoundingBase`,
 *   amounts (sums, averages, percentiles) to `significantFigures` significant figures, and
 *   shares are computed from the rounded counts (see {@link MeasureDisclosure}).
 *   A cell that changed by one person (one declaration, one decision) therefore changes by a
 *   rounded step, or not at all: differencing two answers never gives one person's value.
 */
export interface DisclosureRules {
  /** k: rows holding fewer people than this are suppressed. @default 5 */
  minCellSize: number;
  /** Counts are rounded to the nearest multiple of this (halves up); at least 3. @default 5 */
  countRoundingBase: number;
  /** Amounts are rounded to this many significant figures. @default 2 */
  significantFigures: number;
}

export const DEFAULT_DISCLOSURE_RULES: Readonly<DisclosureRules> = Object.freeze({
  minCellSize: 5,
  countRoundingBase: 5,
  significantFigures: 2,
});

/** The bounds a rule value must stay within, so that an officer cannot switch the protection off by mistake. */
export const DISCLOSURE_BOUNDS = {
  minCellSize: { min: 3, max: 100 },
  // Rounding to 1 or 2 would show a count exactly, or nearly: one person apart would show again.
  countRoundingBase: { min: 3, max: 100 },
  // 4 figures of an income in minor units are close to exact.
  significantFigures: { min: 1, max: 3 },
} as const satisfies Record<keyof DisclosureRules, { min: number; max: number }>;

/** The name of the first rule outside its bounds (or not an integer), or null when all hold. */
export function invalidDisclosureRule(rules: DisclosureRules): keyof DisclosureRules | null {
  for (const name of Object.keys(DISCLOSURE_BOUNDS) as (keyof DisclosureRules)[]) {
    const value = rules[name];
    const { min, max } = DISCLOSURE_BOUNDS[name];
    if (!Number.isInteger(value) || value < min || value > max) return name;
  }
  return null;
}

/** `n` to the nearest multiple of `base`, halves up (12 → 10, 13 → 15 at base 5). */
export function roundCount(n: number, base: number): number {
  if (base <= 1) return n;
  return Math.floor(n / base + 0.5) * base;
}

/**
 * `x` to `figures` significant figures (67,345.12 → 67,000 at 2); 0 and non-finite values
 * unchanged. `figures` 0 leaves `x` exact: for tests that compare figures worked out by hand
 * (a rule value is at least 1, see {@link DISCLOSURE_BOUNDS}).
 */
export function roundSignificant(x: number, figures: number): number {
  if (figures <= 0 || x === 0 || !Number.isFinite(x)) return x;
  const size = Math.abs(x);
  const magnitude = Math.floor(Math.log10(size));
  const step = 10 ** (magnitude - figures + 1);
  // Halves away from zero, the same for a negative amount; dividing by a power of ten below 1 is
  // exact where multiplying is not (0.43, not 0.43000000000000005).
  const rounded = step >= 1 ? Math.round(size / step) * step : Math.round(size * (1 / step)) / (1 / step);
  return Math.sign(x) * rounded;
}

/**
 * Which rows to withhold, by index. Primary: a row under `k`. Secondary: the rows together hold
 * every person of the total (they are every group of the total's records, grouping sets over one
 * subquery), so the total less the rows shown gives the withheld rows together; while the
 * withheld rows may hold fewer than `k` distinct people, the smallest row still shown is
 * withheld too. The total itself is withheld only when under `k`.
 *
 * A person can sit in two rows (two applications, a declaration per quarter), so the withheld
 * rows' people do not add up: their distinct people are counted by {@link withheldPeopleAtLeast},
 * a bound that counts each person once.
 */
export function suppressedRows(counts: readonly number[], total: number, k: number, options: { zerosShown?: boolean } = {}): Set<number> {
  const out = new Set<number>();
  // With `zerosShown`, an empty cell is shown: it holds no one (and withholding it hides nothing).
  const small = (n: number) => n < k && !(options.zerosShown && n === 0);
  counts.forEach((n, i) => {
    if (small(n)) out.add(i);
  });
  if (total < k) return out;
  while (out.size > 0 && withheldPeopleAtLeast(counts, out, total) < k) {
    const shown = counts.map((n, i) => [n, i] as const).filter(([n, i]) => !out.has(i) && !(options.zerosShown && n === 0));
    if (shown.length === 0) break;
    const [, smallest] = shown.reduce((a, b) => (b[0] < a[0] ? b : a));
    out.add(smallest);
  }
  return out;
}

/**
 * At least how many distinct people the withheld rows hold, whoever sits in two rows: the
 * largest withheld row (its people are distinct), or the total's people less every person of
 * the rows shown (each person of the total is in some row, and those not in a row shown are in
 * a withheld one). When each person is in one row the second is exactly the withheld rows'
 * sum. Rows that hold fewer people than the total (they would not cover it) leave only the
 * first bound.
 */
export function withheldPeopleAtLeast(counts: readonly number[], withheld: ReadonlySet<number>, total: number): number {
  let largestWithheld = 0;
  let shown = 0;
  let all = 0;
  counts.forEach((n, i) => {
    all += n;
    if (withheld.has(i)) largestWithheld = Math.max(largestWithheld, n);
    else shown += n;
  });
  if (all < total) return largestWithheld;
  return Math.max(largestWithheld, total - shown);
}

/**
 * How one measure is protected: `count` rounded to the base, `amount` to significant figures.
 * `basis` names the count of the values the measure is computed over (e.g. the decided
 * applications of a median of days to decision): under `k` the measure is withheld even in a
 * row that is shown.
 *
 * A `share` is computed here, not in SQL: the count named `numerator` over the count named
 * `denominator` (by default the row's count), BOTH rounded to the base first, to 2 decimals;
 * null when the rounded denominator is 0. An exact share would undo the rounding of the
 * counts (1 of 6, shown as a count of 5, is 0.17: exactly one); this one says no more than
 * the rounded counts do.
 */
export type MeasureDisclosure =
  | { kind: 'count' | 'amount'; basis?: string }
  | { kind: 'share'; numerator: string; denominator?: string; basis?: string };

/** `numerator` over `denominator`, both rounded to `base`, to 2 decimals; null over a rounded 0. */
export function roundedShare(numerator: number, denominator: number, base: number): number | null {
  const over = roundCount(denominator, base);
  if (over === 0) return null;
  return Math.round((roundCount(numerator, base) / over) * 100) / 100;
}

/** A row as the statement returned it: its dimension values and the raw measure values. */
export interface RawStatisticsRow {
  isTotal: boolean;
  dimensions: Record<string, unknown>;
  /** The number of people (or records standing for one person each) in the row: what `k` is applied to. */
  count: number;
  values: Record<string, number | null>;
  /** The agency's disclosure rule value, when the statement read it (`GroupedStatement.rules`). */
  rules?: unknown;
}

/** A row as an analyst sees it: the dimensions, the flag, and each measure asked for (null when withheld). */
export type DisclosedRow = Record<string, unknown> & { suppressed: boolean };

function discloseValue(how: MeasureDisclosure, value: number, row: RawStatisticsRow, rules: DisclosureRules): number | null {
  if (how.kind !== 'share') return how.kind === 'count' ? roundCount(value, rules.countRoundingBase) : roundSignificant(value, rules.significantFigures);
  const denominator = how.denominator === undefined ? row.count : (row.values[how.denominator] ?? 0);
  return roundedShare(value, denominator, rules.countRoundingBase);
}

function discloseRow(
  row: RawStatisticsRow,
  suppressed: boolean,
  measures: Readonly<Record<string, MeasureDisclosure>>,
  asked: ReadonlySet<string>,
  rules: DisclosureRules,
): DisclosedRow {
  const out: DisclosedRow = { ...row.dimensions, suppressed };
  for (const [name, how] of Object.entries(measures)) {
    const value = row.values[how.kind === 'share' ? how.numerator : name] ?? null;
    const basis = how.basis === undefined ? row.count : (row.values[how.basis] ?? 0);
    const shown = asked.has(name) && !suppressed && basis >= rules.minCellSize && value !== null;
    out[name] = !shown ? null : discloseValue(how, value, row, rules);
  }
  return out;
}

/**
 * Applies the rules to a statement's rows (the total among them, see `isTotal`): small and
 * derivable cells suppressed, every measure not asked for null, the rest rounded.
 */
export function discloseStatistics(
  raw: readonly RawStatisticsRow[],
  options: { measures: Readonly<Record<string, MeasureDisclosure>>; asked: ReadonlySet<string>; rules: DisclosureRules },
): { rows: DisclosedRow[]; total: DisclosedRow } {
  const rows = raw.filter((r) => !r.isTotal);
  const total = raw.find((r) => r.isTotal);
  if (!total) throw new Error('a statistics statement returned no total row');
  const hidden = suppressedRows(
    rows.map((r) => r.count),
    total.count,
    options.rules.minCellSize,
  );
  return {
    rows: rows.map((r, i) => discloseRow(r, hidden.has(i), options.measures, options.asked, options.rules)),
    total: discloseRow({ ...total, dimensions: {} }, total.count < options.rules.minCellSize, options.measures, options.asked, options.rules),
  };
}

/**
 * `discloseStatistics` for a statement whose row count is people (what k is applied to, the
 * grouped statement's `people`) while the count shown is the records: its measure `records`
 * (protected as a count) becomes the row's `count`. E.g. screenings per month, k over nomads.
 */
export function discloseRecordsOverPeople(
  raw: readonly RawStatisticsRow[],
  options: { measures: Readonly<Record<string, MeasureDisclosure>>; asked: ReadonlySet<string>; rules: DisclosureRules },
): { rows: DisclosedRow[]; total: DisclosedRow } {
  const out = discloseStatistics(raw, options);
  const counted = ({ records, ...row }: DisclosedRow): DisclosedRow => ({ ...row, count: records ?? null });
  return { rows: out.rows.map(counted), total: counted(out.total) };
}

/**
 * Applies the rules to a statement whose measures are counts of different things in one row
 * (e.g. grants and expiries per year): each count asked for is protected on its own column, as
 * if it were the only measure — a cell under `k` withheld, secondary suppression over the
 * column against its total, the rest rounded to the base — so that no count can be worked out
 * from the others. A count of 0 is shown (a row exists when any of its counts is not 0: an
 * empty cell holds no one). A row is `suppressed` when every count asked for is withheld in
 * it; a count not asked for is null.
 *
 * `people` names, per count, the value holding the number of distinct people its records are
 * (e.g. renewals: one nomad can renew twice in a year): k and the secondary suppression are
 * applied to those, the count shown is still the records'. Without it each record is one person.
 */
export function discloseEachCount(
  raw: readonly RawStatisticsRow[],
  options: { counts: readonly string[]; asked: ReadonlySet<string>; rules: DisclosureRules; people?: Readonly<Record<string, string>> },
): { rows: DisclosedRow[]; total: DisclosedRow } {
  const rows = raw.filter((r) => !r.isTotal);
  const total = raw.find((r) => r.isTotal);
  if (!total) throw new Error('a statistics statement returned no total row');
  const { minCellSize: k, countRoundingBase: base } = options.rules;
  const asked = options.counts.filter((name) => options.asked.has(name));
  const peopleOf = (row: RawStatisticsRow, name: string) => {
    const column = options.people?.[name];
    if (column === undefined) return row.values[name] ?? 0;
    // A people column the statement did not compute would read as 0 (no one) and show the count.
    const n = row.values[column];
    if (n === undefined) throw new Error(`a statistics statement returned no people column \`${column}\` for \`${name}\``);
    return n ?? 0;
  };
  const hidden = new Map(asked.map((name) => [name, suppressedRows(rows.map((r) => peopleOf(r, name)), peopleOf(total, name), k, { zerosShown: true })] as const));
  const disclose = (row: RawStatisticsRow, withheld: (name: string) => boolean): DisclosedRow => {
    const out: DisclosedRow = { ...row.dimensions, suppressed: asked.length > 0 && asked.every(withheld) };
    for (const name of options.counts) out[name] = asked.includes(name) && !withheld(name) ? roundCount(row.values[name] ?? 0, base) : null;
    return out;
  };
  return {
    rows: rows.map((r, i) => disclose(r, (name) => hidden.get(name)?.has(i) ?? true)),
    total: disclose({ ...total, dimensions: {} }, (name) => {
      const n = peopleOf(total, name);
      return n > 0 && n < k;
    }),
  };
}
