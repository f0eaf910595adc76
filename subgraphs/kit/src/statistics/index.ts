export * from './disclosure.ts';
export * from './grouped.ts';
export * from './rules.ts';
export * from './counts.ts';
