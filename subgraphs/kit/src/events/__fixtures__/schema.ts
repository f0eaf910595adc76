import { bigserial, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { eventTables } from '../tables.ts';

/**
 * A small agency for the event tests, in its own PostgreSQL schema. Each test process of it
 * gets its own database, so one schema name serves both the producer and the subscriber.
 */
export const eventsFixture = pgSchema('events_fixture');

export const { outbox, outboxDeliveries, inbox } = eventTables(eventsFixture);

/**
 * The effect of each event the fixture receives: one row per handler run that committed.
 * `event_id` is deliberately NOT unique, so a second effect of one event would show up as a
 * second row instead of failing.
 */
export const effects = eventsFixture.table('effects', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  eventId: uuid('event_id').notNull(),
  eventType: text('event_type').notNull(),
  aggregateId: text('aggregate_id').notNull(),
  marker: text('marker').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** Markers whose handler throws (after writing its effect, which must then roll back). */
export const refusals = eventsFixture.table('refusals', {
  marker: text('marker').primaryKey(),
});
