import { eventPublisher, type EventPayload, type EventType } from '@nomad/kit';
import type { MigrationDb } from './db/index.ts';
import { inbox, outbox, outboxDeliveries } from './db/schema.ts';
import { carryOverToDependants } from './modules/dependants/carry.ts';

export const eventTables = { outbox, outboxDeliveries, inbox };

const publishOwn = eventPublisher('migration', eventTables);

/**
 * Writes a domain event of the migration authority in the caller's transaction (outbox). A
 * principal's status end carries over to their dependants in the same transaction
 * (modules/dependants/carry.ts), wherever the end is published from.
 */
export async function publish<T extends EventType>(tx: MigrationDb, type: T, aggregateId: string, payload: EventPayload<T>): Promise<string> {
  const id = await publishOwn(tx, type, aggregateId, payload);
  await carryOverToDependants(tx, publishOwn, type, payload);
  return id;
}
