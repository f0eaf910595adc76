export * from './table.ts';
export * from './recorder.ts';
