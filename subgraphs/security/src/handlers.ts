import type { DomainEvent, EventHandlers, EventIgnored } from '@nomad/kit';
import type { SecurityDb } from './db/index.ts';
import { watchExpiry, watchRevocation } from './modules/departures/service.ts';
import { openApplicationScreening } from './modules/screenings/service.ts';

/**
 * What GKNB does with migration's facts (SUBSCRIPTIONS sends it these three). Each handler
 * runs in the inbox transaction that records the event id, so a redelivery has no second
 * effect; one that throws leaves the event to be retried.
 *
 * A revocation or expiry is the fact that creates an exit watch: GKNB receives no grant, and
 * pilot holders were never screened, so there is no earlier record a "known holder" check
 * could look for; refusing would lose a departure GKNB must watch. What guards it is the
 * producer's signature (only migration publishes status facts, `PRODUCERS`). A watch is never
 * changed by a later fact, so no order can roll one back; the same status end reported again
 * (same nomad, cause and last day) opens no second watch (acknowledged as ignored).
 */
export const securityEventHandlers = {
  /** Opens the application's screening (once per application: a resubmission opens nothing new). */
  async ApplicationSubmitted(tx: SecurityDb, event: DomainEvent<'ApplicationSubmitted'>): Promise<void> {
    await openApplicationScreening(tx, event.payload);
  },
  /** Watches the former holder's exit deadline (revocation day + 15, as migration computed it). */
  async StatusRevoked(tx: SecurityDb, event: DomainEvent<'StatusRevoked'>): Promise<EventIgnored | undefined> {
    return watchRevocation(tx, event);
  },
  /** Watches an expired holder's departure too (rule `expiry_exit_days`). */
  async StatusExpired(tx: SecurityDb, event: DomainEvent<'StatusExpired'>): Promise<EventIgnored | undefined> {
    return watchExpiry(tx, event);
  },
} satisfies EventHandlers<SecurityDb>;
