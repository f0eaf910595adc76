import type { Executor } from '@nomad/kit';
import * as schema from './schema.ts';

export { schema };
export type LaborSchema = typeof schema;
/** The labor database or a transaction of it. */
export type LaborDb = Executor<LaborSchema>;
