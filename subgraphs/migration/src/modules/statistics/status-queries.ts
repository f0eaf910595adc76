import { disclosureRuleSql, runGroupedStatistics, type GroupedStatement, type RawStatisticsRow } from '@nomad/kit';
import { sql, type SQL } from 'drizzle-orm';
import type { MigrationDb } from '../../db/index.ts';
import { nomads, ruleValues, statusEvents, statusPeriods } from '../../db/schema.ts';
import { nomadConditions, type NomadFilterParams } from '../nomads/queries.ts';
import { calendarSql, chainActivitySql, chainStartSql, citizenshipSql, revokedBetweenSql, startsChainSql, statusStateSql } from './dimensions.ts';

export type StatusDimension = 'CITIZENSHIP' | 'ACTIVITY' | 'STATE';
export type StatusEventDimension = 'YEAR' | 'QUARTER' | 'MONTH' | 'CITIZENSHIP' | 'ACTIVITY';
/** The kinds of status event `statusEventStatistics` counts. */
export type StatusEventKind = 'GRANT' | 'RENEWAL' | 'EXPIRY' | 'REVOCATION';

/** The result column each dimension fills (also its key in a row). */
export const STATUS_DIMENSION_COLUMN = { CITIZENSHIP: 'citizenship', ACTIVITY: 'activityCode', STATE: 'state' } as const satisfies Record<StatusDimension, string>;
export const STATUS_EVENT_DIMENSION_COLUMN = {
  YEAR: 'year',
  QUARTER: 'quarter',
  MONTH: 'month',
  CITIZENSHIP: 'citizenship',
  ACTIVITY: 'activityCode',
} as const satisfies Record<StatusEventDimension, string>;

/**
 * How many nomads were in each status state on `asOf`, per combination of `groupBy` and in
 * all (grouping sets), in ONE statement: every nomad whose first period started on or before
 * `asOf` (the nomads the `nomads` list's `filter` matches), with the state `deriveStatus`
 * gives on that day.
 */
export function statusStatisticsStatement(params: { asOf: string; filter: NomadFilterParams; groupBy: readonly StatusDimension[] }): GroupedStatement {
  const day = sql`${params.asOf}::date`;
  const nomadId = sql`${nomads.id}`;
  const chainFrom = sql`chain.chain_from`;
  const value: Record<StatusDimension, SQL> = {
    CITIZENSHIP: citizenshipSql,
    ACTIVITY: chainActivitySql(nomadId, chainFrom),
    STATE: sql`st.state`,
  };
  const where = nomadConditions(params.filter);
  return {
    dimensions: params.groupBy.map((d) => ({ column: STATUS_DIMENSION_COLUMN[d], value: value[d] })),
    inputs: [],
    from: sql`from ${nomads}
      cross join lateral (select ${chainStartSql(nomadId, day)} as chain_from) as chain
      cross join lateral (select ${statusStateSql(nomadId, chainFrom, day)} as state) as st
      where ${chainFrom} is not null${where ? sql` and ${where}` : sql``}`,
    aggregates: { count: sql`count(*)::int` },
    rules: disclosureRuleSql(ruleValues),
  };
}

/**
 * Each kind of status event, one record per event: the nomad, the kind, its day and the first
 * day of the chain it belongs to.
 * - GRANT: a period that starts a chain (the initial 60 days, a pilot period), on its first day.
 * - RENEWAL: a period that continues the previous one (the 1-year extension, a yearly renewal), on its first day.
 * - EXPIRY: a period that ended before `today` with no period continuing it the next day and
 *   its chain not revoked by its last day, on the first day without status (as the sweeper's EXPIRED).
 * - REVOCATION: a revocation, on the day it takes effect.
 */
