import type { ResolverTypesConfig } from '../../scripts/codegen.ts';

/**
 * What tax's resolvers receive as parent, per GraphQL type, for `npm run codegen`
 * (src/generated/resolvers-types.ts; paths are relative to src/generated/). A type not listed
 * is the plain object its schema describes. Tax knows a nomad only by id.
 */
export const resolverTypes: ResolverTypesConfig = {
  imports: ["import type { CountedConnection, Money as MoneyValue } from '@nomad/kit';"],
  mappers: {
    Nomad: '{ id: string }',
    TaxRegistration: '../db/schema.ts#RegistrationRow',
    TaxRegime: '../db/schema.ts#RegimeRow',
    RegisterEntry: '../db/schema.ts#RegisterEntryRow',
    ReregistrationCampaign: '../db/schema.ts#CampaignRow',
    ReregistrationFailure: '../db/schema.ts#CampaignItemRow',
    TaxDeclaration: '../modules/declarations/queries.ts#DeclarationView',
    TaxPayment: '../db/schema.ts#PaymentRow',
    TaxRegimeCount: '{ regimeCode: string; count: number }',
    TaxCurrencyTotals: '../modules/aggregates/service.ts#CurrencyTotalsRow',
    Money: 'MoneyValue',
    TaxRegistrationConnection: 'CountedConnection<RegistrationRow>',
    ReregistrationCampaignConnection: 'CountedConnection<CampaignRow>',
    ReregistrationFailureConnection: 'CountedConnection<CampaignItemRow>',
    TaxDeclarationConnection: 'CountedConnection<DeclarationView>',
  },
};
