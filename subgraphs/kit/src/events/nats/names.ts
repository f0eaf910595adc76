import { SUBSCRIPTIONS, type Subscriptions } from '../subscriptions.ts';

// The names and settings of the NATS topology, without the NATS client: the kit's main entry
// exports these, and a subgraph on HTTP push never loads @nats-io (see ./index.ts).

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
export function subjectToken(value: string): string {
  return /^[A-Za-z0-9_-]+$/.test(value) ? value : `~${Buffer.from(value).toString('base64url')}`;
}

/** The subject of one event for one subscriber: per aggregate, so the stream shows each aggregate's history in order. */
export function eventSubject(prefix: string, subscriber: string, producer: string, aggregateId: string): string {
  return `${prefix}.events.${subjectToken(subscriber)}.${subjectToken(producer)}.${subjectToken(aggregateId)}`;
}

/** Every agency that receives something, from the subscription table. */
export function subscribingAgencies(subscriptions: Subscriptions = SUBSCRIPTIONS): string[] {
  return [...new Set(Object.values(subscriptions).flat())].sort();
}
