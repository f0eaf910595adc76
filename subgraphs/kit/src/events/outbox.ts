import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { parseEventPayload, type EventPayload, type EventType } from './catalog.ts';
import { SUBSCRIPTIONS, subscribersOf, type Subscriptions } from './subscriptions.ts';
import type { EventTables } from './tables.ts';

/** The LISTEN/NOTIFY channel on which `publishEvent` wakes the relays of `producer`. */
export function outboxChannel(producer: string): string {
  return `nomad_outbox_${producer}`;
}

/** What a producer says about a change; `publishEvent` adds the id and the producer. */
export interface NewEvent<T extends EventType> {
  type: T;
  /**
   * The entity whose events each subscriber receives in order: the nomad's id for status
   * events, the application's id for application events.
   */
  aggregateId: string;
  payload: EventPayload<T>;
  /** ISO 8601 instant. @default the transaction's `now()` */
  occurredAt?: string;
}

export interface PublishOptions {
  /** @default SUBSCRIPTIONS */
  subscriptions?: Subscriptions;
}

/**
 * Writes an event to the agency's outbox **in the caller's transaction**, with one delivery
 * row per subscriber: the change and its event commit together or not at all. The payload is
 * checked against its schema first; a bad payload throws `EventPayloadError`, so the caller's
 * transaction rolls back and nothing of the change is kept.
 *
 * Events of one aggregate are serialised by a transaction-level advisory lock taken before the
 * event's `seq`, so `seq` follows commit order within an aggregate (a later transaction cannot
 * commit a lower `seq` that the relay would then deliver out of order). The same statement
 * notifies the producer's relays (`outboxChannel`), which wake at commit instead of polling.
 * Three statements (two when nobody subscribes).
 *
 * @returns the event id
 */
export async function publishEvent<TSchema extends Record<string, unknown>, T extends EventType>(
  tx: Executor<TSchema>,
  tables: EventTables,
  producer: string,
  event: NewEvent<T>,
  options: PublishOptions = {},
): Promise<string> {
  const payload = parseEventPayload(event.type, event.payload);
  const { outbox, outboxDeliveries } = tables;
  const id = randomUUID();
  // The NOTIFY rides on the same statement (no extra round trip) and, being transactional,
  // reaches the relay only if and when this transaction commits.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`nomad-events:${producer}:${event.aggregateId}`}, 0)), pg_notify(${outboxChannel(producer)}, '')`,
  );
  const [written] = await tx
    .insert(outbox)
    .values({
      id,
      type: event.type,
      aggregateId: event.aggregateId,
      payload,
      producer,
      ...(event.occurredAt === undefined ? {} : { occurredAt: event.occurredAt }),
    })
    .returning({ seq: outbox.seq });
  if (!written) throw new Error('outbox insert returned no row');
  const subscribers = subscribersOf(event.type, options.subscriptions ?? SUBSCRIPTIONS);
  if (subscribers.length > 0) {
    await tx.insert(outboxDeliveries).values(
      subscribers.map((subscriber) => ({ eventId: id, subscriber, aggregateId: event.aggregateId, seq: written.seq })),
    );
  }
  return id;
}

/**
 * An agency's `publish(tx, type, aggregateId, payload)`: `publishEvent` bound to the agency's
 * outbox tables and its name as producer.
 */
export function eventPublisher(producer: string, tables: EventTables) {
  return <TSchema extends Record<string, unknown>, T extends EventType>(tx: Executor<TSchema>, type: T, aggregateId: string, payload: EventPayload<T>): Promise<string> =>
    publishEvent(tx, tables, producer, { type, aggregateId, payload });
}
