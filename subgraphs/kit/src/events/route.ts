import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { Executor } from '../db/database.ts';
import { Headers } from '../headers.ts';
import { safeEqual, sendError, sendJson, type RouteHandler } from '../http/server.ts';
import type { Logger } from '../logger.ts';
import { EventEnvelope, EventPayloadError, isEventType, parseEventPayload, type DomainEvent, type EventType } from './catalog.ts';
import { inboxMetrics } from './metrics.ts';
import { claimInboxEntry, recordInboxFailure, type InboxEntry } from './queries.ts';
import { SUBSCRIPTIONS, subscribersOf, type Subscriptions } from './subscriptions.ts';
import type { EventTables } from './tables.ts';

/**
 * What a subscribing agency does with each event type it receives. A handler runs inside the
 * transaction that records the event in the inbox: write the effect through `tx` only, and
 * throw to refuse (nothing is kept, the producer retries later).
 */
export type EventHandlers<TTx = Executor<Record<string, unknown>>> = Partial<{
  [T in EventType]: (tx: TTx, event: DomainEvent<T>) => Promise<void>;
}>;

export interface EventsRouteOptions<TSchema extends Record<string, unknown>> {
  db: Executor<TSchema>;
  tables: EventTables;
  /** The receiving agency: an event type not sent to it by the subscription table is refused. */
  agency: string;
  handlers: EventHandlers<Executor<TSchema>>;
  /** Expected in `x-service-credential` (env `SERVICE_SECRET`); a user's token is never accepted here. */
  serviceSecret: string;
  logger: Logger;
  /** Where `nomad_events_received_total` goes. @default none */
  registry?: Registry;
  /** @default SUBSCRIPTIONS */
  subscriptions?: Subscriptions;
}

/** Codes of the `POST /events` refusals, as the producer's `lastError` shows them. */
export const EventRefusal = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  BAD_EVENT: 'BAD_EVENT',
  POISON_EVENT: 'POISON_EVENT',
  HANDLER_FAILED: 'EVENT_HANDLER_FAILED',
} as const;

const MAX_ERROR_TEXT = 1_000;

/**
 * What a failure says to the producer (its delivery's `lastError`) and to the log. A database
 * error is reduced to its SQLSTATE and constraint: drizzle's message carries the statement's
 * parameters, and PostgreSQL's sometimes quotes a value, either of which may be personal data.
 */
export function describeHandlerError(err: unknown): string {
  const pg = pgErrorOf(err);
  if (pg) return `database error (SQLSTATE ${pg.code}${pg.constraint ? `, constraint ${pg.constraint}` : ''})`;
  return (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, MAX_ERROR_TEXT);
}

function pgErrorOf(err: unknown, depth = 0): { code: string; constraint: string | null } | null {
  if (typeof err !== 'object' || err === null || depth > 3) return null;
  const e = err as { code?: unknown; constraint_name?: unknown; severity?: unknown; cause?: unknown; name?: unknown };
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && (e.severity !== undefined || e.name === 'PostgresError')) {
    return { code: e.code, constraint: typeof e.constraint_name === 'string' ? e.constraint_name : null };
  }
  if (e.name === 'DrizzleQueryError') return pgErrorOf(e.cause, depth + 1) ?? { code: 'unknown', constraint: null };
  return e.cause !== undefined ? pgErrorOf(e.cause, depth + 1) : null;
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
 * `POST /events` of a subscribing agency: authenticates the producer as a service, then runs
 * the event's handler and records the event id in the inbox in ONE transaction.
 *
 * - 200 `{ status: 'processed' }`: the effect committed;
 * - 200 `{ status: 'duplicate' }`: this id was processed before; nothing ran again;
 * - 401: no or wrong `x-service-credential`;
 * - 400: not an event (no usable id): nothing recorded;
 * - 422: a poison event (payload fails its schema, unknown type, or a type this agency does
 *   not receive), recorded in the inbox as POISON; the producer retries it until it goes DEAD;
 * - 500: the handler threw; the effect rolled back, the inbox notes FAILED; the producer retries.
 */
export function eventsRoute<TSchema extends Record<string, unknown>>(options: EventsRouteOptions<TSchema>): RouteHandler {
  const { db, tables, agency, handlers } = options;
  const log = options.logger.child({ source: 'event-inbox' });
  const metrics = inboxMetrics(options.registry);
  const subscriptions = options.subscriptions ?? SUBSCRIPTIONS;

  const poison = async (res: ServerResponse, entry: InboxEntry, error: string) => {
    const recorded = await recordInboxFailure(db, { tables, entry, state: 'POISON', error });
    if (!recorded) {
      // Already processed (under an older, laxer catalog): its effect stands; acknowledge it.
      metrics.received.inc({ type: typeLabel(entry.eventType), outcome: 'duplicate' });
      return sendJson(res, 200, { status: 'duplicate' });
    }
    metrics.received.inc({ type: typeLabel(entry.eventType), outcome: 'poison' });
    log.warn({ eventId: entry.eventId, type: entry.eventType, producer: entry.producer, error }, 'poison event refused');
    sendError(res, 422, EventRefusal.POISON_EVENT, error);
  };

  return async (req: IncomingMessage, res: ServerResponse, body: unknown) => {
    const credential = req.headers[Headers.serviceCredential];
    if (typeof credential !== 'string' || !safeEqual(credential, options.serviceSecret)) {
      metrics.received.inc({ type: 'unknown', outcome: 'unauthenticated' });
      return sendError(res, 401, EventRefusal.UNAUTHENTICATED, 'Events must carry the service credential.');
    }
    const envelope = EventEnvelope.safeParse(body);
    if (!envelope.success) {
      const id = idOf(body);
      const issues = envelope.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ');
      if (!id) return sendError(res, 400, EventRefusal.BAD_EVENT, `Not an event: ${issues}`);
      const b = body as Record<string, unknown>;
      const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : 'unknown');
      return poison(res, { eventId: id, eventType: text(b.type), producer: text(b.producer), aggregateId: text(b.aggregateId) }, `Malformed event: ${issues}`);
    }
    const e = envelope.data;
    const entry: InboxEntry = { eventId: e.id, eventType: e.type, producer: e.producer, aggregateId: e.aggregateId };
    let payload: unknown;
    try {
      payload = parseEventPayload(e.type, e.payload);
    } catch (err) {
      if (err instanceof EventPayloadError) return poison(res, entry, err.message);
      throw err;
    }
    const type = e.type as EventType;
    const handler = handlers[type] as ((tx: Executor<TSchema>, event: DomainEvent) => Promise<void>) | undefined;
    if (!subscribersOf(type, subscriptions).includes(agency) || !handler) {
      return poison(res, entry, `${agency} does not receive ${type} events`);
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
      return sendError(res, 500, EventRefusal.HANDLER_FAILED, error);
    }
    metrics.received.inc({ type, outcome });
    log.debug({ eventId: e.id, type, producer: e.producer, outcome }, 'event received');
    sendJson(res, 200, { status: outcome });
  };
}
