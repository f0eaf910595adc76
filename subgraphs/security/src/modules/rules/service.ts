import { z } from 'zod';
import { addMonths } from '../../clock.ts';
import type { SecurityDb } from '../../db/index.ts';
import type { DomainEvent, EventIgnored } from '@nomad/kit';
import { ignoreEvent } from '@nomad/kit';
import { getRuleValues, recordAnnouncedRule } from './queries.ts';

/** Migration's exit days after a revocation, as announced (a bad value fails loudly). */
export const ExitDays = z.number().int().positive();

/** GKNB's rule table, validated: a bad row fails loudly rather than computing a wrong deadline. */
const RulesShape = z.object({
  decree_effective_on: z.iso.date(),
  measures_due_months: z.number().int().positive(),
  expiry_exit_days: z.number().int().nonnegative(),
  /**
   * Migration's rule, as its latest `RulesChanged` announced it (`announced_rules`; the decree's
   * 15 days until the first announcement): a revocation's exit deadline must be this many days
   * after the revocation day, unless the revocation names an earlier announcement it followed
   * (`exitDaysAnnouncedAt`; departures/service.ts).
   */
  exit_days_after_revocation: ExitDays,
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

/**
 * Handler of migration's `RulesChanged`: the exit days it announces are the ones GKNB checks
 * revocations against from now on, and stay in the history for the revocations that name this
 * announcement. An announcement older than the one applied is kept in the history only (the
 * later value stays applied); one without the exit days (written before they were announced)
 * changes nothing.
 */
export async function onRulesChanged(tx: SecurityDb, event: DomainEvent<'RulesChanged'>): Promise<EventIgnored | undefined> {
  const days = event.payload.exitDaysAfterRevocation;
  if (days === undefined) return ignoreEvent('the announcement carries no exit days after a revocation');
  const applied = await recordAnnouncedRule(tx, { key: 'exit_days_after_revocation', value: days, producer: event.producer, eventId: event.id, announcedAt: event.occurredAt });
  return applied ? undefined : ignoreEvent('a later announcement of the rules is already applied (this one is kept in the history)');
}
