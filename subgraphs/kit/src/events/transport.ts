import { AGENCY_DEFAULT_PORTS } from '../agencies.ts';
import { Headers } from '../headers.ts';
import type { DomainEvent } from './catalog.ts';
import { encodeEventMessage, type EventSigner } from './envelope.ts';

/**
 * Hands one event to one subscriber. Resolves once the subscriber has committed the event's
 * effect (or recognised it as a duplicate); throws otherwise, and the relay retries later.
 * HTTP push (`httpTransport`) is the implementation for one machine; NATS JetStream
 * (`natsTransport`) when agencies run apart. Both send `encodeEventMessage(event)`.
 */
export interface EventTransport {
  deliver(subscriber: string, event: DomainEvent): Promise<void>;
}

/** A delivery that failed; `message` goes to the delivery's `lastError`, so it names no URL and no payload value. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    /** HTTP status when the subscriber answered. */
    readonly status?: number,
    /** The subscriber refused the fact for good (HTTP 409, a handler's `RejectedEvent`): dead-letter it, do not retry. @default false */
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** `http://127.0.0.1:<port>/events` for each agency, from its default subgraph port. */
export function defaultEventsUrls(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(AGENCY_DEFAULT_PORTS).map(([agency, port]) => [agency, `http://127.0.0.1:${port}/events`]),
  );
}

export interface HttpTransportOptions {
  /** Each subscriber's `POST /events` URL, by agency name (env `<AGENCY>_EVENTS_URL`). */
  urls: Readonly<Record<string, string>>;
  /** Sent as `x-service-credential`; the subscriber refuses events without it (env `SERVICE_SECRET`). */
  serviceSecret: string;
  /** The producing agency's keyring: every event is signed with it. */
  signer: EventSigner;
  /** A subscriber that has not answered by then counts as failed; it may still commit, and the retry is then a duplicate. @default 10_000 // 10 seconds */
  timeoutMs?: number;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

const MAX_ERROR_TEXT = 500;

async function errorText(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
    const first = body.errors?.[0];
    if (first && typeof first.message === 'string') {
      const code = typeof first.extensions?.code === 'string' ? `${first.extensions.code}: ` : '';
      return `${code}${first.message}`.slice(0, MAX_ERROR_TEXT);
    }
  } catch {
    // not our JSON: fall through to the status alone
  }
  return res.statusText || 'no explanation';
}

function causeCode(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  return err instanceof Error ? err.name : 'unknown error';
}

/** Pushes events over HTTP to each subscriber's `POST /events`, authenticated as a service. */
export function httpTransport(options: HttpTransportOptions): EventTransport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? globalThis.fetch;
  return {
    async deliver(subscriber, event) {
      const url = options.urls[subscriber];
      if (!url) throw new DeliveryError(`no events URL configured for ${subscriber} (set ${subscriber.toUpperCase()}_EVENTS_URL)`);
      const message = encodeEventMessage(event, options.signer);
      let res: Response;
      try {
        res = await doFetch(url, {
          method: 'POST',
          headers: { ...message.headers, [Headers.serviceCredential]: options.serviceSecret },
          body: message.body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
          throw new DeliveryError(`${subscriber} did not answer within ${timeoutMs} ms`);
        }
        throw new DeliveryError(`${subscriber} unreachable (${causeCode(err)})`);
      }
      if (res.ok) {
        await res.body?.cancel().catch(() => undefined);
        return;
      }
      throw new DeliveryError(`${subscriber} answered HTTP ${res.status}: ${await errorText(res)}`, res.status, res.status === 409);
    },
  };
}
