export * from './database.ts';
export * from './keys.ts';
export * from './pin.ts';
export * from './need-to-know.ts';
export * from './explain.ts';
