import { sql } from 'drizzle-orm';
import {
  bigserial,
  bigint,
  check,
  index,
  integer,
  jsonb,
  text,
  timestamp,
  unique,
  uuid,
  type PgSchema,
} from 'drizzle-orm/pg-core';

/** A delivery's life: due (PENDING), retrying after a failure (FAILED), done, or given up (DEAD). */
export const DELIVERY_STATES = ['PENDING', 'FAILED', 'DELIVERED', 'DEAD'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * A received event: its effect committed (PROCESSED; `last_error` says `IGNORED: …` when the
 * handler applied nothing on purpose), its handler threw (FAILED, retried), or it was refused
 * for good (POISON: its payload, its type, or its handler's `RejectedEvent`, whose code leads `last_error`).
 */
export const INBOX_STATES = ['PROCESSED', 'FAILED', 'POISON'] as const;
export type InboxState = (typeof INBOX_STATES)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * The event tables of one agency, in that agency's own schema. Agencies add
 * `export const { outbox, outboxDeliveries, inbox } = eventTables(<schema>)` to their
 * `db/schema.ts` and generate a migration. States are text with a check constraint rather than
 * PostgreSQL enums, so that drizzle-kit needs nothing else exported to create them.
 */
export function eventTables(schema: PgSchema) {
  const outbox = outboxTable(schema);
  return { outbox, outboxDeliveries: outboxDeliveriesTable(schema, outbox), inbox: inboxTable(schema) };
}

/** Every event the agency produced, written in the transaction of the change it reports. */
function outboxTable(schema: PgSchema) {
  return schema.table(
    'outbox',
    {
      id: uuid('id').primaryKey(),
      /**
       * Commit order within an aggregate: `publishEvent` takes it under a per-aggregate lock
       * held to commit, so a later event of an aggregate always has the higher `seq`.
       */
      seq: bigserial('seq', { mode: 'number' }).notNull().unique('outbox_seq_key'),
      type: text('type').notNull(),
      aggregateId: text('aggregate_id').notNull(),
      payload: jsonb('payload').notNull(),
      producer: text('producer').notNull(),
      occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    },
    (t) => [index('outbox_aggregate_idx').on(t.aggregateId, t.seq)],
  );
}

/** One row per (event, subscriber): what the relay still has to do, and what went wrong. */
function outboxDeliveriesTable(schema: PgSchema, outbox: ReturnType<typeof outboxTable>) {
  return schema.table(
    'outbox_deliveries',
    {
      id: uuid('id').primaryKey().defaultRandom(),
      eventId: uuid('event_id')
        .notNull()
        .references(() => outbox.id),
      subscriber: text('subscriber').notNull(),
      /** Copies of the event's, so the claim query orders and checks without a join. */
      aggregateId: text('aggregate_id').notNull(),
      seq: bigint('seq', { mode: 'number' }).notNull(),
      state: text('state', { enum: DELIVERY_STATES }).notNull().default('PENDING'),
      attempts: integer('attempts').notNull().default(0),
      nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      lastError: text('last_error'),
      createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'string' }),
    },
    (t) => [
      unique('outbox_deliveries_event_subscriber_key').on(t.eventId, t.subscriber),
      check('outbox_deliveries_state_check', sql`${t.state} in (${inList(DELIVERY_STATES)})`),
      // The relay's claim: due rows in event order.
      index('outbox_deliveries_due_idx')
        .on(t.nextAttemptAt, t.seq)
        .where(sql`${t.state} in ('PENDING', 'FAILED')`),
      // "Is an earlier event of this aggregate still undelivered to this subscriber?"
      index('outbox_deliveries_open_idx')
        .on(t.subscriber, t.aggregateId, t.seq)
        .where(sql`${t.state} <> 'DELIVERED'`),
      // Operators list by state.
      index('outbox_deliveries_state_idx').on(t.state, t.seq, t.id),
    ],
  );
}

/** Events received, by id: a redelivered id that is PROCESSED has no second effect. */
function inboxTable(schema: PgSchema) {
  return schema.table(
    'inbox',
    {
      eventId: uuid('event_id').primaryKey(),
      eventType: text('event_type').notNull(),
      producer: text('producer').notNull(),
      aggregateId: text('aggregate_id').notNull(),
      state: text('state', { enum: INBOX_STATES }).notNull(),
      /** Receipts that ran the handler or were refused (a duplicate of a processed event is not counted). */
      attempts: integer('attempts').notNull().default(1),
      lastError: text('last_error'),
      firstReceivedAt: timestamp('first_received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      lastReceivedAt: timestamp('last_received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      processedAt: timestamp('processed_at', { withTimezone: true, mode: 'string' }),
    },
    (t) => [
      check('inbox_state_check', sql`${t.state} in (${inList(INBOX_STATES)})`),
      index('inbox_failures_idx')
        .on(t.firstReceivedAt, t.eventId)
        .where(sql`${t.state} <> 'PROCESSED'`),
    ],
  );
}

export type EventTables = ReturnType<typeof eventTables>;
export type OutboxRow = EventTables['outbox']['$inferSelect'];
export type DeliveryRow = EventTables['outboxDeliveries']['$inferSelect'];
export type InboxRow = EventTables['inbox']['$inferSelect'];
