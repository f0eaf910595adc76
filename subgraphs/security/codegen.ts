import type { ResolverTypesConfig } from '../../scripts/codegen.ts';

/**
 * What security's resolvers receive as parent, per GraphQL type, for `npm run codegen`
 * (src/generated/resolvers-types.ts; paths are relative to src/generated/). A type not listed
 * is the plain object its schema describes. GKNB holds no nomad, application or dependant
 * row: a reference is its key.
 */
export const resolverTypes: ResolverTypesConfig = {
  imports: ["import type { CountedConnection } from '@nomad/kit';"],
  mappers: {
    Nomad: '{ id: string }',
    Application: '{ id: string }',
    Dependant: '{ id: string }',
    Screening: '../db/schema.ts#ScreeningRow',
    Clearance: '../modules/screenings/service.ts#ClearanceView',
    ExitWatch: '../db/schema.ts#ExitWatchRow',
    AccessLogEntry: '../modules/ledger/service.ts#AccessLogEntryView',
    TechnicalMeasure: '../modules/measures/service.ts#MeasureView',
    MeasureEvidence: '../db/schema.ts#MeasureEvidenceRow',
    ScreeningConnection: 'CountedConnection<ScreeningRow>',
    ExitWatchConnection: 'CountedConnection<ExitWatchRow>',
    AccessLogConnection: 'CountedConnection<AccessLogEntryView>',
    TechnicalMeasureConnection: 'CountedConnection<MeasureView>',
  },
};
