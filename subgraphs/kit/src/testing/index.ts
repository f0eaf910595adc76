export * from './database.ts';
export * from './keys.ts';
export * from './pin.ts';
