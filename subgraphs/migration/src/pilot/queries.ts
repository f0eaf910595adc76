import { and, asc, eq, exists, inArray, isNull, lt, ne } from 'drizzle-orm';
import type { MigrationDb } from '../db/index.ts';
import { nomads, outbox, outboxDeliveries, pilotAnnouncements, statusEvents, statusPeriods, type NomadRow } from '../db/schema.ts';

/** What an import compares to tell a re-run (same person) from a clash (another person). */
export type RegisteredIdentity = Pick<NomadRow, 'id' | 'surname' | 'givenNames' | 'dateOfBirth' | 'sex' | 'source'>;

export async function getIdentityByPassport(db: MigrationDb, params: { country: string; number: string }): Promise<RegisteredIdentity | undefined> {
  const [row] = await db
    .select({ id: nomads.id, surname: nomads.surname, givenNames: nomads.givenNames, dateOfBirth: nomads.dateOfBirth, sex: nomads.sex, source: nomads.source })
    .from(nomads)
    .where(and(eq(nomads.passportCountry, params.country), eq(nomads.passportNumber, params.number)));
  return row;
}

export async function getNomadIdByPin(db: MigrationDb, params: { pin: string }): Promise<string | undefined> {
  const [row] = await db.select({ id: nomads.id }).from(nomads).where(eq(nomads.pin, params.pin));
  return row?.id;
}

export async function insertNomad(db: MigrationDb, params: { nomad: typeof nomads.$inferInsert & { id: string } }): Promise<NomadRow> {
  const [row] = await db.insert(nomads).values(params.nomad).returning();
  if (!row) throw new Error('insert of nomad returned no row');
  return row;
}

/** Locks the nomad's row until the transaction ends: two runs announcing the same holder take turns. */
export async function lockNomad(db: MigrationDb, params: { nomadId: string }): Promise<void> {
  await db.select({ id: nomads.id }).from(nomads).where(eq(nomads.id, params.nomadId)).for('update');
}

/**
 * An imported holder's pilot grant (PIN, period, and `grantedAt`: the `at` of the period's GRANTED
 * event) when it was never announced (one statement).
 */
export async function getUnannouncedPilotGrant(
  db: MigrationDb,
  params: { nomadId: string },
): Promise<{ pin: string | null; validFrom: string; validUntil: string; grantedAt: string } | undefined> {
  const [row] = await db
    .select({ pin: nomads.pin, validFrom: statusPeriods.validFrom, validUntil: statusPeriods.validUntil, grantedAt: statusEvents.at })
    .from(nomads)
    .innerJoin(statusPeriods, and(eq(statusPeriods.nomadId, nomads.id), eq(statusPeriods.kind, 'PILOT_2022_2024')))
    .innerJoin(statusEvents, and(eq(statusEvents.periodId, statusPeriods.id), eq(statusEvents.kind, 'GRANTED')))
    .leftJoin(pilotAnnouncements, eq(pilotAnnouncements.nomadId, nomads.id))
    .where(and(eq(nomads.id, params.nomadId), eq(nomads.source, 'PILOT_2022_2024'), isNull(pilotAnnouncements.nomadId)))
    .orderBy(statusPeriods.validFrom)
    .limit(1);
  return row;
}

/**
 * The announced grant (its StatusGranted id) of a holder when an older event of theirs still
 * waits at some subscriber (pending, failing or dead): the relay keeps a holder's events in order
 * per subscriber, so the grant is held behind it. Announced by a re-run before the re-run
 * published such events again after the grant. One statement; none when the grant left the outbox.
 */
export async function getGrantHeldBehind(db: MigrationDb, params: { nomadId: string }): Promise<string | undefined> {
  const older = db
    .select({ id: outboxDeliveries.id })
    .from(outboxDeliveries)
    .where(and(eq(outboxDeliveries.aggregateId, params.nomadId), ne(outboxDeliveries.state, 'DELIVERED'), lt(outboxDeliveries.seq, outbox.seq)));
  const [row] = await db
    .select({ eventId: outbox.id })
    .from(pilotAnnouncements)
    .innerJoin(outbox, eq(outbox.id, pilotAnnouncements.eventId))
    .where(and(eq(pilotAnnouncements.nomadId, params.nomadId), exists(older)))
    .limit(1);
  return row?.eventId;
}

/** Records that the holder's pilot grant was announced (StatusGranted `eventId`). */
export async function insertPilotAnnouncement(db: MigrationDb, params: { nomadId: string; eventId: string }): Promise<void> {
  await db.insert(pilotAnnouncements).values({ nomadId: params.nomadId, eventId: params.eventId });
}

/** An event of the holder still undelivered to some subscribers, with those deliveries. */
export interface StrandedEvent {
  type: string;
  payload: unknown;
  occurredAt: string;
  deliveries: { id: string; subscriber: string }[];
}

/**
 * The holder's events, other than `exceptEventId`, that some subscriber has not acknowledged
 * (pending, failing or dead), oldest first, with those delivery rows locked until the
 * transaction ends (a relay sending one meanwhile finishes first; one it delivered drops out).
 * Two statements: the lock on the delivery rows alone, then their events.
 */
export async function lockStrandedEvents(db: MigrationDb, params: { nomadId: string; exceptEventId: string }): Promise<StrandedEvent[]> {
  const open = await db
    .select({ id: outboxDeliveries.id, eventId: outboxDeliveries.eventId, subscriber: outboxDeliveries.subscriber })
    .from(outboxDeliveries)
    .where(and(eq(outboxDeliveries.aggregateId, params.nomadId), ne(outboxDeliveries.state, 'DELIVERED'), ne(outboxDeliveries.eventId, params.exceptEventId)))
    .orderBy(asc(outboxDeliveries.seq), asc(outboxDeliveries.subscriber))
    .for('update');
  if (open.length === 0) return [];
  const events = await db
    .select({ id: outbox.id, type: outbox.type, payload: outbox.payload, occurredAt: outbox.occurredAt })
    .from(outbox)
    .where(inArray(outbox.id, [...new Set(open.map((d) => d.eventId))]))
    .orderBy(asc(outbox.seq));
  return events.map((e) => ({ type: e.type, payload: e.payload, occurredAt: e.occurredAt, deliveries: open.filter((d) => d.eventId === e.id).map(({ id, subscriber }) => ({ id, subscriber })) }));
}

/** Removes delivery rows whose events were published again (`lockStrandedEvents` locked them). */
export async function deleteDeliveries(db: MigrationDb, params: { ids: string[] }): Promise<void> {
  if (params.ids.length === 0) return;
  await db.delete(outboxDeliveries).where(inArray(outboxDeliveries.id, params.ids));
}
