import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { PageArgs } from '../../pagination.ts';
import type { DeliveryState, EventTables } from '../tables.ts';
import { eventOperationFieldNames } from './schema.ts';
import { eventDeliveriesFor, inboxFailuresFor, retryEventDelivery, type EventOperationsContext } from './service.ts';

export interface EventOperationsOptions {
  /** The agency whose subgraph serves these fields; it names them (`<agency>EventDeliveries`, …). */
  agency: string;
  tables: EventTables;
}

/**
 * Resolvers for `eventOperationsTypeDefs(agency)`: merge them into the agency's resolvers
 * (`mergeResolvers`). Authorization is `canOperateEvents` (role `auditor`).
 */
export function eventOperationsResolvers<TContext extends EventOperationsContext>(
  options: EventOperationsOptions,
): GraphQLResolverMap<TContext> {
  const { tables } = options;
  const f = eventOperationFieldNames(options.agency);
  return {
    Query: {
      [f.deliveries]: (_: unknown, args: PageArgs & { state?: DeliveryState | null }, ctx: TContext) => eventDeliveriesFor(ctx, tables, args),
      [f.inboxFailures]: (_: unknown, args: PageArgs, ctx: TContext) => inboxFailuresFor(ctx, tables, args),
    },
    Mutation: {
      [f.retry]: (_: unknown, args: { id: string }, ctx: TContext) => retryEventDelivery(ctx, tables, args),
    },
  };
}
