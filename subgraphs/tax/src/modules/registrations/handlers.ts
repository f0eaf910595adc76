import { ignoreEvent, recordServiceProcessing, type DomainEvent, type EventHandlers, type EventIgnored } from '@nomad/kit';
import { accessTables } from '../../db/schema.ts';
import { ACCESS_POLICY } from '../../personal-fields.ts';
import type { Clock } from '../../clock.ts';
import type { TaxDb } from '../../db/index.ts';
import { queueDeregistration, queueReregistration } from './service.ts';

/** Processing of the holder's PIN by an event handler: recorded in the handler's transaction. */
function recordPinProcessing(tx: TaxDb, event: DomainEvent<'StatusGranted' | 'StatusExtended' | 'StatusRevoked' | 'StatusExpired'>, purpose: string) {
  return recordServiceProcessing(tx, accessTables, ACCESS_POLICY, {
    service: `${event.type} from ${event.producer}`,
    purpose,
    subjectIds: [event.payload.nomadId],
    fields: ['TaxRegistration.pin'],
    bulk: false,
    correlationId: event.id,
  });
}

/**
 * What the tax service does with migration's status facts. Each handler runs in the inbox
 * transaction that records the event id (so a redelivery has no second effect), and checks
 * the fact against the register before applying it:
 * - a grant creates the registration when the register has none (by PIN or nomad): every
 *   holder is announced by one, pilot holders too (the import publishes StatusGranted);
 * - an extension, revocation or expiry of a holder with no registration is refused for good
 *   (`EVENT_SUBJECT_UNKNOWN`, dead-lettered), never creates one;
 * - a registration whose PIN and nomad disagree with the fact's is refused for good (`EVENT_FACT_CONFLICT`);
 * - a fact older (`occurredAt`) than the last applied (`last_fact_at`) changes nothing and is
 *   acknowledged as ignored: a revocation delivered after a later re-grant does not deregister.
 */
export function registrationEventHandlers(clock: Clock) {
  const granted = async (tx: TaxDb, event: DomainEvent<'StatusGranted'> | DomainEvent<'StatusExtended'>): Promise<void | EventIgnored> => {
    const { nomadId, pin, validUntil, activityCode } = event.payload;
    const announcement = event.type === 'StatusGranted' ? 'granted' : 'extended';
    const result = await queueReregistration(tx, { nomadId, pin, validUntil, activityCode, announcement, occurredAt: event.occurredAt, now: clock.now().toISOString() });
    await recordPinProcessing(tx, event, 'Queue the foreign IE for re-registration (status granted or extended)');
    if (result.ignored) return ignoreEvent(result.ignored);
  };
  const ended = async (tx: TaxDb, event: DomainEvent<'StatusRevoked'> | DomainEvent<'StatusExpired'>): Promise<void | EventIgnored> => {
    const { nomadId, pin } = event.payload;
    const result = await queueDeregistration(tx, { nomadId, pin, occurredAt: event.occurredAt, now: clock.now().toISOString() });
    await recordPinProcessing(tx, event, 'Queue the foreign IE for deregistration (status revoked or expired)');
    if (result.ignored) return ignoreEvent(result.ignored);
  };
  return {
    /** A grant queues the IE for re-registration, or for its first registration. */
    StatusGranted: granted,
    /** So does the 1-year extension and each renewal. */
    StatusExtended: granted,
    /** A revocation queues the deregistration. */
    StatusRevoked: ended,
    /** So does an expiry. */
    StatusExpired: ended,
  } satisfies EventHandlers<TaxDb>;
}
