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

/** The signature of an event and the id of the key that made it, as message headers. */
export const EventSignatureHeaders = {
  /** Ed25519 signature (base64url) of the message body by the producing agency's key. */
  signature: 'x-event-signature',
  /** Which of the producer's keys signed (`keyIdOf` its public half): lets keys rotate. */
  keyId: 'x-event-key-id',
} as const;

/** What signs an agency's events: its keyring (`AgencyKeyring`). */
export interface EventSigner {
  readonly agency: string;
  readonly keyId: string;
  sign(data: string): string;
}

/** What checks a producer's signature: every agency's public keys (`AgencyKeyring`). */
export interface EventVerifier {
  verify(agency: string, data: string, signature: string, keyId?: string): boolean;
}

/**
 * The message for `event`, signed by its producer: the signature covers the whole body (id,
 * type, producer, aggregate, time and payload), so none of it can be changed, and the id
 * cannot be changed to replay it as a new event. Throws when `signer` is another agency than
 * the event's producer (a programming error: an agency signs only its own events).
 */
export function encodeEventMessage(event: DomainEvent, signer: EventSigner): EventMessage {
  if (signer.agency !== event.producer) throw new Error(`${signer.agency} cannot sign an event produced by ${event.producer}`);
  const body = JSON.stringify(event);
  return {
    headers: {
      'content-type': 'application/json',
      // The subscriber logs under the event id: one id to follow an event across agencies.
      [Headers.requestId]: event.id,
      [EventSignatureHeaders.signature]: signer.sign(body),
      [EventSignatureHeaders.keyId]: signer.keyId,
    },
    body,
  };
}

/**
 * Whether `message` carries `producer`'s valid signature of its body. The body is checked in
 * the form the producer signed, `JSON.stringify` of the parsed body: parsing and writing back
 * a text `JSON.stringify` wrote gives the same text, whichever transport carried it, and any
 * change to a value, a key or the order of keys breaks the signature.
 */
export function hasValidSignature(message: ReceivedMessage, producer: string, verifier: EventVerifier): boolean {
  const signature = message.headers[EventSignatureHeaders.signature];
  const keyId = message.headers[EventSignatureHeaders.keyId];
  if (!signature) return false;
  return verifier.verify(producer, JSON.stringify(message.body), signature, keyId || undefined);
}
