import { fileURLToPath } from 'node:url';
import * as schema from './schema.ts';

/** The fixture agency's generated migrations. */
export const FIXTURE_MIGRATIONS = fileURLToPath(new URL('./drizzle', import.meta.url));

export type FixtureSchema = typeof schema;

/** The fixture's event tables, as an agency passes them to the kit. */
export const fixtureTables = { outbox: schema.outbox, outboxDeliveries: schema.outboxDeliveries, inbox: schema.inbox };
