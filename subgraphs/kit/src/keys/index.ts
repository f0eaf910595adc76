export * from './parse.ts';
export * from './keyring.ts';
export * from './load.ts';
