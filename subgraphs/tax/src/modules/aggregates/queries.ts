import { disclosureRulesFrom, STATISTICS_DISCLOSURE_RULE, type DisclosureRules } from '@nomad/kit';
import { count, eq, sql } from 'drizzle-orm';
import type { TaxDb } from '../../db/index.ts';
import { declarations, payments, registrations, ruleValues, type RegistrationState } from '../../db/schema.ts';

export async function countRegistrationsByStateAndRegime(db: TaxDb): Promise<{ state: RegistrationState; regimeCode: string; n: number }[]> {
  return db
    .select({ state: registrations.state, regimeCode: registrations.regimeCode, n: count() })
    .from(registrations)
    .groupBy(registrations.state, registrations.regimeCode);
}

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

/** Exact sums per currency over every declaration: the service discloses them rounded, and only for k taxpayers or more. */
export async function declarationTotalsByCurrency(db: TaxDb, params: { today: string }): Promise<CurrencyTotalsRow[]> {
  const paid = sql`coalesce((select sum(${payments.amountMinor}) from ${payments} where ${payments.declarationId} = ${declarations.id}), 0)`;
  return db
    .select({
      currency: declarations.currency,
      declarations: count(),
      taxpayers: sql<number>`count(distinct ${declarations.registrationId})::int`.mapWith(Number),
      incomeMinor: sql<number>`coalesce(sum(${declarations.incomeMinor}), 0)::bigint`.mapWith(Number),
      taxDueMinor: sql<number>`coalesce(sum(${declarations.taxDueMinor}), 0)::bigint`.mapWith(Number),
      paidMinor: sql<number>`coalesce(sum(${paid}), 0)::bigint`.mapWith(Number),
      inArrears: sql<number>`count(*) filter (where ${declarations.dueOn} < ${params.today} and ${declarations.taxDueMinor} > ${paid})::int`.mapWith(Number),
    })
    .from(declarations)
    .groupBy(declarations.currency)
    .orderBy(declarations.currency);
}

/** Tax's `statistics_disclosure` rule value, validated (a missing or weakened value stops the aggregates, naming the key). */
export async function readDisclosureRules(db: TaxDb): Promise<DisclosureRules> {
  const [row] = await db.select({ value: ruleValues.value }).from(ruleValues).where(eq(ruleValues.key, STATISTICS_DISCLOSURE_RULE));
  return disclosureRulesFrom(row?.value);
}
