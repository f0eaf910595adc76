import { ignoreEvent, type DomainEvent, type EventHandlers, type EventIgnored } from '@nomad/kit';
import type { App } from './app.ts';
import { bishkekDate } from './clock.ts';
import type { LaborDb } from './db/index.ts';
import { recordRequestedEvaluation } from './modules/evaluations/service.ts';
import { onStatusEnded, onStatusPeriod } from './modules/monitoring/service.ts';
import { onRulesChanged } from './modules/rules/service.ts';

/** A reason to acknowledge the event as ignored, or nothing when it was applied. */
const answer = (ignored: string | null): EventIgnored | undefined => (ignored === null ? undefined : ignoreEvent(ignored));

/**
 * What the Ministry of Labor does with migration's facts. Each handler runs in the inbox
 * transaction that records the event id, so a redelivered event has no second effect; a
 * handler that throws leaves the event to be retried. Handlers write through `tx` only, and
 * check the fact first: an extension, revocation or expiry of a nomad labor has no case for
 * (never announced by a grant) is refused for good (`RejectedEvent`, dead-lettered), never
 * creates one; a status fact older
 * (`occurredAt`) than the last one applied to the case changes nothing (acknowledged as ignored).
 */
export function laborEventHandlers(app: App) {
  return {
    /** A status holder: the monitoring case opens (or reopens). */
    StatusGranted: async (tx: LaborDb, event: DomainEvent<'StatusGranted'>): Promise<EventIgnored | undefined> => {
      return answer(await onStatusPeriod(tx, event.payload, event.occurredAt, 'granted'));
    },
    /** The status goes on: the monitored period moves. A holder no grant announced is refused for good. */
    StatusExtended: async (tx: LaborDb, event: DomainEvent<'StatusExtended'>): Promise<EventIgnored | undefined> => {
      return answer(await onStatusPeriod(tx, event.payload, event.occurredAt, 'extended'));
    },
    StatusRevoked: async (tx: LaborDb, event: DomainEvent<'StatusRevoked'>): Promise<EventIgnored | undefined> => {
      return answer(await onStatusEnded(tx, event.payload.nomadId, 'STATUS_REVOKED', bishkekDate(new Date(event.payload.revokedAt)), event.occurredAt));
    },
    StatusExpired: async (tx: LaborDb, event: DomainEvent<'StatusExpired'>): Promise<EventIgnored | undefined> => {
      return answer(await onStatusEnded(tx, event.payload.nomadId, 'STATUS_EXPIRED', event.payload.expiredOn, event.occurredAt));
    },
    /** Migration's rule values changed: its activity list is the one labor checks against. */
    RulesChanged: async (tx: LaborDb, event: DomainEvent<'RulesChanged'>): Promise<EventIgnored | undefined> => {
      return answer(await onRulesChanged(tx, event));
    },
    /** Migration asks for an expert evaluation of an application: recorded and, if possible, assigned. */
    EvaluationRequested: async (tx: LaborDb, event: DomainEvent<'EvaluationRequested'>): Promise<void> => {
      await recordRequestedEvaluation(tx, app, event.payload);
    },
  } satisfies EventHandlers<LaborDb>;
}
