export * from './database.ts';
export * from './keys.ts';
