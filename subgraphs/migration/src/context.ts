import type { RequestContext } from '@nomad/kit';
import type { MigrationDb } from './db/index.ts';
import type { Loaders } from './loaders.ts';

export type Context = RequestContext<Loaders, MigrationDb>;
