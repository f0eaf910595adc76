import type { RequestContext } from '@nomad/kit';
import type { LaborDb } from './db/index.ts';
import type { Loaders } from './loaders.ts';

export type Context = RequestContext<Loaders, LaborDb>;
