import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { badUserInput } from '../errors.ts';
import type { Executor } from '../db/database.ts';
import type { RawStatisticsRow } from './disclosure.ts';

/** More dimensions than this make cells too small to show anything but suppression. */
export const MAX_STATISTICS_DIMENSIONS = 3;

/**
 * Checks a `groupBy` argument (BAD_USER_INPUT naming `groupBy`): at most
 * {@link MAX_STATISTICS_DIMENSIONS}, each once, and at most one of each set of nested
 * dimensions (a month is inside its quarter and its year: grouping by both says nothing more).
 */
export function checkGroupBy<D extends string>(groupBy: readonly D[], nested: readonly (readonly D[])[] = []): D[] {
  if (groupBy.length > MAX_STATISTICS_DIMENSIONS) throw badUserInput(`Group by at most ${MAX_STATISTICS_DIMENSIONS} dimensions.`, 'groupBy');
  const twice = groupBy.find((d, i) => groupBy.indexOf(d) !== i);
  if (twice) throw badUserInput(`${twice} is listed more than once.`, 'groupBy');
  for (const set of nested) {
    const chosen = groupBy.filter((d) => set.includes(d));
    if (chosen.length > 1) throw badUserInput(`Group by one of ${set.join(', ')} at a time, not ${chosen.join(' and ')}: one is inside the other.`, 'groupBy');
  }
  return [...groupBy];
}

/** Checks a `measures` argument: at least one (BAD_USER_INPUT naming `measures`). */
export function checkMeasures<M extends string>(measures: readonly M[]): Set<M> {
  if (measures.length === 0) throw badUserInput('Ask for at least one measure.', 'measures');
  return new Set(measures);
}

/** One dimension of a grouped statement: the result column it fills and its value per record. */
export interface StatisticsDimension {
  column: string;
  value: SQL;
}

/**
 * A grouped statistics statement over one kind of record:
 * - `inputs`: per record, the values the aggregates read, as `<expression> as <name>` columns;
 * - `from`: the `from ... join ... where ...` that picks the records (the agency's list filter);
 * - `aggregates`: each measure over the group, reading `x.<input>` (the per-record subquery).
 * The statement returns each group of `dimensions` and the total (grouping sets), with
 * `people` (by default `count(*)`) as the row's count: ONE statement whatever the grouping.
 */
export interface GroupedStatement {
  dimensions: readonly StatisticsDimension[];
  inputs: readonly SQL[];
  from: SQL;
  aggregates: Readonly<Record<string, SQL>>;
  /** The agency's disclosure rule value ({@link disclosureRuleSql}), read in the same statement. */
  rules?: SQL;
  /**
   * The number of people in a group, what `k` is applied to, over the per-record subquery `x`
   * (e.g. `count(distinct x."registrationId")` when one person has several records, as a taxpayer
   * has a declaration per quarter). @default count(*): each record is one person
   */
  people?: SQL;
}

const quoted = (name: string) => {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`not a column name: ${name}`);
  return sql.raw(`"${name}"`);
};

/** The SQL of a grouped statement (exported for EXPLAIN tests). */
export function groupedStatisticsSql(statement: GroupedStatement): SQL {
  // The row's people are its "count" column: an aggregate of that name would hide them.
  if (statement.people && 'count' in statement.aggregates) throw new Error('a statement counting `people` cannot name an aggregate `count`');
  const columns = statement.dimensions.map((d) => quoted(d.column));
  const perRecord = [...statement.dimensions.map((d, i) => sql`${d.value} as ${columns[i]}`), ...statement.inputs, sql`1 as "one"`];
  const grouped = columns.length > 0;
  const aggregates = Object.entries(statement.aggregates).map(([name, expression]) => sql`${expression} as ${quoted(name)}`);
  return sql`
    select ${grouped ? sql`${sql.join(columns, sql`, `)}, ` : sql``}
      ${grouped ? sql`grouping(${columns[0]}) = 1` : sql`true`} as "isTotal",
      ${statement.people ? sql`(${statement.people})::int` : sql`count(*)::int`} as "count"${aggregates.length > 0 ? sql`, ${sql.join(aggregates, sql`, `)}` : sql``}${statement.rules ? sql`, ${statement.rules} as "rules"` : sql``}
    from (select ${sql.join(perRecord, sql`, `)} ${statement.from}) as x
    ${grouped ? sql`group by grouping sets ((${sql.join(columns, sql`, `)}), ())` : sql``}
    order by ${sql.join([sql`"isTotal"`, ...columns.map((c) => sql`${c} nulls last`)], sql`, `)}`;
}

const toNumber = (v: unknown): number | null => (v == null ? null : Number(v));

/** Runs a grouped statement: one row per group, then the total (`isTotal`). */
export async function runGroupedStatistics<TSchema extends Record<string, unknown>>(
  db: Executor<TSchema>,
  statement: GroupedStatement,
): Promise<RawStatisticsRow[]> {
  const rows = await db.execute<Record<string, unknown>>(groupedStatisticsSql(statement));
  return rows.map((r) => ({
    isTotal: r.isTotal === true,
    // The SQL boundary: each dimension is the type its `value` expression casts it to.
    dimensions: Object.fromEntries(statement.dimensions.map((d) => [d.column, r[d.column] ?? null])),
    count: Number(r.count),
    values: Object.fromEntries(Object.keys(statement.aggregates).map((name) => [name, toNumber(r[name])])),
    ...(statement.rules ? { rules: r.rules } : {}),
  }));
}

/** The Bishkek calendar date of a timestamptz column, for month, quarter and year dimensions. */
export const bishkekDateSql = (instant: SQL | AnyColumn) => sql`(${instant} at time zone 'Asia/Bishkek')::date`;

/** `YYYY-MM`, `YYYY-Qn` and the year of a date expression: the calendar dimensions every agency offers. */
export const calendarDimension = {
  month: (date: SQL) => sql`to_char(${date}, 'YYYY-MM')`,
  quarter: (date: SQL) => sql`to_char(${date}, 'YYYY-"Q"Q')`,
  year: (date: SQL) => sql`extract(year from ${date})::int`,
} as const;
