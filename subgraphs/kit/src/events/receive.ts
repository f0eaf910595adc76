import type { Registry } from 'prom-client';
import type { z } from 'zod';
import { describeErrorBriefly } from '@nomad/contract';
import type { Executor } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { EventEnvelope, EventPayloadError, isEventType, parseEventPayload, type DomainEvent, type EventType } from './catalog.ts';
import { hasValidSignature, type EventVerifier, type ReceivedMessage } from './envelope.ts';
import { inboxMetrics, type InboxMetrics } from './metrics.ts';
import { claimInboxEntry, noteIgnoredEvent, recordInboxFailure, type InboxEntry } from './queries/inbox.ts';
import { producersOf, SUBSCRIPTIONS, subscribersOf, type Subscriptions } from './subscriptions.ts';
import type { EventTables } from './tables.ts';

/**
 * What a handler may answer besides applying the fact: the event is well-formed and true to its
 * producer, but changes nothing here (a repeat of the fact already recorded, or an outcome older
 * than the one recorded). The receiver acknowledges it, records it as PROCESSED with `reason`
 * in the inbox's `last_error`, counts it as `ignored` and logs it at info level.
 */
export interface EventIgnored {
  ignored: string;
}

/** A handler's way of saying "applied nothing, on purpose" (see `EventIgnored`). */
export function ignoreEvent(reason: string): EventIgnored {
  return { ignored: reason };
}

/**
 * What a subscribing agency does with each event type it receives. A handler runs inside the
 * transaction that records the event in the inbox: write the effect through `tx` only. To
 * refuse: throw a `RejectedEvent` when the fact does not fit what the agency knows (dead-lettered
 * at once, never retried), any other error when it may succeed later (nothing is kept, the
 * producer retries). Return `ignoreEvent(reason)` for a fact that is true but changes nothing.
 */
export type EventHandlers<TTx = Executor<Record<string, unknown>>> = Partial<{
  [T in EventType]: (tx: TTx, event: DomainEvent<T>) => Promise<void | EventIgnored>;
}>;

/**
 * Thrown by a handler to refuse, for good, a fact that contradicts what the agency knows: a
 * state change for a subject it never heard of, an outcome for an application no longer
 * awaiting it, a second screening of one application. Nothing the handler wrote is kept; the
 * inbox records the event as POISON with `code: message`; the producer dead-letters the
 * delivery at once (HTTP 409) or the broker terminates it, instead of retrying it: a retry
 * cannot make the fact fit. An operator looks at it (`eventInboxFailures`, dead deliveries)
 * and may requeue it once the cause is fixed. `message` names ids and states, never personal
 * data (it reaches the producer's `lastError` and the logs).
 */
export class RejectedEvent extends Error {
  constructor(
    /** Stable, e.g. `EVENT_SUBJECT_UNKNOWN` (see `EventRejection`). */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RejectedEvent';
  }
}

/** The codes handlers reject facts with (a `RejectedEvent`'s `code`). */
export const EventRejection = {
  /** The event is about a subject (application, nomad, registration, case) this agency never heard of. */
  SUBJECT_UNKNOWN: 'EVENT_SUBJECT_UNKNOWN',
  /** The subject exists but no longer awaits this fact (e.g. an application already decided or withdrawn). */
  SUBJECT_CLOSED: 'EVENT_SUBJECT_CLOSED',
  /** The fact contradicts one already recorded (another screening of the same application, another nomad). */
  FACT_CONFLICT: 'EVENT_FACT_CONFLICT',
  /** Nobody asked for this fact (e.g. an evaluation of an application none was requested for). */
  NOT_AWAITED: 'EVENT_NOT_AWAITED',
} as const;

/** Codes of refused events, as the producer's `lastError` (HTTP) or the broker's termination reason (NATS) shows them. */
export const EventRefusal = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** No signature, or not the named producer's: forged, tampered with, or signed by a key nobody configured. */
  BAD_SIGNATURE: 'EVENT_SIGNATURE_INVALID',
  /** Validly signed by an agency that does not publish this type (`PRODUCERS`). */
  WRONG_PRODUCER: 'EVENT_PRODUCER_NOT_ALLOWED',
  BAD_EVENT: 'BAD_EVENT',
  POISON_EVENT: 'POISON_EVENT',
  /** A handler refused the fact (`RejectedEvent`); the refusal carries the handler's own code instead. */
  REJECTED: 'EVENT_REJECTED',
  HANDLER_FAILED: 'EVENT_HANDLER_FAILED',
} as const;

