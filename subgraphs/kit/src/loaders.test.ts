import { describe, expect, it } from 'vitest';
import type { Page } from './pagination.ts';
import { byKey, countByKey, groupByKey, onceLoader, pagedLoader, pageSignature } from './loaders.ts';

describe('loader batch helpers', () => {
  it('byKey returns one value per key, in key order, null for misses and null keys', () => {
    const rows = [{ id: 'b', pin: null }, { id: 'a', pin: '1' }];
    expect(byKey(['a', 'x', 'b'], rows, (r) => r.id)).toEqual([rows[1], null, rows[0]]);
    expect(byKey(['1', 'null'], rows, (r) => r.pin)).toEqual([rows[1], null]);
  });

  it('groupByKey returns one list per key, empty for misses, rows in their order', () => {
    const rows = [{ k: 'a', n: 1 }, { k: 'b', n: 2 }, { k: 'a', n: 3 }];
    expect(groupByKey(['a', 'c', 'b'], rows, (r) => r.k)).toEqual([[rows[0], rows[2]], [], [rows[1]]]);
  });

  it('countByKey returns each key\'s count in key order, 0 for a key no row names', () => {
    const rows = [{ k: 'b', n: 2 }, { k: 'a', n: 5 }];
    expect(countByKey(['a', 'c', 'b'], rows, (r) => r.k, (r) => r.n)).toEqual([5, 0, 2]);
  });

  it('pageSignature tells page requests apart', () => {
    expect(pageSignature({ limit: 5, after: null })).toBe(pageSignature({ limit: 5, after: null }));
    expect(pageSignature({ limit: 5, after: null })).not.toBe(pageSignature({ limit: 6, after: null }));
    expect(pageSignature({ limit: 5, after: { key: 'k', id: '1' } })).not.toBe(pageSignature({ limit: 5, after: null }));
  });
});

describe('pagedLoader', () => {
  interface Row {
    ownerId: string;
    n: number;
  }
  const rows: Row[] = [
    { ownerId: 'a', n: 1 },
    { ownerId: 'b', n: 2 },
    { ownerId: 'a', n: 3 },
  ];

  it('fetches the keys that ask for the same page in one call and hands each owner its rows', async () => {
    const calls: { ownerIds: string[]; page: Page }[] = [];
    const loader = pagedLoader('ownerId', (ownerIds, page) => {
      calls.push({ ownerIds, page });
      return Promise.resolve(rows.filter((r) => ownerIds.includes(r.ownerId)));
    }, (r) => r.ownerId);
    const first: Page = { limit: 2, after: null };
    const second: Page = { limit: 2, after: { key: 'k', id: '1' } };
    const [a, b, c, a2] = await Promise.all([
      loader.load({ ownerId: 'a', page: first }),
      loader.load({ ownerId: 'b', page: first }),
      loader.load({ ownerId: 'c', page: first }),
      loader.load({ ownerId: 'a', page: second }),
    ]);
    expect(calls).toEqual([
      { ownerIds: ['a', 'b', 'c'], page: first },
      { ownerIds: ['a'], page: second },
    ]);
    expect(a).toEqual([rows[0], rows[2]]);
    expect(b).toEqual([rows[1]]);
    expect(c).toEqual([]);
    expect(a2).toEqual([rows[0], rows[2]]);
  });

  it('caches by owner and page, so a repeated key is not fetched again', async () => {
    let fetches = 0;
    const loader = pagedLoader('ownerId', () => {
      fetches += 1;
      return Promise.resolve(rows);
    }, (r) => r.ownerId);
    const page: Page = { limit: 1, after: null };
    await loader.load({ ownerId: 'a', page });
    await loader.load({ ownerId: 'a', page: { limit: 1, after: null } });
    expect(fetches).toBe(1);
    await loader.load({ ownerId: 'a', page: { limit: 2, after: null } });
    expect(fetches).toBe(2);
  });
});

describe('onceLoader', () => {
  it('reads its value once per loader, whatever the number of loads', async () => {
    let reads = 0;
    const loader = onceLoader<'rules', number>(() => Promise.resolve(++reads));
    expect(await Promise.all([loader.load('rules'), loader.load('rules')])).toEqual([1, 1]);
    expect(await loader.load('rules')).toBe(1);
    expect(reads).toBe(1);
  });
});
