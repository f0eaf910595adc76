import type { DomainEvent, EventHandlers, EventIgnored } from '@nomad/kit';
import type { SecurityDb } from './db/index.ts';
import { watchDependantExit, watchExpiry, watchRevocation } from './modules/departures/service.ts';
import { openApplicationScreening, openDependantScreening } from './modules/screenings/service.ts';

/**
 * What GKNB does with migration's facts (SUBSCRIPTIONS sends it these). Each handler
 * runs in the inbox transaction that records the event id, so a redelivery has no second
 * effect; one that throws leaves the event to be retried.
 *
 * A revocation or expiry is the fact that creates an exit watch: GKNB receives no grant, and
 * pilot holders were never screened, so there is no earlier record a "known holder" check
 * could look for; refusing would lose a departure GKNB must watch. The producer's signature
 * (only migration publishes status facts, `PRODUCERS`) guards who says it; the fact itself is
 * checked: a revocation's exit deadline must be the decree's 15 days (else refused for good,
 * `EVENT_FACT_CONFLICT`); the same status end reported again (same nomad, cause and last day),
 * or one older than the latest end already watched for the nomad, opens no watch
 * (acknowledged as ignored). A watch is never changed by a later fact.
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
  /** Screens an adult family member added to a holder or applicant (a child is not screened). */
  async DependantAdded(tx: SecurityDb, event: DomainEvent<'DependantAdded'>): Promise<EventIgnored | undefined> {
    return openDependantScreening(tx, event.payload);
  },
  /** Watches a family member's exit deadline: the principal's, or the one an officer's end of the status set. */
  async DependantStatusEnded(tx: SecurityDb, event: DomainEvent<'DependantStatusEnded'>): Promise<EventIgnored | undefined> {
    return watchDependantExit(tx, event);
  },
} satisfies EventHandlers<SecurityDb>;
