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
export * from './nats/topology.ts';
export { natsTransport, type NatsTransportOptions } from './nats/transport.ts';
export { startNatsConsumer, type NatsConsumer, type NatsConsumerOptions } from './nats/consumer.ts';
export {
  claimDueDeliveries,
  getDelivery,
  listDeliveries,
  listInboxFailures,
  pruneEvents,
  requeueDeadDelivery,
  type ClaimedDelivery,
  type DeliveryView,
  type InboxEntry,
} from './queries.ts';
export * from './operations/index.ts';
