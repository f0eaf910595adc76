import { disclosureRuleSql, runGroupedStatistics, type GroupedStatement, type RawStatisticsRow } from '@nomad/kit';
import { sql, type SQL } from 'drizzle-orm';
import type { MigrationDb } from '../../db/index.ts';
import { nomads, ruleValues, statusEvents, statusPeriods } from '../../db/schema.ts';
import { nomadConditions, type NomadFilterParams } from '../nomads/queries.ts';
import { calendarSql, chainActivityJoinSql, chainActivitySql, chainStartSql, citizenshipSql, revokedBetweenSql, startsChainSql, statusOnDaySql } from './dimensions.ts';

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
  const value: Record<StatusDimension, SQL> = {
    CITIZENSHIP: citizenshipSql,
    ACTIVITY: chainActivitySql('st'),
    STATE: sql`st.state`,
  };
  const where = nomadConditions(params.filter);
  // `nomads` only for its citizenship or the filter: the status relation holds a row per nomad.
  const withNomads = where !== undefined || params.groupBy.includes('CITIZENSHIP');
  return {
    dimensions: params.groupBy.map((d) => ({ column: STATUS_DIMENSION_COLUMN[d], value: value[d] })),
    inputs: [],
    from: sql`from ${statusOnDaySql(sql`${params.asOf}::date`, where)} as st
      ${withNomads ? sql`join ${nomads} on ${nomads.id} = st.nomad_id` : sql``}
      ${params.groupBy.includes('ACTIVITY') ? chainActivityJoinSql('st') : sql``}
      ${where ? sql`where ${where}` : sql``}`,
    // One row per nomad: the count is the people k is applied to.
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
function eventRecordsSql(kind: StatusEventKind, params: { today: string; from: string | null; to: string | null; nomadsWhere: SQL | undefined }): SQL {
  // The filter and the period of time on each kind's own columns, so that its indexes serve them.
  const only = (nomadId: SQL) => (params.nomadsWhere ? sql` and ${nomadId} in (select ${nomads.id} from ${nomads} where ${params.nomadsWhere})` : sql``);
  const between = (day: SQL, shift: number) =>
    sql`${params.from ? sql` and ${day} >= ${params.from}::date - ${shift}::int` : sql``}${params.to ? sql` and ${day} <= ${params.to}::date - ${shift}::int` : sql``}`;
  switch (kind) {
    case 'GRANT':
      return sql`select p.nomad_id, 'GRANT'::text as kind, p.valid_from as day, p.valid_from as chain_from from ${statusPeriods} p
        where ${startsChainSql(sql`p.kind`)}${between(sql`p.valid_from`, 0)}${only(sql`p.nomad_id`)}`;
    case 'RENEWAL':
      return sql`select p.nomad_id, 'RENEWAL'::text as kind, p.valid_from as day, ${chainStartSql(sql`p.nomad_id`, sql`p.valid_from`)} as chain_from from ${statusPeriods} p
        where not ${startsChainSql(sql`p.kind`)}${between(sql`p.valid_from`, 0)}${only(sql`p.nomad_id`)}`;
    case 'EXPIRY':
      // Its day is the day after the period's last: the period of time shifted by one on `valid_until`.
      return sql`select p.nomad_id, 'EXPIRY'::text as kind, p.valid_until + 1 as day, c.chain_from
        from ${statusPeriods} p cross join lateral (select ${chainStartSql(sql`p.nomad_id`, sql`p.valid_until`)} as chain_from) as c
        where p.valid_until < ${params.today}::date${between(sql`p.valid_until`, 1)}${only(sql`p.nomad_id`)}
          and not exists (select 1 from ${statusPeriods} q where q.nomad_id = p.nomad_id and q.valid_from = p.valid_until + 1 and not ${startsChainSql(sql`q.kind`)})
          and not ${revokedBetweenSql(sql`p.nomad_id`, sql`c.chain_from`, sql`p.valid_until`)}`;
    case 'REVOCATION':
      return sql`select e.nomad_id, 'REVOCATION'::text as kind, e.effective_on as day, ${chainStartSql(sql`e.nomad_id`, sql`e.effective_on`)} as chain_from from ${statusEvents} e
        where e.kind = 'REVOKED'${between(sql`e.effective_on`, 0)}${only(sql`e.nomad_id`)}`;
  }
}

/** The aggregate (result column) counting each kind. */
export const EVENT_COUNT_COLUMN = { GRANT: 'grants', RENEWAL: 'renewals', EXPIRY: 'expiries', REVOCATION: 'revocations' } as const satisfies Record<StatusEventKind, string>;
/** The aggregate counting the distinct nomads of each kind's events: what k is applied to. */
export const EVENT_PEOPLE_COLUMN = { GRANT: 'grantPeople', RENEWAL: 'renewalPeople', EXPIRY: 'expiryPeople', REVOCATION: 'revocationPeople' } as const satisfies Record<StatusEventKind, string>;

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
  const value: Record<StatusEventDimension, SQL> = {
    ...calendarSql(sql`ev.day`, { month: 'MONTH', quarter: 'QUARTER', year: 'YEAR' }),
    CITIZENSHIP: citizenshipSql,
    ACTIVITY: chainActivitySql('ev'),
  };
  const nomadsWhere = nomadConditions(params.filter);
  const records = sql.join(
    params.kinds.map((k) => eventRecordsSql(k, { today: params.today, from: params.from, to: params.to, nomadsWhere })),
    sql` union all `,
  );
  return {
    dimensions: params.groupBy.map((d) => ({ column: STATUS_EVENT_DIMENSION_COLUMN[d], value: value[d] })),
    // The filter and the period of time are in each kind's records; `nomads` only for the citizenship.
    from: sql`from (${records}) as ev
      ${params.groupBy.includes('CITIZENSHIP') ? sql`join ${nomads} on ${nomads.id} = ev.nomad_id` : sql``}
      ${params.groupBy.includes('ACTIVITY') ? chainActivityJoinSql('ev') : sql``}`,
    inputs: [sql`ev.kind as event_kind`, sql`ev.nomad_id as "nomadId"`],
    // Each kind's events, and the nomads they are (what k is applied to: one nomad may renew twice in a year).
    aggregates: Object.fromEntries(
      params.kinds.flatMap((k) => [
        [EVENT_COUNT_COLUMN[k], sql`(count(*) filter (where x.event_kind = ${k}))::int`],
        [EVENT_PEOPLE_COLUMN[k], sql`(count(distinct x."nomadId") filter (where x.event_kind = ${k}))::int`],
      ]),
    ),
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
