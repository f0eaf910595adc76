// Domain rules every agency shares (identifiers, a person's particulars, money): one definition each.
export * from './ids.ts';
export * from './pin.ts';
export * from './person.ts';
export * from './currency.ts';
export * from './money.ts';
export * from './term.ts';
