import DataLoader from 'dataloader';
import { createAccessRecorder, type ReadRequest } from '@nomad/kit';
import type { SecurityDb } from './db/index.ts';
import { accessLog, accessLogHead, type MeasureEvidenceRow, type ScreeningRow } from './db/schema.ts';
import { getEvidenceByMeasureIds } from './modules/measures/queries.ts';
import { loadRules, type Rules } from './modules/rules/service.ts';
import { getScreeningsByApplicationIds, getScreeningsByIds, getScreeningsByNomadIds } from './modules/screenings/queries.ts';

/** Dense array in key order, `null` for misses: the DataLoader contract. */
export function byKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K | null): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) {
    const k = keyOf(row);
    if (k !== null) map.set(k, row);
  }
  return keys.map((k) => map.get(k) ?? null);
}

/** Rows grouped per key, in key order, keeping the rows' own order within a group. */
export function groupByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row));
    if (list) list.push(row);
    else map.set(keyOf(row), [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * Per-request loaders: built in the context function, never shared between requests (a
 * screening read by a security officer must not be served from a cache to anyone else).
 * Entity references and child fields of a list resolve through them, so a list of N
 * applications costs one statement per field, not N.
 */
export function createLoaders(db: SecurityDb, request: ReadRequest) {
  return {
    /** Records reads of screening details before they are returned. */
    access: createAccessRecorder(db, { accessLog, accessLogHead }, request),
    /** The rule table, read at most once per request. */
    rules: new DataLoader<'rules', Rules>(async (keys) => {
      const rules = await loadRules(db);
      return keys.map(() => rules);
    }),
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
