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
 * the whole table (src/explain.test.ts).
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

/** The activity of the chain that started on `chainFrom`: that of the application behind its grant (null for a pilot period without one). */
export function chainActivitySql(nomadId: SQL, chainFrom: SQL): SQL {
  return sql`(select ca.activity_code from ${statusPeriods} cp join ${applications} ca on ca.id = cp.application_id
    where cp.nomad_id = ${nomadId} and cp.valid_from = ${chainFrom})`;
}

/**
 * The nomad's status state on `day` in the chain that started on `chainFrom`, as `deriveStatus`
 * reads it: REVOKED once a revocation of the chain is effective; else EXPIRED when no period of
 * the chain covers the day; else SUSPENDED when the latest suspension or reinstatement in force
 * (by day, then recording order) is a suspension; else ACTIVE.
 */
export function statusStateSql(nomadId: SQL, chainFrom: SQL, day: SQL): SQL {
  return sql`case
    when ${revokedBetweenSql(nomadId, chainFrom, day)} then 'REVOKED'
    when not exists (select 1 from ${statusPeriods} sp where sp.nomad_id = ${nomadId} and sp.valid_from >= ${chainFrom} and sp.valid_from <= ${day} and sp.valid_until >= ${day}) then 'EXPIRED'
    when (select ss.kind from ${statusEvents} ss where ss.nomad_id = ${nomadId} and ss.kind in ('SUSPENDED', 'REINSTATED') and ss.effective_on between ${chainFrom} and ${day}
          order by ss.effective_on desc, ss.seq desc limit 1) = 'SUSPENDED' then 'SUSPENDED'
    else 'ACTIVE' end`;
}
