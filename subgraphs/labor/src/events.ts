import { publishEvent, type EventPayload, type EventType } from '@nomad/kit';
import type { LaborDb } from './db/index.ts';
import { inbox, outbox, outboxDeliveries } from './db/schema.ts';

export const eventTables = { outbox, outboxDeliveries, inbox };

/** Writes a domain event of the Ministry of Labor in the caller's transaction (outbox). */
export function publish<T extends EventType>(tx: LaborDb, type: T, aggregateId: string, payload: EventPayload<T>): Promise<string> {
  return publishEvent(tx, eventTables, 'labor', { type, aggregateId, payload });
}
