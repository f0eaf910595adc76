import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { SUBSCRIPTIONS, type Subscriptions } from '../subscriptions.ts';

/**
 * Where events travel on NATS JetStream: one stream per subscribing agency (its queue), one
 * subject per (subscriber, producer, aggregate) inside it, one durable consumer per subscriber.
 *
 *   stream   <PREFIX>_EVENTS_<SUBSCRIBER>        e.g. NOMAD_EVENTS_SECURITY
 *   subject  <prefix>.events.<subscriber>.<producer>.<aggregate>
 *   consumer events-<subscriber> (durable, explicit ack, one message in flight)
 */
export interface NatsTopology {
  /** Names streams and subjects; a unique one per test run keeps runs apart. @default 'nomad' */
  prefix: string;
  /** Largest size of one subscriber's stream; when full, publishing fails and events wait in the outbox. @default 1 GiB */
  maxBytes: number;
  /** The broker drops a second publish of the same event id within this window. @default 600_000 // 10 minutes */
  duplicateWindowMs: number;
  /** Copies of each stream in a NATS cluster (1 on a single server). @default 1 */
  replicas: number;
  /** A message not acknowledged by then is delivered again (a subscriber that died mid-event). @default 60_000 */
  ackWaitMs: number;
  /** Deliveries of one event before the consumer stops offering it (it stays in the stream and the inbox shows FAILED). @default 25 */
  maxDeliver: number;
}

export const DEFAULT_NATS_TOPOLOGY: NatsTopology = {
  prefix: 'nomad',
  maxBytes: 1024 ** 3,
  duplicateWindowMs: 10 * 60 * 1000,
  replicas: 1,
  ackWaitMs: 60_000,
  maxDeliver: 25,
};

/** A prefix usable in stream names and subjects. */
export const NATS_PREFIX_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export function streamName(prefix: string, subscriber: string): string {
  return `${prefix}_EVENTS_${subscriber}`.toUpperCase();
}

export function consumerName(subscriber: string): string {
  return `events-${subscriber}`;
}

/** One subject token: kept as it is when it is safe in a subject, else base64url (a `.` would split it, `*` or `>` would be wildcards). */
function token(value: string): string {
  return /^[A-Za-z0-9_-]+$/.test(value) ? value : `~${Buffer.from(value).toString('base64url')}`;
}

/** The subject of one event for one subscriber: per aggregate, so the stream shows each aggregate's history in order. */
export function eventSubject(prefix: string, subscriber: string, producer: string, aggregateId: string): string {
  return `${prefix}.events.${token(subscriber)}.${token(producer)}.${token(aggregateId)}`;
}

/** Every agency that receives something, from the subscription table. */
export function subscribingAgencies(subscriptions: Subscriptions = SUBSCRIPTIONS): string[] {
  return [...new Set(Object.values(subscriptions).flat())].sort();
}

export function streamConfig(topology: NatsTopology, subscriber: string): StreamConfig {
  return {
    name: streamName(topology.prefix, subscriber),
    subjects: [`${topology.prefix}.events.${token(subscriber)}.>`],
    // A work queue: a message leaves the stream once the subscriber acknowledged it, never before
    // (no age limit: a subscriber away for a week finds its week waiting).
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    // Full: refuse new messages rather than drop old ones; the producer's outbox keeps them.
    discard: DiscardPolicy.New,
    max_bytes: topology.maxBytes,
    max_age: 0,
    max_msgs: -1,
    max_msg_size: -1,
    duplicate_window: nanos(topology.duplicateWindowMs),
    num_replicas: topology.replicas,
  } as StreamConfig;
}

/** What an existing consumer may be brought to. */
function consumerLimits(topology: NatsTopology) {
  return {
    // One event in flight for the whole consumer (every replica of the subscriber): the next is
    // offered only after this one is acknowledged, so each aggregate's events apply in order.
    max_ack_pending: 1,
    ack_wait: nanos(topology.ackWaitMs),
    max_deliver: topology.maxDeliver,
  };
}

export function consumerConfig(topology: NatsTopology, subscriber: string): Partial<ConsumerConfig> {
  return {
    durable_name: consumerName(subscriber),
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ...consumerLimits(topology),
  };
}

/** Creates `config`'s stream, or brings an existing one to it. */
async function ensureStream(jsm: JetStreamManager, config: StreamConfig): Promise<void> {
  try {
    await jsm.streams.add(config);
  } catch {
    // It exists (created by another agency, or with older limits): update what may change.
    const { name, retention: _retention, storage: _storage, ...update } = config;
    await jsm.streams.update(name, update);
  }
}

/**
 * Creates (or updates) from the subscription table every subscriber's stream and, when
 * `agency` receives events, its durable consumer. Idempotent: every agency runs it at start.
 */
export async function ensureTopology(
  jsm: JetStreamManager,
  topology: NatsTopology,
  agency: string,
  subscriptions: Subscriptions = SUBSCRIPTIONS,
): Promise<void> {
  const subscribers = subscribingAgencies(subscriptions);
  for (const subscriber of subscribers) await ensureStream(jsm, streamConfig(topology, subscriber));
  if (!subscribers.includes(agency)) return;
  const stream = streamName(topology.prefix, agency);
  try {
    await jsm.consumers.add(stream, consumerConfig(topology, agency));
  } catch {
    await jsm.consumers.update(stream, consumerName(agency), consumerLimits(topology));
  }
}

/** Deletes every stream whose name starts with `<PREFIX>_EVENTS_` (tests clean up their own prefix). */
export async function deleteTopology(jsm: JetStreamManager, prefix: string): Promise<number> {
  const start = `${prefix}_EVENTS_`.toUpperCase();
  let deleted = 0;
  for await (const name of jsm.streams.names()) {
    if (!name.startsWith(start)) continue;
    await jsm.streams.delete(name);
    deleted += 1;
  }
  return deleted;
}
