import type { Executor } from '@nomad/kit';
import * as schema from './schema.ts';

export { schema };
export type MigrationSchema = typeof schema;
/** The migration database or a transaction of it. */
export type MigrationDb = Executor<MigrationSchema>;
