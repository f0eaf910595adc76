import { describe, expect, it } from 'vitest';
import { getOrCreate } from './memo.ts';

describe('getOrCreate', () => {
  it('makes a value once per key and keeps it, in a Map or a WeakMap', () => {
    let made = 0;
    const create = () => ({ n: ++made });
    const map = new Map<string, { n: number }>();
    const first = getOrCreate(map, 'a', create);
    expect(getOrCreate(map, 'a', create)).toBe(first);
    expect(getOrCreate(map, 'b', create)).not.toBe(first);
    expect(made).toBe(2);
    const key = {};
    const weak = new WeakMap<object, { n: number }>();
    expect(getOrCreate(weak, key, create)).toBe(getOrCreate(weak, key, create));
    expect(made).toBe(3);
  });
});