/**
 * What became of a received event, whatever carried it:
 * - `processed`: the effect committed (or the handler ignored the fact: `ignored` holds why);
 *   `duplicate`: this id was processed before, nothing ran again (both: acknowledge);
 * - `bad`: not an event (no usable id), nothing recorded (never acknowledge as done);
 * - `poison`: refused for good (payload fails its schema, unknown type, or a type this agency
 *   does not receive), recorded in the inbox as POISON;
 * - `rejected`: the handler refused the fact for good (`RejectedEvent`, its code); the effect rolled
 *   back, the inbox records it as POISON; do not send it again (dead-letter it);
 * - `failed`: the handler threw; the effect rolled back, the inbox notes FAILED; send it again later;
 * - `unauthenticated`: not signed by the producer it names; `forbidden`: that producer does not
 *   publish this type. Both: nothing written, not even to the inbox (a forger must not fill it).
 */
export type ReceiveResult =
  | { outcome: 'processed'; ignored?: string }
  | { outcome: 'duplicate' }
  | { outcome: 'bad' | 'poison' | 'rejected' | 'failed' | 'unauthenticated' | 'forbidden'; code: string; message: string };

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
  const r: Receiving<TSchema> = {
    db: options.db,
    tables: options.tables,
    agency: options.agency,
    handlers: options.handlers,
    keyring: options.keyring,
    log: options.logger.child({ source: 'event-inbox' }),
    metrics: inboxMetrics(options.registry),
    subscriptions: options.subscriptions ?? SUBSCRIPTIONS,
  };
  const receive = async (message: ReceivedMessage): Promise<ReceiveResult> => {
    const admitted = await admit(r, message);
    return 'answer' in admitted ? admitted.answer : apply(r, admitted);
  };
  return Object.assign(receive, {
    countUnauthenticated: () => r.metrics.received.inc({ type: 'unknown', outcome: 'unauthenticated' }),
  });
}

/** What the receiver's steps share: its options (defaults applied), its log and its metrics. */
interface Receiving<TSchema extends Record<string, unknown>> {
  db: Executor<TSchema>;
  tables: EventTables;
  agency: string;
  handlers: EventHandlers<Executor<TSchema>>;
  keyring: EventVerifier;
  log: Logger;
  metrics: InboxMetrics;
  subscriptions: Subscriptions;
}

type Handler<TSchema extends Record<string, unknown>> = (tx: Executor<TSchema>, event: DomainEvent) => Promise<void | EventIgnored>;

/** An event this agency receives, checked in full, with the handler to run. */
interface Admitted<TSchema extends Record<string, unknown>> {
  entry: InboxEntry;
  event: DomainEvent;
  handler: Handler<TSchema>;
}

/**
 * Checks a message before any handler runs: the envelope, the sender, the payload, and that
 * this agency receives the type. Returns the event to apply, or the answer for one refused.
 */
async function admit<TSchema extends Record<string, unknown>>(
  r: Receiving<TSchema>,
  message: ReceivedMessage,
): Promise<Admitted<TSchema> | { answer: ReceiveResult }> {
  const envelope = EventEnvelope.safeParse(message.body);
  if (!envelope.success) return { answer: await refuseMalformed(r, message.body, envelope.error) };
  const e = envelope.data;
  const refusal = refuseSender(r, message, e);
  if (refusal) return { answer: refusal };
  const entry: InboxEntry = { eventId: e.id, eventType: e.type, producer: e.producer, aggregateId: e.aggregateId };
  let payload: unknown;
  try {
    payload = parseEventPayload(e.type, e.payload);
  } catch (err) {
    if (err instanceof EventPayloadError) return { answer: await poison(r, entry, err.message) };
    throw err;
  }
  const type = e.type as EventType;
  const handler = r.handlers[type] as Handler<TSchema> | undefined;
  if (!subscribersOf(type, r.subscriptions).includes(r.agency) || !handler) {
    return { answer: await poison(r, entry, `${r.agency} does not receive ${type} events`) };
  }
  return { entry, event: { ...e, type, payload } as DomainEvent, handler };
}

/** Not a well-formed event: `bad` without a usable id (nothing recorded), else poison under that id. */
async function refuseMalformed<TSchema extends Record<string, unknown>>(r: Receiving<TSchema>, body: unknown, error: z.ZodError): Promise<ReceiveResult> {
  const id = idOf(body);
  const issues = error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ');
  if (!id) return { outcome: 'bad', code: EventRefusal.BAD_EVENT, message: `Not an event: ${issues}` };
  const b = body as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : 'unknown');
  return poison(r, { eventId: id, eventType: text(b.type), producer: text(b.producer), aggregateId: text(b.aggregateId) }, `Malformed event: ${issues}`);
}

