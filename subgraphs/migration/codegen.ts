import type { ResolverTypesConfig } from '../../scripts/codegen.ts';

/**
 * What migration's resolvers receive as parent, per GraphQL type, for `npm run codegen`
 * (src/generated/resolvers-types.ts; paths are relative to src/generated/). A type not listed
 * is the plain object its schema describes.
 */
export const resolverTypes: ResolverTypesConfig = {
  imports: ["import type { CountedConnection, Money as MoneyValue } from '@nomad/kit';"],
  mappers: {
    Nomad: '../db/schema.ts#NomadRow',
    Application: '../db/schema.ts#ApplicationRow',
    ApplicationDocument: '../db/schema.ts#ApplicationDocumentRow',
    Dependant: '../db/schema.ts#DependantRow',
    DependantDocument: '../db/schema.ts#DependantDocumentRow',
    StatusPeriod: '../db/schema.ts#StatusPeriodRow',
    StatusEvent: '../db/schema.ts#StatusEventRow',
    StatusRecommendation: '../db/schema.ts#StatusRecommendationRow',
    NomadStatus: '../modules/status/derive.ts#DerivedStatus',
    ExpiringStatusConnection: '../modules/status/service.ts#ExpiringStatusPage',
    Money: 'MoneyValue',
    NomadConnection: 'CountedConnection<NomadRow>',
    ApplicationConnection: 'CountedConnection<ApplicationRow>',
    ApplicationSearchConnection: 'CountedConnection<ApplicationRow>',
    DependantConnection: 'CountedConnection<DependantRow>',
  },
};
