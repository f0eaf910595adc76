import { eventPublisher } from '@nomad/kit';
import { inbox, outbox, outboxDeliveries } from './db/schema.ts';

export const eventTables = { outbox, outboxDeliveries, inbox };

/** Writes a domain event of the migration authority in the caller's transaction (outbox). */
export const publish = eventPublisher('migration', eventTables);
