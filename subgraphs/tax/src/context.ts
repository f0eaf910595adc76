import type { RequestContext } from '@nomad/kit';
import type { TaxDb } from './db/index.ts';
import type { Loaders } from './loaders.ts';

export type Context = RequestContext<Loaders, TaxDb>;
