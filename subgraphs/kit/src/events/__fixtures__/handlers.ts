import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import type { AnyDomainEvent } from '../catalog.ts';
import type { EventHandlers } from '../route.ts';
import { eventTypesFor } from '../subscriptions.ts';
import { effects, refusals } from './schema.ts';

/** What the tests look for in `effects`: the application number for ApplicationSubmitted, else the event type. */
export function markerOf(event: AnyDomainEvent): string {
  return event.type === 'ApplicationSubmitted' ? event.payload.applicationNumber : event.type;
}

/**
 * The fixture's effect of any event: one row in `effects`; then, if the marker is listed in
 * `refusals`, it throws, so that the row must roll back with the inbox record.
 */
async function recordEffect(tx: Executor<Record<string, unknown>>, event: AnyDomainEvent): Promise<void> {
  const marker = markerOf(event);
  await tx.insert(effects).values({ eventId: event.id, eventType: event.type, aggregateId: event.aggregateId, marker });
  const [refused] = await tx.select().from(refusals).where(eq(refusals.marker, marker));
  if (refused) throw new Error(`fixture refuses marker ${marker}`);
}

/** A handler for each event type the subscription table sends to `agency`. */
export function fixtureHandlers(agency: string): EventHandlers {
  return Object.fromEntries(
    eventTypesFor(agency).map((type) => [type, (tx: Executor<Record<string, unknown>>, event: AnyDomainEvent) => recordEffect(tx, event)]),
  );
}