function eventRecordsSql(kind: StatusEventKind, today: string): SQL {
  switch (kind) {
    case 'GRANT':
      return sql`select p.nomad_id, 'GRANT'::text as kind, p.valid_from as day, p.valid_from as chain_from from ${statusPeriods} p where ${startsChainSql(sql`p.kind`)}`;
    case 'RENEWAL':
      return sql`select p.nomad_id, 'RENEWAL'::text as kind, p.valid_from as day, ${chainStartSql(sql`p.nomad_id`, sql`p.valid_from`)} as chain_from from ${statusPeriods} p where not ${startsChainSql(sql`p.kind`)}`;
    case 'EXPIRY':
      return sql`select p.nomad_id, 'EXPIRY'::text as kind, p.valid_until + 1 as day, c.chain_from
        from ${statusPeriods} p cross join lateral (select ${chainStartSql(sql`p.nomad_id`, sql`p.valid_until`)} as chain_from) as c
        where p.valid_until < ${today}::date
          and not exists (select 1 from ${statusPeriods} q where q.nomad_id = p.nomad_id and q.valid_from = p.valid_until + 1 and not ${startsChainSql(sql`q.kind`)})
          and not ${revokedBetweenSql(sql`p.nomad_id`, sql`c.chain_from`, sql`p.valid_until`)}`;
    case 'REVOCATION':
      return sql`select e.nomad_id, 'REVOCATION'::text as kind, e.effective_on as day, ${chainStartSql(sql`e.nomad_id`, sql`e.effective_on`)} as chain_from from ${statusEvents} e where e.kind = 'REVOKED'`;
  }
}

/** The aggregate (result column) counting each kind. */
export const EVENT_COUNT_COLUMN = { GRANT: 'grants', RENEWAL: 'renewals', EXPIRY: 'expiries', REVOCATION: 'revocations' } as const satisfies Record<StatusEventKind, string>;

/**
 * How many status events of each kind in `kinds` fall in each combination of `groupBy` (the
 * event's day; the nomad's citizenship; the activity of the event's chain) and in all, in ONE
 * statement, for the nomads `filter` matches and the days from `from` to `to` (inclusive).
 */
export function statusEventStatisticsStatement(params: {
  kinds: readonly StatusEventKind[];
  from: string | null;
  to: string | null;
  today: string;
  filter: NomadFilterParams;
  groupBy: readonly StatusEventDimension[];
}): GroupedStatement {
  const day = sql`ev.day`;
  const value: Record<StatusEventDimension, SQL> = {
    ...calendarSql(day, { month: 'MONTH', quarter: 'QUARTER', year: 'YEAR' }),
    CITIZENSHIP: citizenshipSql,
    ACTIVITY: chainActivitySql(sql`ev.nomad_id`, sql`ev.chain_from`),
  };
  const records = sql.join(
    params.kinds.map((k) => eventRecordsSql(k, params.today)),
    sql` union all `,
  );
  const conditions = [
    params.from ? sql`${day} >= ${params.from}::date` : undefined,
    params.to ? sql`${day} <= ${params.to}::date` : undefined,
    nomadConditions(params.filter),
  ].filter((c): c is SQL => c !== undefined);
  return {
    dimensions: params.groupBy.map((d) => ({ column: STATUS_EVENT_DIMENSION_COLUMN[d], value: value[d] })),
    inputs: [sql`ev.kind as event_kind`],
    from: sql`from (${records}) as ev join ${nomads} on ${nomads.id} = ev.nomad_id${conditions.length > 0 ? sql` where ${sql.join(conditions, sql` and `)}` : sql``}`,
    aggregates: Object.fromEntries(params.kinds.map((k) => [EVENT_COUNT_COLUMN[k], sql`(count(*) filter (where x.event_kind = ${k}))::int`])),
    rules: disclosureRuleSql(ruleValues),
  };
}

/** Runs {@link statusStatisticsStatement}: one row per group, then the total. */
export function statusStatistics(db: MigrationDb, params: Parameters<typeof statusStatisticsStatement>[0]): Promise<RawStatisticsRow[]> {
  return runGroupedStatistics(db, statusStatisticsStatement(params));
}

/** Runs {@link statusEventStatisticsStatement}: one row per group, then the total. */
export function statusEventStatistics(db: MigrationDb, params: Parameters<typeof statusEventStatisticsStatement>[0]): Promise<RawStatisticsRow[]> {
  return runGroupedStatistics(db, statusEventStatisticsStatement(params));
}
