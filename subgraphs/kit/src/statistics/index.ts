export * from './disclosure.ts';
export * from './grouped.ts';
