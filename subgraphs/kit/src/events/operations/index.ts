export { eventOperationsTypeDefs, eventOperationFieldNames } from './schema.ts';
export { eventOperationsResolvers, type EventOperationsOptions } from './resolvers.ts';
export { canOperateEvents, type EventOperationsContext, type RetryPayload } from './service.ts';
