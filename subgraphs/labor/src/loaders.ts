import DataLoader from 'dataloader';
import { byKey, countByKey, createAccessRecorder, groupByKey, onceLoader, pagedLoader, type ReadRequest } from '@nomad/kit';
import type { LaborDb } from './db/index.ts';
import { ACCESS_POLICY } from './personal-fields.ts';
import {
  accessTables,
  type CaseActionRow,
  type EvaluationRow,
  type ExpertConflictRow,
  type ExpertRow,
  type MonitoringCaseRow,
} from './db/schema.ts';
import { getConflictsByExpertIds, getExpertsByIds, getExpertsBySubs } from './modules/experts/queries.ts';
import { getActionsByCaseIds, getCasesByIds, getCasesByNomadIds } from './modules/monitoring/queries.ts';
import { countReportsByNomadIds, getReportPagesByNomadIds } from './modules/reports/queries.ts';
import { getEvaluationsByApplicationIds, getEvaluationsByIds, getEvaluationsByNomadIds } from './modules/evaluations/queries.ts';
import { loadRules, type Rules } from './modules/rules/service.ts';

/**
 * Per-request loaders: built in the context function, never shared between requests (their
 * caches hold what one principal may see). Used outside transactions only.
 */
export function createLoaders(db: LaborDb, request: ReadRequest) {
  return {
    /** Records reads of personal data before they are returned. */
    access: createAccessRecorder(db, accessTables, request, ACCESS_POLICY),
    /** The rule table, read at most once per request. */
    rules: onceLoader<'rules', Rules>(() => loadRules(db)),
    expertById: new DataLoader<string, ExpertRow | null>(async (ids) => byKey(ids, await getExpertsByIds(db, { ids }), (r) => r.id)),
    /** Every expert record of a user (`sub`), newest first: an expert's own view spans them. */
    expertsBySub: new DataLoader<string, ExpertRow[]>(async (subs) =>
      groupByKey(subs, await getExpertsBySubs(db, { subs }), (r) => r.principalSub),
    ),
    conflictsByExpert: new DataLoader<string, ExpertConflictRow[]>(async (ids) =>
      groupByKey(ids, await getConflictsByExpertIds(db, { expertIds: ids }), (r) => r.expertId),
    ),
    caseByNomad: new DataLoader<string, MonitoringCaseRow | null>(async (ids) =>
      byKey(ids, await getCasesByNomadIds(db, { nomadIds: ids }), (r) => r.nomadId),
    ),
    caseById: new DataLoader<string, MonitoringCaseRow | null>(async (ids) => byKey(ids, await getCasesByIds(db, { ids }), (r) => r.id)),
    actionsByCase: new DataLoader<string, CaseActionRow[]>(async (ids) =>
      groupByKey(ids, await getActionsByCaseIds(db, { caseIds: ids }), (r) => r.caseId),
    ),
    evaluationById: new DataLoader<string, EvaluationRow | null>(async (ids) =>
      byKey(ids, await getEvaluationsByIds(db, { ids }), (r) => r.id),
    ),
    evaluationByApplication: new DataLoader<string, EvaluationRow | null>(async (ids) =>
      byKey(ids, await getEvaluationsByApplicationIds(db, { applicationIds: ids }), (r) => r.applicationId),
    ),
    /** Every evaluation of a nomad, newest request first (authorization filters them in the service). */
    evaluationsByNomad: new DataLoader<string, EvaluationRow[]>(async (ids) =>
      groupByKey(ids, await getEvaluationsByNomadIds(db, { nomadIds: ids }), (r) => r.nomadId),
    ),
    reportCountByNomad: new DataLoader<string, number>(async (ids) =>
      countByKey(ids, await countReportsByNomadIds(db, { nomadIds: ids }), (r) => r.nomadId, (r) => r.n),
    ),
    /**
     * Pages of activity reports per nomad. Keys that share the same page arguments (the usual
     * case: one field in a list) are fetched in one statement.
     */
    reportsByNomad: pagedLoader('nomadId', (nomadIds, page) => getReportPagesByNomadIds(db, { nomadIds, page }), (r) => r.nomadId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
