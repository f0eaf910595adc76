import DataLoader from 'dataloader';
import { byKey, countByKey, createAccessRecorder, groupByKey, onceLoader, pagedLoader, type ReadRequest } from '@nomad/kit';
import type { MigrationDb } from './db/index.ts';
import { ACCESS_POLICY } from './personal-fields.ts';
import { loadRules, type Rules } from './modules/rules/service.ts';
import {
  accessTables,
  type ApplicationDocumentRow,
  type ApplicationRow,
  type DependantDocumentRow,
  type DependantRow,
  type NomadRow,
  type StatusEventRow,
  type StatusPeriodRow,
  type StatusRecommendationRow,
} from './db/schema.ts';
import { getRecommendationsByNomadIds } from './modules/review/queries.ts';
import { getEventsByNomadIds, getPeriodsByNomadIds } from './modules/status/queries.ts';
import { getLinkFactsByNomadIds, getNomadsByIds, getNomadsByPins } from './modules/nomads/queries.ts';
import type { LinkFacts } from './policy.ts';
import { getDependantDocumentsByDependantIds, getDependantsByIds, getDependantsByPrincipalIds } from './modules/dependants/queries.ts';
import {
  countApplicationsByNomadIds,
  getApplicationPagesByNomadIds,
  getApplicationsByIds,
  getApplicationsByNumbers,
  getDocumentsByApplicationIds,
} from './modules/applications/queries.ts';

/** Per-request loaders: built in the context function, never shared between requests. */
export function createLoaders(db: MigrationDb, request: ReadRequest) {
  return {
    /** Records reads of personal data before they are returned. */
    access: createAccessRecorder(db, accessTables, request, ACCESS_POLICY),
    /** The rule table, read at most once per request. */
    rules: onceLoader<'rules', Rules>(() => loadRules(db)),
    nomadById: new DataLoader<string, NomadRow | null>(async (ids) =>
      byKey(ids, await getNomadsByIds(db, { ids }), (r) => r.id),
    ),
    /**
     * Migration's facts behind other agencies' records of each nomad (the `linked` relation of
     * the need-to-know table): one statement for all the nomads a request asks about.
     */
    linkFactsByNomad: new DataLoader<string, LinkFacts | null>(async (ids) =>
      byKey(ids, await getLinkFactsByNomadIds(db, { ids }), (r) => r.id),
    ),
    nomadByPin: new DataLoader<string, NomadRow | null>(async (pins) =>
      byKey(pins, await getNomadsByPins(db, { pins }), (r) => r.pin ?? ''),
    ),
    applicationById: new DataLoader<string, ApplicationRow | null>(async (ids) =>
      byKey(ids, await getApplicationsByIds(db, { ids }), (r) => r.id),
    ),
    applicationByNumber: new DataLoader<string, ApplicationRow | null>(async (numbers) =>
      byKey(numbers, await getApplicationsByNumbers(db, { numbers }), (r) => r.number),
    ),
    statusPeriodsByNomad: new DataLoader<string, StatusPeriodRow[]>(async (ids) =>
      groupByKey(ids, await getPeriodsByNomadIds(db, { nomadIds: ids }), (r) => r.nomadId),
    ),
    statusEventsByNomad: new DataLoader<string, StatusEventRow[]>(async (ids) =>
      groupByKey(ids, await getEventsByNomadIds(db, { nomadIds: ids }), (r) => r.nomadId),
    ),
    recommendationsByNomad: new DataLoader<string, StatusRecommendationRow[]>(async (ids) =>
      groupByKey(ids, await getRecommendationsByNomadIds(db, { nomadIds: ids }), (r) => r.nomadId),
    ),
    documentsByApplication: new DataLoader<string, ApplicationDocumentRow[]>(async (ids) =>
      groupByKey(ids, await getDocumentsByApplicationIds(db, { applicationIds: ids }), (r) => r.applicationId),
    ),
    dependantById: new DataLoader<string, DependantRow | null>(async (ids) =>
      byKey(ids, await getDependantsByIds(db, { ids }), (r) => r.id),
    ),
    dependantsByPrincipal: new DataLoader<string, DependantRow[]>(async (ids) =>
      groupByKey(ids, await getDependantsByPrincipalIds(db, { principalIds: ids }), (r) => r.principalId),
    ),
    documentsByDependant: new DataLoader<string, DependantDocumentRow[]>(async (ids) =>
      groupByKey(ids, await getDependantDocumentsByDependantIds(db, { dependantIds: ids }), (r) => r.dependantId),
    ),
    /** How many applications each nomad has: one statement for every nomad asked. */
    applicationCountByNomad: new DataLoader<string, number>(async (ids) =>
      countByKey(ids, await countApplicationsByNomadIds(db, { nomadIds: ids }), (r) => r.nomadId, (r) => r.n),
    ),
    /**
     * Pages of applications per nomad. Keys that share the same page arguments (the usual
     * case: one field in a list) are fetched in one statement.
     */
    applicationsByNomad: pagedLoader('nomadId', (nomadIds, page) => getApplicationPagesByNomadIds(db, { nomadIds, page }), (r) => r.nomadId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
