import { Headers } from '../headers.ts';
import type { DomainEvent } from './catalog.ts';

/**
 * One event as it travels, whatever carries it: the JSON body (the event itself) and the
 * headers that go with it. HTTP push sends the headers as HTTP headers and the body as the
 * request body; NATS JetStream sends them as message headers and data. Everything that must
 * travel with an event (its id for the logs, and the producing agency's signature) is added
 * here, once, so that both transports carry the same thing and the receiver checks the same
 * thing (`receive.ts`). Transport-level authentication is not part of it: HTTP adds the
 * service credential, NATS relies on the connection's own credentials.
 */
export interface EventMessage {
  /** Lower-case header names → values. */
  headers: Record<string, string>;
  /** `JSON.stringify(event)`. */
  body: string;
}

/** What a receiver gets from either transport: the headers (lower-case names) and the parsed body. */
export interface ReceivedMessage {
  headers: Readonly<Record<string, string | undefined>>;
  /** The parsed JSON body; not yet validated. */
  body: unknown;
}

/** The message for `event`. */
export function encodeEventMessage(event: DomainEvent): EventMessage {
  return {
    headers: {
      'content-type': 'application/json',
      // The subscriber logs under the event id: one id to follow an event across agencies.
      [Headers.requestId]: event.id,
    },
    body: JSON.stringify(event),
  };
}
