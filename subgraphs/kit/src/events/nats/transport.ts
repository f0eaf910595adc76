import type { JetStreamClient } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { encodeEventMessage, type EventSigner } from '../envelope.ts';
import { DeliveryError, type EventTransport } from '../transport.ts';
import { eventSubject, streamName } from './names.ts';

export interface NatsTransportOptions {
  js: JetStreamClient;
  /** The topology's prefix (env `NATS_STREAM_PREFIX`). */
  prefix: string;
  /** The producing agency's keyring: every event is signed with it (the signature travels as message headers). */
  signer: EventSigner;
  /** A broker that has not acknowledged by then counts as failed; the relay retries (the broker de-duplicates). @default 10_000 */
  timeoutMs?: number;
}

/** What a failed publish says in the delivery's `lastError`: the subscriber and the client's error name, never a URL. */
function describePublishError(subscriber: string, err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const name = err instanceof Error ? `${err.name}${err.message ? `: ${err.message.slice(0, 200)}` : ''}` : String(err);
  return `broker did not accept the event for ${subscriber} (${typeof code === 'number' || typeof code === 'string' ? `${code} ` : ''}${name})`;
}

/**
 * Publishes each event for one subscriber to that subscriber's JetStream stream, with the
 * event id as `Nats-Msg-Id`, and resolves on the broker's acknowledgement (the event is then
 * stored; the subscriber's durable consumer takes it from there). A relay that dies after
 * the broker stored an event but before it marked the delivery sent publishes it again: the
 * broker drops it within its duplicate window, and the subscriber's inbox after that.
 */
export function natsTransport(options: NatsTransportOptions): EventTransport {
  const timeout = options.timeoutMs ?? 10_000;
  return {
    async deliver(subscriber, event) {
      const message = encodeEventMessage(event, options.signer);
      const h = headers();
      for (const [name, value] of Object.entries(message.headers)) h.set(name, value);
      const stream = streamName(options.prefix, subscriber);
      try {
        await options.js.publish(eventSubject(options.prefix, subscriber, event.producer, event.aggregateId), message.body, {
          msgID: event.id,
          headers: h,
          timeout,
          // Refuse to land anywhere but the subscriber's stream (a misconfigured overlap).
          expect: { streamName: stream },
        });
      } catch (err) {
        throw new DeliveryError(describePublishError(subscriber, err));
      }
    },
  };
}
