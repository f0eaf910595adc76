import DataLoader from 'dataloader';
import { byKey, createAccessRecorder, groupByKey, onceLoader, type ReadRequest } from '@nomad/kit';
import { ACCESS_POLICY } from './personal-fields.ts';
import type { SecurityDb } from './db/index.ts';
import { accessTables, type MeasureEvidenceRow, type ScreeningRow } from './db/schema.ts';
import { getEvidenceByMeasureIds } from './modules/measures/queries.ts';
import { loadRules, type Rules } from './modules/rules/service.ts';
import { getScreeningsByApplicationIds, getScreeningsByIds, getScreeningsByNomadIds } from './modules/screenings/queries.ts';

/**
 * Per-request loaders: built in the context function, never shared between requests (a
 * screening read by a security officer must not be served from a cache to anyone else).
 * Entity references and child fields of a list resolve through them, so a list of N
 * applications costs one statement per field, not N.
 */
export function createLoaders(db: SecurityDb, request: ReadRequest) {
  return {
    /** Records reads of screening details before they are returned. */
    access: createAccessRecorder(db, accessTables, request, ACCESS_POLICY),
    /** The rule table, read at most once per request. */
    rules: onceLoader<'rules', Rules>(() => loadRules(db)),
    screeningById: new DataLoader<string, ScreeningRow | null>(async (ids) =>
      byKey(ids, await getScreeningsByIds(db, { ids }), (r) => r.id),
    ),
    screeningByApplication: new DataLoader<string, ScreeningRow | null>(async (ids) =>
      byKey(ids, await getScreeningsByApplicationIds(db, { applicationIds: ids }), (r) => r.applicationId),
    ),
    /** Newest first. */
    screeningsByNomad: new DataLoader<string, ScreeningRow[]>(async (ids) =>
      groupByKey(ids, await getScreeningsByNomadIds(db, { nomadIds: ids }), (r) => r.nomadId),
    ),
    evidenceByMeasure: new DataLoader<string, MeasureEvidenceRow[]>(async (ids) =>
      groupByKey(ids, await getEvidenceByMeasureIds(db, { measureIds: ids }), (r) => r.measureId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
