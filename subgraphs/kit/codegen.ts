import type { ResolverTypesConfig } from '../../scripts/codegen.ts';

/**
 * What the kit's own resolvers (shared `Money`, access log, event operations) receive as parent,
 * per GraphQL type, for `npm run codegen` (src/generated/resolvers-types.ts, generated from
 * src/sdl.ts: the representative agency's rendering; paths are relative to src/generated/). A
 * type not listed is the plain object its schema describes. Their context is what the kit
 * needs of every agency's, not an agency's `Context`.
 */
export const resolverTypes: ResolverTypesConfig = {
  imports: ["import type { CountedConnection } from '../pagination.ts';", "import type { Money as MoneyValue } from '../domain/money.ts';"],
  contextType: '../graphql/resolvers.ts#KitResolverContext',
  mappers: {
    Money: 'MoneyValue',
    AgencyAccessRecord: '../access/table.ts#AccessRecordRow',
    AgencyAccessRecordConnection: 'CountedConnection<AccessRecordRow>',
    EventDelivery: '../events/queries/deliveries.ts#DeliveryView',
    EventDeliveryConnection: 'CountedConnection<DeliveryView>',
    InboxFailure: '../events/tables.ts#InboxRow',
    InboxFailureConnection: 'CountedConnection<InboxRow>',
  },
};
