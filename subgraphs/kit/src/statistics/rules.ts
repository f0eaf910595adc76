import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { DEFAULT_DISCLOSURE_RULES, DISCLOSURE_BOUNDS, type DisclosureRules } from './disclosure.ts';

/**
 * The key of the disclosure rules in each agency's rule table (`<agency>.rule_values`,
 * `security.rules`): a JSON object `{ minCellSize, countRoundingBase, significantFigures }`.
 * Each agency owns the protection of its own statistics, as it owns their data.
 */
export const STATISTICS_DISCLOSURE_RULE = 'statistics_disclosure';

const bounded = (name: keyof DisclosureRules) =>
  z
    .number()
    .int()
    .min(DISCLOSURE_BOUNDS[name].min)
    .max(DISCLOSURE_BOUNDS[name].max);

const DisclosureRulesValue = z.strictObject({
  minCellSize: bounded('minCellSize'),
  countRoundingBase: bounded('countRoundingBase'),
  significantFigures: bounded('significantFigures'),
});

/** The rule value as SQL a migration inserts: the defaults. */
export const DEFAULT_DISCLOSURE_RULE_JSON = JSON.stringify(DEFAULT_DISCLOSURE_RULES);

/**
 * The rule value read in the same statement as the statistics (a scalar subquery on the
 * agency's rule table), so that a statistics request stays one SQL statement.
 */
export function disclosureRuleSql(table: PgTable & { key: AnyColumn; value: AnyColumn }): SQL {
  return sql`(select ${table.value} from ${table} where ${table.key} = ${STATISTICS_DISCLOSURE_RULE})`;
}

/**
 * The disclosure rules from the rule table's value. A missing row or a value outside the
 * bounds is the operator's mistake: it stops the statistics (an internal error naming the key,
 * logged) rather than answering with weaker protection than the one set.
 */
export function disclosureRulesFrom(value: unknown): DisclosureRules {
  const parsed = DisclosureRulesValue.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`rule value ${STATISTICS_DISCLOSURE_RULE} is ${value == null ? 'missing' : `invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`}`);
  }
  return parsed.data;
}

/** The rules a statement read (`GroupedStatement.rules`), validated by {@link disclosureRulesFrom}. */
export function statementDisclosureRules(raw: readonly { isTotal: boolean; rules?: unknown }[]): DisclosureRules {
  return disclosureRulesFrom(raw.find((r) => r.isTotal)?.rules);
}
