// What the gateway and the subgraphs share, and nothing that loads a database driver: the
// gateway imports only this package (a test proves it never imports @nomad/kit).
export * from './agencies.ts';
export * from './auth.ts';
export * from './env.ts';
export * from './errors.ts';
export * from './headers.ts';
export * from './logger.ts';
export * from './safe-error.ts';
export * from './scalars.ts';
export * from './telemetry.ts';
