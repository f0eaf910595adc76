import type { Resolvers } from '../../generated/resolvers-types.ts';
import { underAgencyNames, type GraphQLResolverMap } from '../../graphql/resolvers.ts';
import type { EventTables } from '../tables.ts';
import { eventOperationFieldNames } from './schema.ts';
import { eventDeliveriesFor, inboxFailuresFor, retryEventDelivery, type EventOperationsContext } from './service.ts';

export interface EventOperationsOptions {
  /** The agency whose subgraph serves these fields; it names them (`<agency>EventDeliveries`, …). */
  agency: string;
  tables: EventTables;
}

/**
 * Resolvers for `eventOperationsTypeDefs(agency)`: merge them into the agency's resolvers
 * (`mergeResolvers`). Authorization is `canOperateEvents` (role `auditor`). Written under the
 * representative agency's field names and typed by the kit's generated `Resolvers`
 * (`REPRESENTATIVE_AGENCY`), served under `agency`'s.
 */
export function eventOperationsResolvers<TContext extends EventOperationsContext>(
  options: EventOperationsOptions,
): GraphQLResolverMap<TContext> {
  const { tables } = options;
  const resolvers: Resolvers<TContext> = {
    Query: {
      agencyEventDeliveries: (_, args, ctx) => eventDeliveriesFor(ctx, tables, args),
      agencyInboxFailures: (_, args, ctx) => inboxFailuresFor(ctx, tables, args),
    },
    Mutation: {
      retryAgencyEventDelivery: (_, args, ctx) => retryEventDelivery(ctx, tables, args),
    },
  };
  return underAgencyNames(resolvers, eventOperationFieldNames, options.agency);
}
