import { z } from 'zod';
import type { LaborDb } from '../../db/index.ts';
import { addDays } from '../../clock.ts';
import { getRuleValues, recordAnnouncedRule } from './queries.ts';
import { isCurrency } from '@nomad/kit';

/** The ministry's rule table, validated: a bad value in the database fails loudly, naming the key. */
export const RulesSchema = z.object({
  /** Migration's list, as its last `RulesChanged` announced it (`announced_rules`): labor keeps none of its own. */
  eligible_activities: z.array(z.object({ code: z.string().min(1), title: z.string().min(1) })).min(1),
  report_due_days: z.number().int().nonnegative(),
  currencies: z.array(z.string().refine(isCurrency, 'must be an ISO 4217 currency code')).min(1),
});
export type Rules = z.infer<typeof RulesSchema>;

export class RulesError extends Error {
  override name = 'RulesError';
}

/** Reads and validates every rule value (one statement). */
export async function loadRules(db: LaborDb): Promise<Rules> {
  const rows = await getRuleValues(db);
  const parsed = RulesSchema.safeParse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
  if (!parsed.success) {
    throw new RulesError(`Invalid labor rule values: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

export function isActivity(rules: Rules, code: string): boolean {
  return rules.eligible_activities.some((a) => a.code === code);
}

/** A reporting period: one calendar quarter. */
export interface Quarter {
  year: number;
  quarter: number;
}

export interface QuarterDates {
  startsOn: string;
  endsOn: string;
  dueOn: string;
}

/** The quarter's first and last days and the day its report is due. */
export function quarterDates(q: Quarter, rules: Pick<Rules, 'report_due_days'>): QuarterDates {
  const startMonth = (q.quarter - 1) * 3;
  const startsOn = new Date(Date.UTC(q.year, startMonth, 1)).toISOString().slice(0, 10);
  const endsOn = new Date(Date.UTC(q.year, startMonth + 3, 0)).toISOString().slice(0, 10);
  return { startsOn, endsOn, dueOn: addDays(endsOn, rules.report_due_days) };
}

/** The quarter a day falls in. */
export function quarterOf(day: string): Quarter {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1 };
}

export function isValidQuarter(q: Quarter): boolean {
  return Number.isInteger(q.year) && q.year >= 2022 && q.year <= 2100 && Number.isInteger(q.quarter) && q.quarter >= 1 && q.quarter <= 4;
}

/** Applies migration's `RulesChanged`: its activity list is the one labor checks against from now on. */
export async function onRulesChanged(
  tx: LaborDb,
  event: { id: string; producer: string; occurredAt: string; payload: { eligibleActivities: { code: string; title: string }[] } },
): Promise<string | null> {
  const applied = await recordAnnouncedRule(tx, {
    key: 'eligible_activities',
    value: event.payload.eligibleActivities,
    producer: event.producer,
    eventId: event.id,
    announcedAt: event.occurredAt,
  });
  return applied ? null : 'a later announcement of the rules is already applied';
}
