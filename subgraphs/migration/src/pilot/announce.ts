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
  const stranded = await lockStrandedEvents(tx, { nomadId, exceptEventId: grantEventId });
  for (const event of stranded) {
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
  }
  await deleteDeliveries(tx, { ids: stranded.flatMap((e) => e.deliveries.map((d) => d.id)) });
}

/** What a re-run did for a holder an earlier run imported (in a dry run: what it would do). */
export type AnnouncementCatchUp = 'announced' | 'released' | null;

/**
 * A holder an earlier run imported, caught up in one transaction with the nomad's row locked:
 * - never announced (the import published nothing then): the grant is announced now, once
 *   (`pilot_announcements` checked in the transaction); a holder without a PIN cannot be (the
 *   fact carries it) and is left as it is;
 * - announced by a re-run before it published refused facts again after the grant (before
 *   2 December 2026): the grant still waits behind an older event a subscriber refused or has
 *   not taken, so it is `released`.
 * Either way the holder's facts the agencies could not take follow the grant (`republishAfterGrant`).
 */
export async function catchUpAnnouncement(db: MigrationDb, nomadId: string, dryRun: boolean): Promise<AnnouncementCatchUp> {
  const decide = async (tx: MigrationDb): Promise<{ outcome: AnnouncementCatchUp; publish?: () => Promise<string> }> => {
    const grant = await getUnannouncedPilotGrant(tx, { nomadId });
    if (grant) {
      const { pin } = grant;
      if (pin === null) return { outcome: null };
      return { outcome: 'announced', publish: () => announcePilotGrant(tx, { nomadId, pin, validFrom: grant.validFrom, validUntil: grant.validUntil, grantedAt: grant.grantedAt }) };
    }
    const held = await getGrantHeldBehind(tx, { nomadId });
    return held === undefined ? { outcome: null } : { outcome: 'released', publish: () => Promise.resolve(held) };
  };
  if (dryRun) return (await decide(db)).outcome;
  return db.transaction(async (tx) => {
    await lockNomad(tx, { nomadId });
    const { outcome, publish } = await decide(tx);
    if (publish) await republishAfterGrant(tx, nomadId, await publish());
    return outcome;
  });
}
