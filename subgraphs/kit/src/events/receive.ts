import type { Registry } from 'prom-client';
import { describeErrorBriefly } from '@nomad/contract';
import type { Executor } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { EventEnvelope, EventPayloadError, isEventType, parseEventPayload, type DomainEvent, type EventType } from './catalog.ts';
import { hasValidSignature, type EventVerifier, type ReceivedMessage } from './envelope.ts';
import { inboxMetrics } from './metrics.ts';
import { claimInboxEntry, recordInboxFailure, type InboxEntry } from './queries.ts';
import { producersOf, SUBSCRIPTIONS, subscribersOf, type Subscriptions } from './subscriptions.ts';
import type { EventTables } from './tables.ts';

/**
 * What a subscribing agency does with each event type it receives. A handler runs inside the
 * transaction that records the event in the inbox: write the effect through `tx` only, and
 * throw to refuse (nothing is kept, the producer retries later).
 */
export type EventHandlers<TTx = Executor<Record<string, unknown>>> = Partial<{
  [T in EventType]: (tx: TTx, event: DomainEvent<T>) => Promise<void>;
}>;

/** Codes of refused events, as the producer's `lastError` (HTTP) or the broker's termination reason (NATS) shows them. */
export const EventRefusal = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** No signature, or not the named producer's: forged, tampered with, or signed by a key nobody configured. */
  BAD_SIGNATURE: 'EVENT_SIGNATURE_INVALID',
  /** Validly signed by an agency that does not publish this type (`PRODUCERS`). */
  WRONG_PRODUCER: 'EVENT_PRODUCER_NOT_ALLOWED',
  BAD_EVENT: 'BAD_EVENT',
  POISON_EVENT: 'POISON_EVENT',
  HANDLER_FAILED: 'EVENT_HANDLER_FAILED',
} as const;

/**
 * What became of a received event, whatever carried it:
 * - `processed`: the effect committed; `duplicate`: this id was processed before, nothing ran again
 *   (both: acknowledge);
 * - `bad`: not an event (no usable id), nothing recorded (never acknowledge as done);
 * - `poison`: refused for good (payload fails its schema, unknown type, or a type this agency
 *   does not receive), recorded in the inbox as POISON;
 * - `failed`: the handler threw; the effect rolled back, the inbox notes FAILED; send it again later;
 * - `unauthenticated`: not signed by the producer it names; `forbidden`: that producer does not
 *   publish this type. Both: nothing written, not even to the inbox (a forger must not fill it).
 */
export type ReceiveResult =
  | { outcome: 'processed' | 'duplicate' }
  | { outcome: 'bad' | 'poison' | 'failed' | 'unauthenticated' | 'forbidden'; code: string; message: string };

export interface EventReceiverOptions<TSchema extends Record<string, unknown>> {
  db: Executor<TSchema>;
  tables: EventTables;
  /** The receiving agency: an event type not sent to it by the subscription table is refused. */
  agency: string;
  handlers: EventHandlers<Executor<TSchema>>;
  /** Every agency's public keys: each event must carry its producer's signature. */
  keyring: EventVerifier;
  logger: Logger;
  /** Where `nomad_events_received_total` goes. @default none */
  registry?: Registry;
  /** @default SUBSCRIPTIONS */
  subscriptions?: Subscriptions;
}

/** Counts a receipt that never reached the receiver (e.g. a wrong service credential). */
export type EventReceiver = ((message: ReceivedMessage) => Promise<ReceiveResult>) & {
  countUnauthenticated(): void;
};

/**
 * What a failure says to the producer (its delivery's `lastError`) and to the log. A database
 * error is reduced to its SQLSTATE, statement name and constraint: drizzle's message carries
 * the statement's parameters, and PostgreSQL's sometimes quotes a value, either of which may
 * be personal data.
 */
export function describeHandlerError(err: unknown): string {
  return describeErrorBriefly(err);
}

/** A metric label from the catalog only: a caller's made-up type must not mint new series. */
function typeLabel(type: string): string {
  return isEventType(type) ? type : 'unknown';
}

function idOf(body: unknown): string | null {
  const id = (body as { id?: unknown } | null)?.id;
  return typeof id === 'string' && EventEnvelope.shape.id.safeParse(id).success ? id : null;
}

/**
 * The receiving side of events, for every transport: validates the envelope and the payload
 * against the catalog, then runs the event's handler and records the event id in the inbox in
 * ONE transaction, so an event takes effect once however often it arrives. The transport
 * authenticates the sender first and maps the result to its own answer (an HTTP status, or a
 * JetStream ack, nak or term).
 */
