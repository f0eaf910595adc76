import { DISCLOSURE_BOUNDS, disclosureRuleSql, runGroupedStatistics, type GroupedStatement, type RawStatisticsRow } from '@nomad/kit';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { SecurityDb } from '../../db/index.ts';
import { rules, screenings } from '../../db/schema.ts';
import { screeningConditions, type ScreeningFilterParams } from '../screenings/queries.ts';

export type Dimension = 'OUTCOME' | 'KIND' | 'OPENED_MONTH' | 'OPENED_QUARTER' | 'OPENED_YEAR' | 'CONCLUDED_MONTH' | 'CONCLUDED_QUARTER' | 'CONCLUDED_YEAR';

/** The result column each dimension fills (also its key in a row). */
export const DIMENSION_COLUMN = {
  OUTCOME: 'outcome',
  KIND: 'kind',
  OPENED_MONTH: 'openedMonth',
  OPENED_QUARTER: 'openedQuarter',
  OPENED_YEAR: 'openedYear',
  CONCLUDED_MONTH: 'concludedMonth',
  CONCLUDED_QUARTER: 'concludedQuarter',
  CONCLUDED_YEAR: 'concludedYear',
} as const satisfies Record<Dimension, string>;

/** The Bishkek wall-clock time of a timestamptz column (a `timestamp`): truncated to a month, a quarter or a year. */
const bishkek = (instant: SQL | AnyColumn) => sql`(${instant} at time zone 'Asia/Bishkek')`;
const opened = bishkek(screenings.openedAt);
const concluded = bishkek(screenings.concludedAt);

/**
 * Each dimension: its key over `screenings` (what the screenings are grouped by: the column, or
 * the Bishkek month, quarter or year it falls in, as a `timestamp`) and its value from that key
 * (`YYYY-MM`, `YYYY-Qn`, the year), computed once per group, not per screening. Only the
 * outcome, the kind and dates: the reasons, the classification, the officer and the person
 * screened are never read.
 */
const DIMENSION_SQL: Record<Dimension, { key: SQL; value: (key: SQL) => SQL }> = {
  OUTCOME: { key: sql`${screenings.outcome}`, value: (k) => sql`${k}::text` },
  KIND: { key: sql`${screenings.kind}`, value: (k) => sql`${k}::text` },
  OPENED_MONTH: { key: sql`date_trunc('month', ${opened})`, value: (k) => sql`to_char(${k}, 'YYYY-MM')` },
  OPENED_QUARTER: { key: sql`date_trunc('quarter', ${opened})`, value: (k) => sql`to_char(${k}, 'YYYY-"Q"Q')` },
  OPENED_YEAR: { key: sql`date_trunc('year', ${opened})`, value: (k) => sql`extract(year from ${k})::int` },
  CONCLUDED_MONTH: { key: sql`date_trunc('month', ${concluded})`, value: (k) => sql`to_char(${k}, 'YYYY-MM')` },
  CONCLUDED_QUARTER: { key: sql`date_trunc('quarter', ${concluded})`, value: (k) => sql`to_char(${k}, 'YYYY-"Q"Q')` },
  CONCLUDED_YEAR: { key: sql`date_trunc('year', ${concluded})`, value: (k) => sql`extract(year from ${k})::int` },
};

/** One more than k can ever be ({@link DISCLOSURE_BOUNDS}): the total's nomads are counted up to this. */
const ENOUGH_NOMADS = DISCLOSURE_BOUNDS.minCellSize.max + 1;

/**
 * How many screenings `filter` matches (`records`), per combination of `groupBy` and in all
 * (grouping sets): ONE statement. The row's count, what k is applied to, is its NOMADS, not its
 * screenings: one person screened again and again (a re-screening, a renewal's application, a
 * family member added) is one person (a family member's screening counts with the nomad).
 *
 * The screenings are first reduced to one row per nomad and group (`n`: that nomad's screenings
 * in it), so a group's nomads are a `count(*)` PostgreSQL may hash, not a `count(distinct)`
 * sorting every group. The total's nomads are counted up to {@link ENOUGH_NOMADS}: it is only
 * ever compared with k, and stopping there reads a few index entries.
 */
export function screeningStatisticsStatement(params: { filter: ScreeningFilterParams; groupBy: readonly Dimension[] }): GroupedStatement {
  const where = sql`${where_(params.filter)}`;
  const keyNames = params.groupBy.map((_, i) => sql.raw(`"k${i}"`));
  const byPosition = (n: number) => sql.join(Array.from({ length: n }, (_, i) => sql.raw(String(i + 1))), sql`, `);
  // One row per nomad and group (`n`: that nomad's screenings in it), then one per group
  // (`nomads`: its rows, `n`: their screenings).
  const perNomad = sql`select ${sql.join([...params.groupBy.map((d, i) => sql`${DIMENSION_SQL[d].key} as ${keyNames[i]}`), sql`${screenings.nomadId} as "nomadId"`, sql`count(*) as n`], sql`, `)}
    from ${screenings} ${where} group by ${byPosition(params.groupBy.length + 1)}`;
  const groups = sql`(select ${sql.join([...keyNames, sql`count(*) as nomads`, sql`sum(per_nomad.n) as n`], sql`, `)}
    from (${perNomad}) as per_nomad ${params.groupBy.length > 0 ? sql`group by ${byPosition(params.groupBy.length)}` : sql``}) as per_group`;
  const total = sql`(select count(*) from (select distinct ${screenings.nomadId} from ${screenings} ${where} limit ${sql.raw(String(ENOUGH_NOMADS))}) as nomads)`;
  const [first] = params.groupBy;
  return {
    dimensions: params.groupBy.map((d, i) => ({ column: DIMENSION_COLUMN[d], value: DIMENSION_SQL[d].value(sql.raw(`per_group."k${i}"`)) })),
    inputs: [sql`per_group.nomads as nomads`, sql`per_group.n as n`],
    from: sql`from ${groups}`,
    people: first ? sql`case when grouping(${sql.raw(`"${DIMENSION_COLUMN[first]}"`)}) = 1 then ${total} else sum(x.nomads) end` : total,
    aggregates: { records: sql`sum(x.n)::int` },
    rules: disclosureRuleSql(rules),
  };
}

/** `where` and the filter's conditions, or nothing (every screening). */
function where_(filter: ScreeningFilterParams): SQL {
  const conditions = screeningConditions(filter);
  return conditions ? sql`where ${conditions}` : sql``;
}

/** Runs {@link screeningStatisticsStatement}: one row per group, then the total. */
export function screeningStatistics(db: SecurityDb, params: Parameters<typeof screeningStatisticsStatement>[0]): Promise<RawStatisticsRow[]> {
  return runGroupedStatistics(db, screeningStatisticsStatement(params));
}
