/** What a `Map` or `WeakMap` offers a cache. */
interface Keyed<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value `map` holds for `key`; the first time, the one `create` makes, kept in `map`. */
export function getOrCreate<K, V>(map: Keyed<K, V>, key: K, create: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = create();
  map.set(key, made);
  return made;
}
