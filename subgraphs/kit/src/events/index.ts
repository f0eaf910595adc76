export * from './catalog.ts';
export * from './subscriptions.ts';
export * from './tables.ts';
export * from './outbox.ts';
export * from './transport.ts';
export * from './relay.ts';
export * from './envelope.ts';
export * from './receive.ts';
export { eventsRoute, type EventsRouteOptions } from './route.ts';
export * from './metrics.ts';
export * from './config.ts';
export * from './runtime.ts';
// NATS: the names here; what loads the NATS client (topology calls, transport, consumer) from
// '@nomad/kit/nats', so that a subgraph on HTTP push does not load it. Types cost nothing.
export * from './nats/names.ts';
export type { NatsTransportOptions } from './nats/transport.ts';
export type { NatsConsumer, NatsConsumerOptions } from './nats/consumer.ts';
export { claimDueDeliveries, getDelivery, listDeliveries, requeueDeadDelivery, type ClaimedDelivery, type DeliveryView } from './queries/deliveries.ts';
export { listInboxFailures, type InboxEntry } from './queries/inbox.ts';
export { pruneEvents } from './queries/outbox.ts';
export * from './operations/index.ts';
