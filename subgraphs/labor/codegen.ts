import type { ResolverTypesConfig } from '../../scripts/codegen.ts';

/**
 * What labor's resolvers receive as parent, per GraphQL type, for `npm run codegen`
 * (src/generated/resolvers-types.ts; paths are relative to src/generated/). A type not listed
 * is the plain object its schema describes. Labor holds no nomad or application row: a
 * reference is its key.
 */
export const resolverTypes: ResolverTypesConfig = {
  imports: ["import type { CountedConnection, Money as MoneyValue } from '@nomad/kit';"],
  mappers: {
    Nomad: '{ id: string }',
    Application: '{ id: string }',
    Expert: '../db/schema.ts#ExpertRow',
    ConflictDeclaration: '../db/schema.ts#ExpertConflictRow',
    MonitoringCase: '../db/schema.ts#MonitoringCaseRow',
    CaseAction: '../modules/monitoring/service.ts#CaseActionView',
    ActivityReport: '../db/schema.ts#ActivityReportRow',
    Evaluation: '../db/schema.ts#EvaluationRow',
    Money: 'MoneyValue',
    ExpertConnection: 'CountedConnection<ExpertRow>',
    MonitoringCaseConnection: 'CountedConnection<MonitoringCaseRow>',
    ActivityReportConnection: 'CountedConnection<ActivityReportRow>',
    EvaluationConnection: 'CountedConnection<EvaluationRow>',
  },
};
