export * from './services.ts';
export * from './supervisor.ts';
export * from './env.ts';
