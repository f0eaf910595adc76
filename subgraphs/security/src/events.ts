import { publishEvent, type EventPayload, type EventType } from '@nomad/kit';
import type { SecurityDb } from './db/index.ts';
import { inbox, outbox, outboxDeliveries } from './db/schema.ts';

export const eventTables = { outbox, outboxDeliveries, inbox };

/** Writes a domain event of GKNB in the caller's transaction (outbox). */
export function publish<T extends EventType>(tx: SecurityDb, type: T, aggregateId: string, payload: EventPayload<T>): Promise<string> {
  return publishEvent(tx, eventTables, 'security', { type, aggregateId, payload });
}
