import { z } from 'zod';
import { DEFAULT_NATS_TOPOLOGY, NATS_PREFIX_PATTERN } from './nats/names.ts';

const positiveInt = z.coerce.number().int().positive();
const natsUrl = z
  .string()
  .min(1)
  .refine((v) => v.split(',').every((u) => /^(nats|tls):\/\/[^\s,]+$/.test(u.trim())), 'must be nats:// (or tls://) URLs, comma-separated');

/**
 * The event-transport settings every subgraph reads (beside `SERVICE_SECRET`, the
 * `<AGENCY>_EVENTS_URL`s and the relay's `EVENTS_*` in `subgraphEnvSchema`).
 */
export const eventsTransportEnvShape = {
  /** `http`: the relay pushes to each subscriber's `POST /events` (one machine, the default). `nats`: NATS JetStream. @default http */
  EVENTS_TRANSPORT: z.enum(['http', 'nats']).default('http'),
  /** The NATS servers, comma-separated. @default nats://127.0.0.1:4222 */
  NATS_URL: natsUrl.default('nats://127.0.0.1:4222'),
  /** NATS user and password, or a token, when the server requires them. @default none */
  NATS_USER: z.string().min(1).optional(),
  NATS_PASSWORD: z.string().min(1).optional(),
  NATS_TOKEN: z.string().min(1).optional(),
  /** Prefix of stream names and subjects (`<PREFIX>_EVENTS_<AGENCY>`, `<prefix>.events.…`). @default nomad */
  NATS_STREAM_PREFIX: z.string().regex(NATS_PREFIX_PATTERN, 'must be 1–32 of A-Z a-z 0-9 _ -').default(DEFAULT_NATS_TOPOLOGY.prefix),
  /** Largest size of one subscriber's stream, in bytes. @default 1 GiB */
  NATS_STREAM_MAX_BYTES: positiveInt.default(DEFAULT_NATS_TOPOLOGY.maxBytes),
  /** Copies of each stream in a NATS cluster. @default 1 */
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(DEFAULT_NATS_TOPOLOGY.replicas),
  /** The broker's de-duplication window for a republished event id. @default 600000 // 10 minutes */
  NATS_DUPLICATE_WINDOW_MS: positiveInt.default(DEFAULT_NATS_TOPOLOGY.duplicateWindowMs),
  /** An event not acknowledged by the subscriber within this is offered again. @default 60000 */
  NATS_ACK_WAIT_MS: positiveInt.default(DEFAULT_NATS_TOPOLOGY.ackWaitMs),
  /**
   * Days a delivered event (outbox) and a processed event (inbox) are kept before pruning; 0
   * keeps them for ever. It must exceed the longest time an event can be sent again (the
   * relay's retries: about 2.8 hours by default), or a late redelivery would find no inbox
   * entry and take effect twice. @default 30
   */
  EVENTS_RETENTION_DAYS: z.coerce.number().int().min(0).default(30),
};

type Shape = typeof eventsTransportEnvShape;
type ParsedEnv = { [K in keyof Shape]: z.output<Shape[K]> };

/** How an agency's events travel, from its parsed env. */
export interface EventsTransportConfig {
  transport: 'http' | 'nats';
  retentionDays: number;
  nats: {
    servers: string[];
    user?: string;
    pass?: string;
    token?: string;
    prefix: string;
    maxBytes: number;
    replicas: number;
    duplicateWindowMs: number;
    ackWaitMs: number;
  };
}

export function eventsTransportConfig(env: ParsedEnv): EventsTransportConfig {
  return {
    transport: env.EVENTS_TRANSPORT,
    retentionDays: env.EVENTS_RETENTION_DAYS,
    nats: {
      servers: env.NATS_URL.split(',').map((u) => u.trim()),
      ...(env.NATS_USER === undefined ? {} : { user: env.NATS_USER }),
      ...(env.NATS_PASSWORD === undefined ? {} : { pass: env.NATS_PASSWORD }),
      ...(env.NATS_TOKEN === undefined ? {} : { token: env.NATS_TOKEN }),
      prefix: env.NATS_STREAM_PREFIX,
      maxBytes: env.NATS_STREAM_MAX_BYTES,
      replicas: env.NATS_STREAM_REPLICAS,
      duplicateWindowMs: env.NATS_DUPLICATE_WINDOW_MS,
      ackWaitMs: env.NATS_ACK_WAIT_MS,
    },
  };
}
