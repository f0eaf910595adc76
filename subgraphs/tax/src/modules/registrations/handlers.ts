import { recordServiceProcessing, type DomainEvent, type EventHandlers } from '@nomad/kit';
import { accessTables } from '../../db/schema.ts';
import { ACCESS_POLICY } from '../../personal-fields.ts';
import type { Clock } from '../../clock.ts';
import type { TaxDb } from '../../db/index.ts';
import { queueDeregistration, queueReregistration } from './service.ts';

/**
 * What the tax service does with migration's status facts. Each handler runs in the inbox
 * transaction that records the event id (so a redelivery has no second effect), and the
 * effects are themselves idempotent: a repeated or late fact leaves the register as it is.
 */
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

export function registrationEventHandlers(clock: Clock) {
  const granted = async (tx: TaxDb, event: DomainEvent<'StatusGranted'> | DomainEvent<'StatusExtended'>) => {
    const { nomadId, pin, validUntil } = event.payload;
    await queueReregistration(tx, { nomadId, pin, validUntil, occurredAt: event.occurredAt, now: clock.now().toISOString() });
    await recordPinProcessing(tx, event, 'Queue the foreign IE for re-registration (status granted or extended)');
  };
  const ended = async (tx: TaxDb, event: DomainEvent<'StatusRevoked'> | DomainEvent<'StatusExpired'>) => {
    const { nomadId, pin } = event.payload;
    await queueDeregistration(tx, { nomadId, pin, occurredAt: event.occurredAt, now: clock.now().toISOString() });
    await recordPinProcessing(tx, event, 'Queue the foreign IE for deregistration (status revoked or expired)');
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
