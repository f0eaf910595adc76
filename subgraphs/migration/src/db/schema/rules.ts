import { ruleValueColumns } from '@nomad/kit';
import { date, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { migration } from './shared.ts';

/**
 * Rule values of the decree that public sources leave open ([I] in DOMAIN.md): one row per
 * rule, read by the services, never literals in code.
 */
export const ruleValues = migration.table('rule_values', ruleValueColumns());

/**
 * What migration last announced to the other agencies (`RulesChanged`), one row per rule value:
 * the durable record the announcer compares the rule table with. Not the outbox, which is pruned.
 */
export const announcedRules = migration.table('announced_rules', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  /** The `RulesChanged` event that announced it. */
  eventId: uuid('event_id').notNull(),
  announcedAt: timestamp('announced_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** Kyrgyz public holidays, excluded from working-day deadlines. */
export const publicHolidays = migration.table('public_holidays', {
  day: date('day', { mode: 'string' }).primaryKey(),
  name: text('name').notNull(),
});
