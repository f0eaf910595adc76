import type { IncomingMessage, ServerResponse } from 'node:http';
import { Headers } from '../headers.ts';
import { safeEqual, sendError, sendJson, type RouteHandler } from '../http/server.ts';
import { createEventReceiver, EventRefusal, type EventReceiverOptions, type ReceiveResult } from './receive.ts';

export { describeHandlerError, EventRefusal, type EventHandlers } from './receive.ts';

export interface EventsRouteOptions<TSchema extends Record<string, unknown>> extends EventReceiverOptions<TSchema> {
  /** Expected in `x-service-credential` (env `SERVICE_SECRET`); a user's token is never accepted here. */
  serviceSecret: string;
}

const HTTP_STATUS: Record<ReceiveResult['outcome'], number> = { processed: 200, duplicate: 200, bad: 400, poison: 422, rejected: 409, failed: 500, unauthenticated: 401, forbidden: 403 };

/** Lower-case header names → their (first) value. */
function headerRecord(req: IncomingMessage): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/**
 * `POST /events` of a subscribing agency (HTTP push): authenticates the producer as a
 * service, then hands the event to the receiver (`receive.ts`), which runs the handler and
 * records the event id in the inbox in ONE transaction.
 *
 * - 200 `{ status: 'processed' }`: the effect committed;
 * - 200 `{ status: 'duplicate' }`: this id was processed before; nothing ran again;
 * - 401: no or wrong `x-service-credential`, or the event is not signed by the producer it
 *   names (`EVENT_SIGNATURE_INVALID`: forged, tampered with, unknown key); nothing written;
 * - 403: validly signed by an agency that does not publish this type
 *   (`EVENT_PRODUCER_NOT_ALLOWED`); nothing written;
 * - 400: not an event (no usable id): nothing recorded;
 * - 422: a poison event (payload fails its schema, unknown type, or a type this agency does
 *   not receive), recorded in the inbox as POISON; the producer retries it until it goes DEAD;
 * - 409: the handler refused the fact for good (`RejectedEvent`: its code, e.g.
 *   `EVENT_SUBJECT_UNKNOWN`), recorded in the inbox as POISON; the producer dead-letters it at
 *   once (a retry cannot make the fact fit);
 * - 500: the handler threw; the effect rolled back, the inbox notes FAILED; the producer retries.
 */
export function eventsRoute<TSchema extends Record<string, unknown>>(options: EventsRouteOptions<TSchema>): RouteHandler {
  const receive = createEventReceiver(options);
  return async (req: IncomingMessage, res: ServerResponse, body: unknown) => {
    const credential = req.headers[Headers.serviceCredential];
    if (typeof credential !== 'string' || !safeEqual(credential, options.serviceSecret)) {
      receive.countUnauthenticated();
      return sendError(res, 401, EventRefusal.UNAUTHENTICATED, 'Events must carry the service credential.');
    }
    const result = await receive({ headers: headerRecord(req), body });
    if (!('code' in result)) return sendJson(res, 200, { status: result.outcome, ...('ignored' in result && result.ignored !== undefined ? { ignored: result.ignored } : {}) });
    sendError(res, HTTP_STATUS[result.outcome], result.code, result.message);
  };
}