/** The refusal of an event not signed by the producer it names, or of a type that producer does not publish; null when neither. */
function refuseSender<TSchema extends Record<string, unknown>>(
  r: Receiving<TSchema>,
  message: ReceivedMessage,
  e: z.infer<typeof EventEnvelope>,
): ReceiveResult | null {
  // Who sent it, before anything is written: the attempt is logged without its payload.
  if (!hasValidSignature(message, e.producer, r.keyring)) {
    r.metrics.received.inc({ type: typeLabel(e.type), outcome: 'unauthenticated' });
    r.log.warn({ eventId: e.id, type: e.type, producer: e.producer }, 'event refused: not signed by its producer');
    return { outcome: 'unauthenticated', code: EventRefusal.BAD_SIGNATURE, message: `The event is not signed by ${e.producer}'s key.` };
  }
  if (isEventType(e.type) && !producersOf(e.type).includes(e.producer)) {
    r.metrics.received.inc({ type: e.type, outcome: 'forbidden' });
    r.log.warn({ eventId: e.id, type: e.type, producer: e.producer }, 'event refused: producer may not publish this type');
    return { outcome: 'forbidden', code: EventRefusal.WRONG_PRODUCER, message: `${e.producer} does not publish ${e.type} events.` };
  }
  return null;
}

/** Records an event refused for good as POISON. */
async function poison<TSchema extends Record<string, unknown>>(r: Receiving<TSchema>, entry: InboxEntry, message: string): Promise<ReceiveResult> {
  const recorded = await recordInboxFailure(r.db, { tables: r.tables, entry, state: 'POISON', error: message });
  if (!recorded) {
    // Already processed (under an older, laxer catalog): its effect stands; acknowledge it.
    r.metrics.received.inc({ type: typeLabel(entry.eventType), outcome: 'duplicate' });
    return { outcome: 'duplicate' };
  }
  r.metrics.received.inc({ type: typeLabel(entry.eventType), outcome: 'poison' });
  r.log.warn({ eventId: entry.eventId, type: entry.eventType, producer: entry.producer, error: message }, 'poison event refused');
  return { outcome: 'poison', code: EventRefusal.POISON_EVENT, message };
}

/** Runs the handler and records the event in the inbox in one transaction, then counts and logs what became of it. */
async function apply<TSchema extends Record<string, unknown>>(r: Receiving<TSchema>, { entry, event, handler }: Admitted<TSchema>): Promise<ReceiveResult> {
  let outcome: { applied: 'processed' | 'duplicate'; ignored?: string };
  try {
    outcome = await r.db.transaction(async (tx) => {
      if (!(await claimInboxEntry(tx, { tables: r.tables, entry }))) return { applied: 'duplicate' as const };
      const answer = await handler(tx, event);
      if (!answer) return { applied: 'processed' as const };
      await noteIgnoredEvent(tx, { tables: r.tables, eventId: event.id, reason: answer.ignored });
      return { applied: 'processed' as const, ignored: answer.ignored };
    });
  } catch (err) {
    return handlerThrew(r, entry, event, err);
  }
  const { type } = event;
  if (outcome.ignored !== undefined) {
    r.metrics.received.inc({ type, outcome: 'ignored' });
    r.log.info({ eventId: event.id, type, producer: event.producer, aggregateId: event.aggregateId, reason: outcome.ignored }, 'event ignored by its handler');
    return { outcome: 'processed', ignored: outcome.ignored };
  }
  r.metrics.received.inc({ type, outcome: outcome.applied });
  r.log.debug({ eventId: event.id, type, producer: event.producer, outcome: outcome.applied }, 'event received');
  return { outcome: outcome.applied };
}

/** The handler threw, so nothing of its effect was kept: the refusal of a `RejectedEvent`, else a failure to retry. */
async function handlerThrew<TSchema extends Record<string, unknown>>(
  r: Receiving<TSchema>,
  entry: InboxEntry,
  event: DomainEvent,
  err: unknown,
): Promise<ReceiveResult> {
  const { id: eventId, type, producer } = event;
  if (err instanceof RejectedEvent) {
    const text = `${err.code}: ${err.message}`;
    r.metrics.received.inc({ type, outcome: 'rejected' });
    r.log.warn({ eventId, type, producer, aggregateId: event.aggregateId, code: err.code, error: err.message }, 'event rejected by its handler');
    const recorded = await recordInboxFailure(r.db, { tables: r.tables, entry, state: 'POISON', error: text });
    // Processed meanwhile (a concurrent receipt under other facts): its effect stands.
    if (!recorded) return { outcome: 'duplicate' };
    return { outcome: 'rejected', code: err.code, message: err.message };
  }
  const error = describeHandlerError(err);
  r.metrics.received.inc({ type, outcome: 'failed' });
  r.log.error({ eventId, type, producer, error }, 'event handler failed');
  // Best effort: the producer keeps the authoritative record (its delivery's lastError).
  await recordInboxFailure(r.db, { tables: r.tables, entry, state: 'FAILED', error }).catch((recordErr: unknown) =>
    r.log.error({ eventId, error: describeHandlerError(recordErr) }, 'could not note the failure in the inbox'),
  );
  return { outcome: 'failed', code: EventRefusal.HANDLER_FAILED, message: error };
}
