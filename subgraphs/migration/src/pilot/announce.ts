import { isEventType, parseEventPayload, parsePgTimestamp, publishEvent } from '@nomad/kit';
import type { MigrationDb } from '../db/index.ts';
import { eventTables, publish } from '../events.ts';
import { deleteDeliveries, getGrantHeldBehind, getUnannouncedPilotGrant, insertPilotAnnouncement, lockNomad, lockStrandedEvents } from './queries.ts';

// Announcing an imported pilot holder to the other agencies: the grant fact, once per holder,
// and the holder's facts the agencies could not take before it.

/**
 * The fact a grant publishes, marked as imported: tax queues the IE for re-registration (the
 * decree: every holder), labor opens monitoring, GKNB learns the holder. Recorded in
 * `pilot_announcements`, so that no run announces the holder twice. In the caller's transaction.
 * A grant announced by a later run (`grantedAt`: its GRANTED event's `at`) keeps the time it was
 * granted as its `occurredAt`: the agencies order status facts by it, so the holder's expiry or
 * revocation published since (and published again after the grant) stays newer than the grant.
 */
export async function announcePilotGrant(tx: MigrationDb, grant: { nomadId: string; pin: string; validFrom: string; validUntil: string; grantedAt?: string }): Promise<string> {
  const eventId = await publish(
    tx,
    'StatusGranted',
    grant.nomadId,
    {
      nomadId: grant.nomadId,
      pin: grant.pin,
      periodKind: 'PILOT_2022_2024',
      validFrom: grant.validFrom,
      validUntil: grant.validUntil,
      imported: true,
    },
    grant.grantedAt === undefined ? {} : { occurredAt: parsePgTimestamp(grant.grantedAt).toISOString() },
  );
  await insertPilotAnnouncement(tx, { nomadId: grant.nomadId, eventId });
  return eventId;
}

/**
 * A legacy holder's facts published before their grant was announced (an expiry, a revocation)
 * were refused by the agencies that did not know them (`EVENT_SUBJECT_UNKNOWN`, dead-lettered),
 * and the relay keeps a holder's events in order per subscriber: the grant would wait behind
 * them forever, and a re-queued one would be refused again before the grant. So each such
 * event is published again after the grant — same type, payload and `occurredAt`, a new id —
 * to the subscribers that had not acknowledged it, and those old deliveries are removed (the
 * old event stays in the outbox with the deliveries that succeeded). In the grant's transaction.
 */
async function republishAfterGrant(tx: MigrationDb, nomadId: string, grantEventId: string): Promise<void> {
  for (const event of await lockStrandedEvents(tx, { nomadId, exceptEventId: grantEventId })) {
    const subscribers = event.deliveries.map((d) => d.subscriber);
    const type = event.type;
    // The outbox holds only the catalog's types (publishEvent checked them); another would be a bug.
    if (!isEventType(type)) throw new Error(`outbox event of unknown type ${type}`);
    // occurredAt as PostgreSQL wrote it (to the microsecond; a JS Date would cut it to the millisecond).
    await publishEvent(
      tx,
      eventTables,
      'migration',
      { type, aggregateId: nomadId, payload: parseEventPayload(type, event.payload), occurredAt: event.occurredAt },
      { subscriptions: { [type]: subscribers } },
    );
    await deleteDeliveries(tx, { ids: event.deliveries.map((d) => d.id) });
  }
}

/**
 * A holder an earlier run imported but never announced (before the import published anything)
 * gets the announcement now, once: the nomad's row is locked and `pilot_announcements` checked
 * in the transaction, and their facts the agencies could not take before it follow it
 * (`republishAfterGrant`). Returns whether it announced (in a dry run: whether it would). A holder
 * without a PIN cannot be announced (the fact carries it) and is left as it is.
 */
export async function announceIfNeverAnnounced(db: MigrationDb, nomadId: string, dryRun: boolean): Promise<boolean> {
  if (dryRun) {
    const grant = await getUnannouncedPilotGrant(db, { nomadId });
    return grant !== undefined && grant.pin !== null;
  }
  return db.transaction(async (tx) => {
    await lockNomad(tx, { nomadId });
    const grant = await getUnannouncedPilotGrant(tx, { nomadId });
    if (!grant || grant.pin === null) return false;
    const grantEventId = await announcePilotGrant(tx, { nomadId, pin: grant.pin, validFrom: grant.validFrom, validUntil: grant.validUntil, grantedAt: grant.grantedAt });
    await republishAfterGrant(tx, nomadId, grantEventId);
    return true;
  });
}

/**
 * A holder announced by a re-run before it published their refused facts again after the grant
 * (before 2 December 2026): the grant still waits behind an older event a subscriber refused or
 * has not taken. That event (and any after it) is published again after the grant now, as
 * `republishAfterGrant` does for a new announcement, in one transaction with the nomad's row
 * locked. Returns whether it did (in a dry run: whether it would).
 */
export async function releaseHeldGrant(db: MigrationDb, nomadId: string, dryRun: boolean): Promise<boolean> {
  if (dryRun) return (await getGrantHeldBehind(db, { nomadId })) !== undefined;
  return db.transaction(async (tx) => {
    await lockNomad(tx, { nomadId });
    const grantEventId = await getGrantHeldBehind(tx, { nomadId });
    if (grantEventId === undefined) return false;
    await republishAfterGrant(tx, nomadId, grantEventId);
    return true;
  });
}
