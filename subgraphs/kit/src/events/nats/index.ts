/**
 * The NATS JetStream side of events (`@nomad/kit/nats`): everything here loads the NATS client
 * (@nats-io/*), so the kit's main entry does not export it and `startEventDelivery` imports it
 * only when `EVENTS_TRANSPORT=nats`. A subgraph on HTTP push, as under `npm run dev`, starts
 * without it. The names (streams, subjects, consumers) are in the main entry (./names.ts).
 */
export * from './names.ts';
export * from './topology.ts';
export { natsTransport, type NatsTransportOptions } from './transport.ts';
export { startNatsConsumer, type NatsConsumer, type NatsConsumerOptions } from './consumer.ts';
