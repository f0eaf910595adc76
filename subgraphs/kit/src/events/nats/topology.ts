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
import { consumerName, streamName, subjectToken, subscribingAgencies, type NatsTopology } from './names.ts';

export function streamConfig(topology: NatsTopology, subscriber: string): StreamConfig {
  return {
    name: streamName(topology.prefix, subscriber),
    subjects: [`${topology.prefix}.events.${subjectToken(subscriber)}.>`],
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
