import type { Executor } from '@nomad/kit';
import * as schema from './schema.ts';

export { schema };
export type SecuritySchema = typeof schema;
/** The security database or a transaction of it. */
export type SecurityDb = Executor<SecuritySchema>;
