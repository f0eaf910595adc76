import { calendarDimension } from '@nomad/kit';
import { sql, type SQL } from 'drizzle-orm';
import { applications, nomads, statusEvents, statusPeriods } from '../../db/schema.ts';

/**
 * The SQL of migration's statistics dimensions, in one place: what `applicationStatistics`,
 * `statusStatistics` and `statusEventStatistics` share (a nomad's citizenship, the calendar
 * periods of a date) and how a status chain is read in SQL (its first day on a date, its
 * activity, its revocation), the same reading as `status/derive.ts` makes in TypeScript.
 */

/** The nomad's citizenship (ISO 3166-1 alpha-3), over a statement that joins `nomads`. */
export const citizenshipSql: SQL = sql`${nomads.citizenship}::text`;

/**
 * The applicant's citizenship over a statement on `applications`, looked up by the nomads'
 * key: a filtered question reads only its own applications' nomads, where a join would hash
 * the whole table (src/explain.test.ts). Over the whole program, join `nomads` and read
 * {@link citizenshipSql}: the look-up per application was 2.5 times slower than the join.
 */
export const applicantCitizenshipSql: SQL = sql`(select ${nomads.citizenship}::text from ${nomads} where ${nomads.id} = ${applications.nomadId})`;

/** `YYYY-MM`, `YYYY-Qn` and the year of a date expression, by dimension name. */
export function calendarSql<M extends string, Q extends string, Y extends string>(date: SQL, names: { month: M; quarter: Q; year: Y }): Record<M | Q | Y, SQL> {
  return {
    [names.month]: calendarDimension.month(date),
    [names.quarter]: calendarDimension.quarter(date),
    [names.year]: calendarDimension.year(date),
  } as Record<M | Q | Y, SQL>;
}

/** Period kinds that start a chain (a fresh grant); every other kind continues the one before. */
const FRESH = sql`('INITIAL_60_DAYS', 'PILOT_2022_2024')`;

/** True for a period of a kind that starts a chain, given its `kind` column. */
export const startsChainSql = (kind: SQL): SQL => sql`${kind} in ${FRESH}`;

/**
 * The first day of the nomad's chain on `day`: the last fresh grant (initial or pilot period)
 * that started on or before it, or, without one, the nomad's first period; null before the
 * nomad's first period. As `chainAt` in status/derive.ts.
 */
export function chainStartSql(nomadId: SQL, day: SQL): SQL {
  return sql`(select coalesce(max(cs.valid_from) filter (where ${startsChainSql(sql`cs.kind`)}), min(cs.valid_from))
    from ${statusPeriods} cs where cs.nomad_id = ${nomadId} and cs.valid_from <= ${day})`;
}

/** A revocation of the nomad effective between `from` and `to` (inclusive): the chain started on `from` was revoked by `to`. */
export function revokedBetweenSql(nomadId: SQL, from: SQL, to: SQL): SQL {
  return sql`exists (select 1 from ${statusEvents} rv where rv.nomad_id = ${nomadId} and rv.kind = 'REVOKED' and rv.effective_on between ${from} and ${to})`;
}

/**
 * Joins, after a relation `alias` with `nomad_id` and `chain_from` columns, the activity of that
 * chain as `<alias>_activity.activity_code`: that of the application behind the period that
 * started it (null for a pilot period without one). A nomad has one period starting on a day
 * (`status_periods_nomad_from_key`): at most one row.
 */
export function chainActivityJoinSql(alias: string): SQL {
  const a = sql.raw(alias);
  const cp = sql.raw(`${alias}_period`);
  const ca = sql.raw(`${alias}_activity`);
  return sql`left join ${statusPeriods} ${cp} on ${cp}.nomad_id = ${a}.nomad_id and ${cp}.valid_from = ${a}.chain_from
    left join ${applications} ${ca} on ${ca}.id = ${cp}.application_id`;
}

/** The activity code the joins of {@link chainActivityJoinSql} give. */
export const chainActivitySql = (alias: string): SQL => sql.raw(`${alias}_activity.activity_code`);

/**
 * Every nomad's chain and status state on `day`, as a relation `(nomad_id, chain_from, state)`
 * with one row per nomad whose first period started on or before `day` (of the nomads
 * `nomadsWhere` matches, when given), read as `deriveStatus` reads it:
 * - the chain starts on the last fresh grant on or before `day`, or, without one, on the first period;
 * - REVOKED once a revocation effective from the chain's first day to `day` exists (the last
 *   revocation on or before `day` is on or after the chain's first day);
 * - else EXPIRED when no period of the chain covers `day` (the last period covering it started
 *   before the chain, or there is none);
 * - else SUSPENDED when the latest suspension or reinstatement on or before `day` (by day, then
 *   recording order) is a suspension effective in the chain;
 * - else ACTIVE.
 * Set-wise, for the whole program at once: one aggregate of the periods per nomad and two of
 * the few revocations, suspensions and reinstatements (`status_events_kind_on_idx`), not a
 * look-up per nomad.
 */
export function statusOnDaySql(day: SQL, nomadsWhere?: SQL): SQL {
  const only = (column: SQL) => (nomadsWhere ? sql` and ${column} in (select ${nomads.id} from ${nomads} where ${nomadsWhere})` : sql``);
  return sql`(select c.nomad_id, c.chain_from, case
      when rv.revoked_on >= c.chain_from then 'REVOKED'
      when c.covering_from is null or c.covering_from < c.chain_from then 'EXPIRED'
      when ss.kind = 'SUSPENDED' and ss.effective_on >= c.chain_from then 'SUSPENDED'
      else 'ACTIVE' end as state
    from (
      select sp.nomad_id,
        coalesce(max(sp.valid_from) filter (where ${startsChainSql(sql`sp.kind`)}), min(sp.valid_from)) as chain_from,
        max(sp.valid_from) filter (where sp.valid_until >= ${day}) as covering_from
      from ${statusPeriods} sp where sp.valid_from <= ${day}${only(sql`sp.nomad_id`)}
      group by sp.nomad_id) as c
    left join (
      select rv.nomad_id, max(rv.effective_on) as revoked_on
      from ${statusEvents} rv where rv.kind = 'REVOKED' and rv.effective_on <= ${day}${only(sql`rv.nomad_id`)}
      group by rv.nomad_id) as rv on rv.nomad_id = c.nomad_id
    left join (
      select distinct on (ss.nomad_id) ss.nomad_id, ss.kind, ss.effective_on
      from ${statusEvents} ss where ss.kind in ('SUSPENDED', 'REINSTATED') and ss.effective_on <= ${day}${only(sql`ss.nomad_id`)}
      order by ss.nomad_id, ss.effective_on desc, ss.seq desc) as ss on ss.nomad_id = c.nomad_id)`;
}
