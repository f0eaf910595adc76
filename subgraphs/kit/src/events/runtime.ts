import type { NatsConnection } from '@nats-io/transport-node';
import type { Registry } from 'prom-client';
import type { Database, Executor } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { EventsTransportConfig } from './config.ts';
import type { NatsConsumer } from './nats/consumer.ts';
import { DEFAULT_NATS_TOPOLOGY, subscribingAgencies } from './nats/names.ts';
import { createEventReceiver, type EventHandlers } from './receive.ts';
import { startRelay, type Backoff, type Relay } from './relay.ts';
import type { EventTables } from './tables.ts';
import { httpTransport, type EventTransport } from './transport.ts';
import type { AgencyKeyring } from '../keys/keyring.ts';

export interface EventDeliveryOptions<TSchema extends Record<string, unknown>> {
  agency: string;
  database: Database<TSchema>;
  tables: EventTables;
  handlers: EventHandlers<Executor<TSchema>>;
  config: EventsTransportConfig;
  /** HTTP push: each subscriber's `POST /events` URL, and the service credential. */
  http: { urls: Readonly<Record<string, string>>; serviceSecret: string };
  relay: { pollIntervalMs: number; batchSize: number; maxAttempts: number; timeoutMs: number; backoff: Backoff };
  logger: Logger;
  registry: Registry;
  /** The agency's keyring: signs what it publishes, checks the signature of what it receives. */
  keyring: AgencyKeyring;
}

export interface EventDelivery {
  /** Stops the consumer (the event in flight is finished), then the relay, then closes the broker connection. */
  stop(): Promise<void>;
}

/**
 * Starts what carries an agency's events, by `config.transport`:
 * - `http`: the outbox relay pushes to subscribers' `POST /events` (the route is the caller's);
 * - `nats`: creates the streams and the agency's durable consumer from the subscription table,
 *   starts the relay publishing to JetStream, and applies the agency's own stream through the
 *   same receiver as `POST /events`.
 * The relay wakes on the outbox's NOTIFY in both cases.
 */
export async function startEventDelivery<TSchema extends Record<string, unknown>>(
  options: EventDeliveryOptions<TSchema>,
): Promise<EventDelivery> {
  const { config, logger } = options;
  const nats = config.transport === 'nats' ? await startNats(options, config.nats) : undefined;
  const transport: EventTransport =
    nats?.transport ??
    httpTransport({ urls: options.http.urls, serviceSecret: options.http.serviceSecret, timeoutMs: options.relay.timeoutMs, signer: options.keyring });
  const relay: Relay = startRelay({
    db: options.database.db,
    tables: options.tables,
    agency: options.agency,
    transport,
    logger,
    registry: options.registry,
    listener: options.database.client,
    pollIntervalMs: options.relay.pollIntervalMs,
    batchSize: options.relay.batchSize,
    maxAttempts: options.relay.maxAttempts,
    backoff: options.relay.backoff,
    retentionDays: config.retentionDays,
  });
  return {
    async stop() {
      await nats?.consumer?.stop();
      await relay.stop();
      await nats?.nc.drain().catch(() => undefined);
    },
  };
}

/**
 * The NATS side: connects to the broker, creates the streams and the agency's durable consumer
 * from the subscription table, and starts consuming when the agency receives events.
 * @returns the connection, the JetStream transport for the relay, and the consumer (if any)
 */
async function startNats<TSchema extends Record<string, unknown>>(
  options: EventDeliveryOptions<TSchema>,
  { servers, user, pass, token, ...limits }: EventsTransportConfig['nats'],
): Promise<{ nc: NatsConnection; transport: EventTransport; consumer?: NatsConsumer }> {
  // Loaded here, not at the top: the NATS client is some 0.5 s of a subgraph's start (every
  // restart under `npm run dev`), and only `EVENTS_TRANSPORT=nats` uses it.
  const [{ jetstream, jetstreamManager }, { connect }, { ensureTopology, natsTransport, startNatsConsumer }] = await Promise.all([
    import('@nats-io/jetstream'),
    import('@nats-io/transport-node'),
    import('./nats/index.ts'),
  ]);
  const nc = await connect({
    servers,
    name: options.agency,
    ...(user === undefined ? {} : { user }),
    ...(pass === undefined ? {} : { pass }),
    ...(token === undefined ? {} : { token }),
    // A broker restart must not end the service: keep reconnecting.
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
  const topology = { ...DEFAULT_NATS_TOPOLOGY, ...limits, maxDeliver: options.relay.maxAttempts };
  await ensureTopology(await jetstreamManager(nc), topology, options.agency);
  const js = jetstream(nc);
  const transport = natsTransport({ js, prefix: topology.prefix, timeoutMs: options.relay.timeoutMs, signer: options.keyring });
  if (!subscribingAgencies().includes(options.agency)) return { nc, transport };
  const { logger } = options;
  const consumer = startNatsConsumer({
    js,
    prefix: topology.prefix,
    agency: options.agency,
    receive: createEventReceiver({ db: options.database.db, tables: options.tables, agency: options.agency, handlers: options.handlers, keyring: options.keyring, logger, registry: options.registry }),
    backoff: options.relay.backoff,
    logger,
  });
  return { nc, transport, consumer };
}
