import { disclosureRuleSql } from '@nomad/kit';
import { sql } from 'drizzle-orm';
import type { TaxDb } from '../../db/index.ts';
import { declarations, payments, registrations, ruleValues, type RegistrationState } from '../../db/schema.ts';

export interface CurrencyTotalsRow {
  currency: string;
  declarations: number;
  /** The taxpayers (registrations) who filed them: what `k` is applied to. */
  taxpayers: number;
  incomeMinor: number;
  taxDueMinor: number;
  paidMinor: number;
  inArrears: number;
}

export interface AggregateFigures {
  /** Registrations per state and regime (exact). */
  counts: { state: RegistrationState; regimeCode: string; n: number }[];
  /** Exact sums per currency over every declaration: the service discloses them rounded, and only for k taxpayers or more. */
  totals: CurrencyTotalsRow[];
  /** Tax's `statistics_disclosure` rule value, unvalidated (see {@link disclosureRulesFrom}). */
  rules: unknown;
}

/**
 * Every figure of `taxAggregates` and the disclosure rule value, in ONE statement: the rules
 * that protect the figures are read in the same snapshot as them, and the request is one
 * round trip (each part a JSON array of its rows).
 */
export async function readAggregateFigures(db: TaxDb, params: { today: string }): Promise<AggregateFigures> {
  const paid = sql`coalesce((select sum(${payments.amountMinor}) from ${payments} where ${payments.declarationId} = ${declarations.id}), 0)`;
  const [row] = await db.execute<{ counts: AggregateFigures['counts']; totals: Record<keyof CurrencyTotalsRow, string | number>[]; rules: unknown }>(sql`
    select
      (select coalesce(json_agg(c), '[]') from (
        select ${registrations.state} as state, ${registrations.regimeCode} as "regimeCode", count(*)::int as n
        from ${registrations} group by ${registrations.state}, ${registrations.regimeCode}) c) as counts,
      (select coalesce(json_agg(t order by t.currency), '[]') from (
        select ${declarations.currency} as currency,
          count(*)::int as declarations,
          count(distinct ${declarations.registrationId})::int as taxpayers,
          coalesce(sum(${declarations.incomeMinor}), 0)::text as "incomeMinor",
          coalesce(sum(${declarations.taxDueMinor}), 0)::text as "taxDueMinor",
          coalesce(sum(${paid}), 0)::text as "paidMinor",
          count(*) filter (where ${declarations.dueOn} < ${params.today} and ${declarations.taxDueMinor} > ${paid})::int as "inArrears"
        from ${declarations} group by ${declarations.currency}) t) as totals,
      ${disclosureRuleSql(ruleValues)} as rules`);
  if (!row) throw new Error('the aggregates statement returned no row');
  // Sums travel as text (a bigint sum is exact there) and become numbers here, as before.
  const totals = row.totals.map((t) => ({
    currency: String(t.currency),
    declarations: Number(t.declarations),
    taxpayers: Number(t.taxpayers),
    incomeMinor: Number(t.incomeMinor),
    taxDueMinor: Number(t.taxDueMinor),
    paidMinor: Number(t.paidMinor),
    inArrears: Number(t.inArrears),
  }));
  return { counts: row.counts, totals, rules: row.rules };
}
