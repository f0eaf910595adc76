import { accessLogTables, eventTables, idempotencyTables, ledgerRootTables } from '@nomad/kit';
import { date, integer } from 'drizzle-orm/pg-core';
import { migration } from './shared.ts';

// The tables of no domain module: the embedded ZHAAK's serials, and the kit's tables (access log,
// idempotency keys, events, ledger roots) declared in migration's schema.

/** The embedded ZHAAK: the last PIN serial issued per birth date. */
export const zhaakSerials = migration.table('zhaak_serials', {
  dateOfBirth: date('date_of_birth', { mode: 'string' }).primaryKey(),
  lastSerial: integer('last_serial').notNull(),
});

/** Reads of personal data, hash-chained and append-only (see the kit's access log). */
export const { accessRecords, accessSeals, accessRules } = accessLogTables(migration);
/** The access log's tables, as the kit's recorder, sealer and queries take them. */
export const accessTables = { accessRecords, accessSeals, accessRules };

/** Mutations retried with the same Idempotency-Key take effect once. */
export const { idempotencyKeys } = idempotencyTables(migration);

/** Domain events written with the state change (outbox), their deliveries, and events received (inbox). */
export const { outbox, outboxDeliveries, inbox } = eventTables(migration);

/** The ledger's roots as GKNB sent them: anchored outside GKNB's database. */
export const { ledgerRoots } = ledgerRootTables(migration);
