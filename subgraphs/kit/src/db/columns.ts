// Column sets more than one agency's tables declare: one definition each, so that a change of
// type or default lands once. Each call returns fresh column builders (a builder belongs to
// one table), spread into the agency's `table(...)` beside its own columns.
import { date, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** An instant as the graph keeps it: `timestamptz`, read as its ISO text. */
export function instantColumn(name: string) {
  return timestamp(name, { withTimezone: true, mode: 'string' });
}

/**
 * A rule-value table's columns (`<agency>.rule_values`): one row per rule, its value as JSON,
 * what it means, and when it was last changed. Read by the services, changed by a row update.
 */
export function ruleValueColumns() {
  return {
    key: text('key').primaryKey(),
    value: jsonb('value').notNull(),
    description: text('description').notNull(),
    updatedAt: instantColumn('updated_at').notNull().defaultNow(),
  };
}

/**
 * A rule value another agency announced (`RulesChanged`), as the receiving agency keeps it:
 * the value, whose rule it is (`producer`, e.g. `migration`), the event that brought it (null
 * for the value the schema was created with), when the producer announced it (an older
 * announcement arriving late changes nothing) and when it arrived. The key is the table's own:
 * its primary key differs between one row per rule and one row per announcement.
 */
export function announcedRuleColumns() {
  return {
    value: jsonb('value').notNull(),
    producer: text('producer').notNull(),
    eventId: uuid('event_id'),
    announcedAt: instantColumn('announced_at').notNull(),
    receivedAt: instantColumn('received_at').notNull().defaultNow(),
  };
}

/** A record written once and then versioned: when it was created and its optimistic-lock version. */
export function createdVersionColumns() {
  return {
    createdAt: instantColumn('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  };
}

/** A record changed in place: when it was created and last updated, and its optimistic-lock version. */
export function updatedVersionColumns() {
  return {
    createdAt: instantColumn('created_at').notNull().defaultNow(),
    updatedAt: instantColumn('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  };
}

/**
 * An entry of an append-only journal (a status event, a register entry): the day it takes
 * effect (Bishkek calendar), when it was written, and who wrote it (an officer's `sub`, or the
 * process that acted, named by the table).
 */
export function journalEntryColumns() {
  return {
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    at: instantColumn('at').notNull().defaultNow(),
    actor: text('actor').notNull(),
  };
}
