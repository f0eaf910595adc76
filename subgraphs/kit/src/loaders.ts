import { encodeCursor, type Page } from './pagination.ts';

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

/** Identifies a page request, so that a loader batches the keys that ask for the same page. */
export function pageSignature(page: Page): string {
  return `${page.limit}:${page.after ? encodeCursor(page.after) : ''}`;
}
