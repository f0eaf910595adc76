import type { DomainEvent, EventHandlers, EventIgnored } from '@nomad/kit';
import type { SecurityDb } from './db/index.ts';
import { watchDependantExit, watchExpiry, watchRevocation } from './modules/departures/service.ts';
import { onRulesChanged } from './modules/rules/service.ts';
import { openApplicationScreening, openDependantScreening } from './modules/screenings/service.ts';
import { learnDependant, learnHolder } from './modules/subjects/service.ts';

/**
 * What GKNB does with migration's facts (SUBSCRIPTIONS sends it these). Each handler
 * runs in the inbox transaction that records the event id, so a redelivery has no second
 * effect; one that throws leaves the event to be retried.
 *
 * A status end is checked before it creates an exit watch: its subject must be known to GKNB
 * (a nomad screened on their application or announced by StatusGranted, pilot holders too as
 * the import publishes a grant; a family member announced by DependantAdded), else it is
 * refused for good (`EVENT_SUBJECT_UNKNOWN`, dead-lettered: GKNB never invents a watch; the
 * principal of a known family member not heard of yet is waited for: the event is retried); a
 * revocation's exit deadline must follow migration's `exit_days_after_revocation` as announced
 * when migration computed it (`exitDaysAnnouncedAt`: the value of that `RulesChanged`, waited
 * for if still on its way; else the latest one, the decree's 15 days until the first; otherwise
 * refused for good, `EVENT_FACT_CONFLICT`); the same status end reported again (same nomad, cause and last day),
 * or one older than the latest end already watched for the nomad, opens no watch
 * (acknowledged as ignored). A watch is never changed by a later fact. The producer's signature
 * (only migration publishes status facts, `PRODUCERS`) guards who says it.
 */
export const securityEventHandlers = {
  /** Opens the application's screening (once per application: a resubmission opens nothing new). */
  async ApplicationSubmitted(tx: SecurityDb, event: DomainEvent<'ApplicationSubmitted'>): Promise<void> {
    await openApplicationScreening(tx, event.payload);
  },
  /** Learns the holder (only the id), so that their status end is known to GKNB. */
  async StatusGranted(tx: SecurityDb, event: DomainEvent<'StatusGranted'>): Promise<void> {
    await learnHolder(tx, { nomadId: event.payload.nomadId, occurredAt: event.occurredAt, source: event.type });
  },
  /** Watches the former holder's exit deadline (revocation day + the announced exit days, as migration computed it). */
  async StatusRevoked(tx: SecurityDb, event: DomainEvent<'StatusRevoked'>): Promise<EventIgnored | undefined> {
    return watchRevocation(tx, event);
  },
  /** Watches an expired holder's departure too (rule `expiry_exit_days`). */
  async StatusExpired(tx: SecurityDb, event: DomainEvent<'StatusExpired'>): Promise<EventIgnored | undefined> {
    return watchExpiry(tx, event);
  },
  /** Learns a family member added to a holder or applicant, and screens an adult (a child is not screened). */
  async DependantAdded(tx: SecurityDb, event: DomainEvent<'DependantAdded'>): Promise<EventIgnored | undefined> {
    await learnDependant(tx, { dependantId: event.payload.dependantId, occurredAt: event.occurredAt, source: event.type });
    return openDependantScreening(tx, event.payload);
  },
  /** Watches a family member's exit deadline: the principal's, or the one an officer's end of the status set. */
  async DependantStatusEnded(tx: SecurityDb, event: DomainEvent<'DependantStatusEnded'>): Promise<EventIgnored | undefined> {
    return watchDependantExit(tx, event);
  },
  /** Applies migration's exit days after a revocation (the one source of the rule GKNB checks deadlines against). */
  async RulesChanged(tx: SecurityDb, event: DomainEvent<'RulesChanged'>): Promise<EventIgnored | undefined> {
    return onRulesChanged(tx, event);
  },
} satisfies EventHandlers<SecurityDb>;
