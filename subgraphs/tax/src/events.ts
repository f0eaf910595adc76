import { inbox, outbox, outboxDeliveries } from './db/schema.ts';

/** The kit's event tables in the tax schema: the inbox receives migration's status facts. */
export const eventTables = { outbox, outboxDeliveries, inbox };
