import { bishkekDateSql, calendarDimension, disclosureRuleSql, runGroupedStatistics, type GroupedStatement, type RawStatisticsRow } from '@nomad/kit';
import { sql, type SQL } from 'drizzle-orm';
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

const openedOn = bishkekDateSql(screenings.openedAt);
const concludedOn = bishkekDateSql(screenings.concludedAt);

/**
 * Each dimension's value over `screenings`. Only the outcome, the kind and dates: the reasons,
 * the classification, the officer and the person screened are never read.
 */
const DIMENSION_SQL: Record<Dimension, SQL> = {
  OUTCOME: sql`${screenings.outcome}::text`,
  KIND: sql`${screenings.kind}::text`,
  OPENED_MONTH: calendarDimension.month(openedOn),
  OPENED_QUARTER: calendarDimension.quarter(openedOn),
  OPENED_YEAR: calendarDimension.year(openedOn),
  CONCLUDED_MONTH: calendarDimension.month(concludedOn),
  CONCLUDED_QUARTER: calendarDimension.quarter(concludedOn),
  CONCLUDED_YEAR: calendarDimension.year(concludedOn),
};

/** How many screenings `filter` matches, per combination of `groupBy` and in all (grouping sets): ONE statement. */
export function screeningStatisticsStatement(params: { filter: ScreeningFilterParams; groupBy: readonly Dimension[] }): GroupedStatement {
  const where = screeningConditions(params.filter);
  return {
    dimensions: params.groupBy.map((d) => ({ column: DIMENSION_COLUMN[d], value: DIMENSION_SQL[d] })),
    inputs: [],
    from: sql`from ${screenings} ${where ? sql`where ${where}` : sql``}`,
    aggregates: { count: sql`count(*)::int` },
    rules: disclosureRuleSql(rules),
  };
}

/** Runs {@link screeningStatisticsStatement}: one row per group, then the total. */
export function screeningStatistics(db: SecurityDb, params: Parameters<typeof screeningStatisticsStatement>[0]): Promise<RawStatisticsRow[]> {
  return runGroupedStatistics(db, screeningStatisticsStatement(params));
}
