// Domain rules every agency shares (identifiers, patterns, money): one definition each.
export * from './pin.ts';
export * from './money.ts';
export * from './person.ts';
