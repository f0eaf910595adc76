import { describe, expect, it } from 'vitest';
import { byKey, groupByKey, pageSignature } from './loaders.ts';

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

  it('pageSignature tells page requests apart', () => {
    expect(pageSignature({ limit: 5, after: null })).toBe(pageSignature({ limit: 5, after: null }));
    expect(pageSignature({ limit: 5, after: null })).not.toBe(pageSignature({ limit: 6, after: null }));
    expect(pageSignature({ limit: 5, after: { key: 'k', id: '1' } })).not.toBe(pageSignature({ limit: 5, after: null }));
  });
});
