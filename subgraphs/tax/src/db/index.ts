import type { Executor } from '@nomad/kit';
import * as schema from './schema.ts';

export { schema };
export type TaxSchema = typeof schema;
/** The tax database or a transaction of it. */
export type TaxDb = Executor<TaxSchema>;
