export * from './table.ts';
export * from './recorder.ts';
export * from './graphql.ts';
