export * from './catalog.ts';
export * from './subscriptions.ts';
export * from './tables.ts';
export * from './outbox.ts';
export * from './transport.ts';
export * from './relay.ts';
export * from './route.ts';
export * from './metrics.ts';
export {
  claimDueDeliveries,
  getDelivery,
  listDeliveries,
  listInboxFailures,
  requeueDeadDelivery,
  type ClaimedDelivery,
  type DeliveryView,
  type InboxEntry,
} from './queries.ts';
export * from './operations/index.ts';
