import type { DomainEvent, EventHandlers } from '@nomad/kit';
import type { SecurityDb } from './db/index.ts';
import { watchExpiry, watchRevocation } from './modules/departures/service.ts';
import { openApplicationScreening } from './modules/screenings/service.ts';

/**
 * What GKNB does with migration's facts (SUBSCRIPTIONS sends it these three). Each handler
 * runs in the inbox transaction that records the event id, so a redelivery has no second
 * effect; one that throws leaves the event to be retried.
 */
export const securityEventHandlers = {
  /** Opens the application's screening (once per application: a resubmission opens nothing new). */
  async ApplicationSubmitted(tx: SecurityDb, event: DomainEvent<'ApplicationSubmitted'>): Promise<void> {
    await openApplicationScreening(tx, event.payload);
  },
  /** Watches the former holder's exit deadline (revocation day + 15, as migration computed it). */
  async StatusRevoked(tx: SecurityDb, event: DomainEvent<'StatusRevoked'>): Promise<void> {
    await watchRevocation(tx, event);
  },
  /** Watches an expired holder's departure too (rule `expiry_exit_days`). */
  async StatusExpired(tx: SecurityDb, event: DomainEvent<'StatusExpired'>): Promise<void> {
    await watchExpiry(tx, event);
  },
} satisfies EventHandlers<SecurityDb>;
