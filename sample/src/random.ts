/** Deterministic PRNG (mulberry32): the same seed gives the same sample data on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => {
      const item = list[Math.floor(next() * list.length)];
      if (item === undefined) throw new Error('pick from empty list');
      return item;
    },
  };
}

export type Rnd = ReturnType<typeof prng>;

/** Deterministic UUID-shaped id from a number, so re-seeding a fresh database gives the same ids. */
export function seededUuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `5eed0000-0000-4000-8000-${hex}`;
}