export function createEventReceiver<TSchema extends Record<string, unknown>>(options: EventReceiverOptions<TSchema>): EventReceiver {
  const { db, tables, agency, handlers } = options;
  const log = options.logger.child({ source: 'event-inbox' });
  const metrics = inboxMetrics(options.registry);
  const subscriptions = options.subscriptions ?? SUBSCRIPTIONS;

  const poison = async (entry: InboxEntry, message: string): Promise<ReceiveResult> => {
    const recorded = await recordInboxFailure(db, { tables, entry, state: 'POISON', error: message });
    if (!recorded) {
      // Already processed (under an older, laxer catalog): its effect stands; acknowledge it.
      metrics.received.inc({ type: typeLabel(entry.eventType), outcome: 'duplicate' });
      return { outcome: 'duplicate' };
    }
    metrics.received.inc({ type: typeLabel(entry.eventType), outcome: 'poison' });
    log.warn({ eventId: entry.eventId, type: entry.eventType, producer: entry.producer, error: message }, 'poison event refused');
    return { outcome: 'poison', code: EventRefusal.POISON_EVENT, message };
  };

  const receive = async (message: ReceivedMessage): Promise<ReceiveResult> => {
    const { body } = message;
    const envelope = EventEnvelope.safeParse(body);
    if (!envelope.success) {
      const id = idOf(body);
      const issues = envelope.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ');
      if (!id) return { outcome: 'bad', code: EventRefusal.BAD_EVENT, message: `Not an event: ${issues}` };
      const b = body as Record<string, unknown>;
      const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : 'unknown');
      return poison({ eventId: id, eventType: text(b.type), producer: text(b.producer), aggregateId: text(b.aggregateId) }, `Malformed event: ${issues}`);
    }
    const e = envelope.data;
    // Who sent it, before anything is written: the attempt is logged without its payload.
    if (!hasValidSignature(message, e.producer, options.keyring)) {
      metrics.received.inc({ type: typeLabel(e.type), outcome: 'unauthenticated' });
      log.warn({ eventId: e.id, type: e.type, producer: e.producer }, 'event refused: not signed by its producer');
      return { outcome: 'unauthenticated', code: EventRefusal.BAD_SIGNATURE, message: `The event is not signed by ${e.producer}'s key.` };
    }
    if (isEventType(e.type) && !producersOf(e.type).includes(e.producer)) {
      metrics.received.inc({ type: e.type, outcome: 'forbidden' });
      log.warn({ eventId: e.id, type: e.type, producer: e.producer }, 'event refused: producer may not publish this type');
      return { outcome: 'forbidden', code: EventRefusal.WRONG_PRODUCER, message: `${e.producer} does not publish ${e.type} events.` };
    }
    const entry: InboxEntry = { eventId: e.id, eventType: e.type, producer: e.producer, aggregateId: e.aggregateId };
    let payload: unknown;
    try {
      payload = parseEventPayload(e.type, e.payload);
    } catch (err) {
      if (err instanceof EventPayloadError) return poison(entry, err.message);
      throw err;
    }
    const type = e.type as EventType;
    const handler = handlers[type] as ((tx: Executor<TSchema>, event: DomainEvent) => Promise<void>) | undefined;
    if (!subscribersOf(type, subscriptions).includes(agency) || !handler) {
      return poison(entry, `${agency} does not receive ${type} events`);
    }
    const event = { ...e, type, payload } as DomainEvent;
    let outcome: 'processed' | 'duplicate';
    try {
      outcome = await db.transaction(async (tx) => {
        if (!(await claimInboxEntry(tx, { tables, entry }))) return 'duplicate' as const;
        await handler(tx, event);
        return 'processed' as const;
      });
    } catch (err) {
      const error = describeHandlerError(err);
      metrics.received.inc({ type, outcome: 'failed' });
      log.error({ eventId: e.id, type, producer: e.producer, error }, 'event handler failed');
      // Best effort: the producer keeps the authoritative record (its delivery's lastError).
      await recordInboxFailure(db, { tables, entry, state: 'FAILED', error }).catch((recordErr: unknown) =>
        log.error({ eventId: e.id, error: describeHandlerError(recordErr) }, 'could not note the failure in the inbox'),
      );
      return { outcome: 'failed', code: EventRefusal.HANDLER_FAILED, message: error };
    }
    metrics.received.inc({ type, outcome });
    log.debug({ eventId: e.id, type, producer: e.producer, outcome }, 'event received');
    return { outcome };
  };
  return Object.assign(receive, {
    countUnauthenticated: () => metrics.received.inc({ type: 'unknown', outcome: 'unauthenticated' }),
  });
}
