import { publishEvent, type EventPayload, type EventType } from '@nomad/kit';
import type { MigrationDb } from './db/index.ts';
import { inbox, outbox, outboxDeliveries } from './db/schema.ts';
import { carryOverToDependants } from './modules/dependants/carry.ts';
import { announceRuleChangesWith } from './modules/rules/announce.ts';
import { getAnnouncedAt } from './modules/rules/queries.ts';

export const eventTables = { outbox, outboxDeliveries, inbox };

/** Options of `publish`. */
export interface EventTiming {
  /**
   * When the fact happened (ISO 8601), for a fact announced after the change it reports (a pilot
   * grant announced by a later import run): the agencies order status facts by it.
   * @default the transaction's `now()`
   */
  occurredAt?: string;
}

const publishRaw = <T extends EventType>(tx: MigrationDb, type: T, aggregateId: string, payload: EventPayload<T>, options: EventTiming = {}): Promise<string> =>
  publishEvent(tx, eventTables, 'migration', { type, aggregateId, payload, ...(options.occurredAt === undefined ? {} : { occurredAt: options.occurredAt }) });

/**
 * Migration's outbox publisher. An event with an exit deadline (a revocation, a family member's
 * end with one) is preceded in the outbox by the announcement of a changed rule (`RulesChanged`)
 * and names when the exit days it follows were announced (`exitDaysAnnouncedAt`), so that GKNB,
 * which may receive the two in either order, waits for the announcement before it checks the
 * deadline against the rule.
 */
const publishOwn = async <T extends EventType>(tx: MigrationDb, type: T, aggregateId: string, payload: EventPayload<T>, options: EventTiming = {}): Promise<string> => {
  if (!carriesExitDeadline(type, payload)) return publishRaw(tx, type, aggregateId, payload, options);
  await announceRuleChangesWith(tx, publishRaw);
  const exitDaysAnnouncedAt = await getAnnouncedAt(tx, { key: 'exit_days_after_revocation' });
  return publishRaw(tx, type, aggregateId, exitDaysAnnouncedAt ? { ...payload, exitDaysAnnouncedAt } : payload, options);
};

function carriesExitDeadline(type: EventType, payload: EventPayload<EventType>): boolean {
  if (type === 'StatusRevoked') return true;
  return type === 'DependantStatusEnded' && (payload as EventPayload<'DependantStatusEnded'>).exitDeadline !== null;
}

/**
 * Writes a domain event of the migration authority in the caller's transaction (outbox). A
 * principal's status end carries over to their dependants in the same transaction
 * (modules/dependants/carry.ts), wherever the end is published from.
 */
export async function publish<T extends EventType>(tx: MigrationDb, type: T, aggregateId: string, payload: EventPayload<T>, options: EventTiming = {}): Promise<string> {
  const id = await publishOwn(tx, type, aggregateId, payload, options);
  await carryOverToDependants(tx, publishOwn, type, payload);
  return id;
}

/**
 * Announces the rule values other agencies apply when they changed since the last announcement
 * (modules/rules/announce.ts). Returns whether it announced.
 */
export function announceRuleChanges(db: MigrationDb): Promise<boolean> {
  return announceRuleChangesWith(db, publishRaw);
}
