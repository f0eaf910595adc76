import { randomBytes } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { AGENCY_NAMES, consumerName, DEFAULT_NATS_TOPOLOGY, streamName, subscribingAgencies } from '@nomad/kit';
import { deleteTopology, ensureTopology } from '@nomad/kit/nats';

/** The graph's events on NATS JetStream, for one harness run. */
export interface EventBroker {
  /** What each agency starter takes (`AgencyDeps.nats`). */
  deps: { js: JetStreamClient; prefix: string };
  /** True when no consumer has an event waiting or in flight. */
  quiet(): Promise<boolean>;
  /** Deletes this run's streams and disconnects. */
  close(): Promise<void>;
}

/**
 * With `NOMAD_TEST_EVENTS_TRANSPORT=nats`, the harness's agencies exchange events through the
 * broker at `NOMAD_TEST_NATS_URL` (default nats://127.0.0.1:4222), under a stream prefix of
 * this run's own; otherwise (HTTP push) undefined.
 */
export async function eventBroker(): Promise<EventBroker | undefined> {
  if (process.env.NOMAD_TEST_EVENTS_TRANSPORT !== 'nats') return undefined;
  const nc = await connect({ servers: process.env.NOMAD_TEST_NATS_URL ?? 'nats://127.0.0.1:4222' });
  const jsm = await jetstreamManager(nc);
  const prefix = `e2e${randomBytes(5).toString('hex')}`;
  // Tests must not wait minutes for a redelivery.
  const topology = { ...DEFAULT_NATS_TOPOLOGY, prefix, maxDeliver: 5, ackWaitMs: 5_000 };
  for (const agency of AGENCY_NAMES) await ensureTopology(jsm, topology, agency);
  return {
    deps: { js: jetstream(nc), prefix },
    async quiet() {
      for (const subscriber of subscribingAgencies()) {
        const info = await jsm.consumers.info(streamName(prefix, subscriber), consumerName(subscriber));
        if (info.num_pending > 0 || info.num_ack_pending > 0) return false;
      }
      return true;
    },
    async close() {
      await deleteTopology(jsm, prefix);
      await nc.close();
    },
  };
}
