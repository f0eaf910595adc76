import { z } from 'zod';
import { addMonths } from '../../clock.ts';
import type { SecurityDb } from '../../db/index.ts';
import { getRuleValues } from './queries.ts';

/** GKNB's rule table, validated: a bad row fails loudly rather than computing a wrong deadline. */
const RulesShape = z.object({
  decree_effective_on: z.iso.date(),
  measures_due_months: z.number().int().positive(),
  expiry_exit_days: z.number().int().nonnegative(),
});

export type Rules = z.infer<typeof RulesShape>;

/** Reads the rule values (one statement). */
export async function loadRules(db: SecurityDb): Promise<Rules> {
  const rows = await getRuleValues(db);
  return RulesShape.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

/** The decree's deadline for the technical measures: two months (the rule) after it took effect. */
export function measuresDueOn(r: Rules): string {
  return addMonths(r.decree_effective_on, r.measures_due_months);
}
