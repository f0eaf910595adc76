import DataLoader from 'dataloader';
import type { Page } from './pagination.ts';

/**
 * The DataLoader contract for a batch of single values: a dense array in key order, `null`
 * for a key with no row. Rows whose key is null (e.g. a nomad without a PIN) match no key.
 */
export function byKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K | null): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null) map.set(key, row);
  }
  return keys.map((k) => map.get(k) ?? null);
}

/**
 * A row a foreign key promises (an application's nomad, a dependant's principal) for a
 * non-null field: a missing one is a broken database, not a client's mistake, so it throws
 * (masked as INTERNAL_SERVER_ERROR) rather than return null where the schema promises a value.
 */
export async function loadExisting<K, V>(loader: DataLoader<K, V | null>, key: K, what: string): Promise<V> {
  const row = await loader.load(key);
  if (row === null) throw new Error(`${what} is missing: a foreign key points nowhere`);
  return row;
}

/** The DataLoader contract for a batch of lists: one (possibly empty) list per key, in key order. */
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
 * The DataLoader contract for a batch of counts: the count of each key from `count(*) ... group
 * by key` rows, 0 for a key no row names (a group with no rows is absent from such an answer).
 */
export function countByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K, countOf: (row: V) => number): number[] {
  const counts = new Map(rows.map((r) => [keyOf(r), countOf(r)] as const));
  return keys.map((k) => counts.get(k) ?? 0);
}

/** Identifies a page request, so that a loader batches the keys that ask for the same page. */
export function pageSignature(page: Page): string {
  // The position itself, not its cursor: a cursor is encrypted with a fresh nonce each time.
  return `${page.limit}:${page.after ? JSON.stringify([page.after.key, page.after.id]) : ''}`;
}

/** A request for one owner's page of rows, e.g. `{ nomadId, page }`. */
export type PagedKey<F extends string> = Record<F, string> & { page: Page };

/**
 * A loader of one page of child rows per owner (`{ nomadId, page }` → that nomad's page).
 * Keys that ask for the same page (the usual case: one field in a list) are fetched in one
 * statement by `fetchPages(ownerIds, page)`; its rows are handed back to their owner by
 * `ownerOf`. So a list of N owners costs one statement per distinct page, not N.
 */
export function pagedLoader<F extends string, Row>(
  field: F,
  fetchPages: (ownerIds: string[], page: Page) => Promise<Row[]>,
  ownerOf: (row: Row) => string,
): DataLoader<PagedKey<F>, Row[], string> {
  const cacheKey = (k: PagedKey<F>) => `${k[field]}|${pageSignature(k.page)}`;
  return new DataLoader<PagedKey<F>, Row[], string>(
    async (keys) => {
      const groups = new Map<string, { page: Page; ownerIds: string[] }>();
      for (const k of keys) {
        const signature = pageSignature(k.page);
        const group = groups.get(signature) ?? { page: k.page, ownerIds: [] };
        group.ownerIds.push(k[field]);
        groups.set(signature, group);
      }
      const results = new Map<string, Row[]>();
      for (const [signature, group] of groups) {
        const rows = await fetchPages(group.ownerIds, group.page);
        for (const id of group.ownerIds) results.set(`${id}|${signature}`, rows.filter((r) => ownerOf(r) === id));
      }
      return keys.map((k) => results.get(cacheKey(k)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
}

/**
 * A value read at most once per request (a rule table, a list of regimes): every `load` of the
 * request shares the first read. Its key only names the value, e.g. `rules.load('rules')`.
 */
export function onceLoader<K extends string, V>(read: () => Promise<V>): DataLoader<K, V> {
  return new DataLoader<K, V>(async (keys) => {
    const value = await read();
    return keys.map(() => value);
  });
}
