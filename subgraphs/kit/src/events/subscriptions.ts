import { AGENCY_NAMES } from '../agencies.ts';
import { EVENT_TYPES, isEventType, type EventType } from './catalog.ts';

/**
 * Which agency receives which event: DOMAIN.md's table "Cross-agency facts (events)", in one
 * place. The producer's `publishEvent` writes one delivery per subscriber listed here; a
 * subscriber's `POST /events` refuses an event type it is not listed for. Every event type of
 * the catalog has an entry, even with no subscriber (it is still written to the outbox).
 */
export const SUBSCRIPTIONS = {
  ApplicationSubmitted: ['security'],
  ScreeningConcluded: ['migration'],
  EvaluationRequested: ['labor'],
  EvaluationConcluded: ['migration'],
  // GKNB learns holders from grants: a status end of a nomad it never heard of is refused.
  StatusGranted: ['tax', 'labor', 'security'],
  StatusExtended: ['tax', 'labor'],
  StatusRevoked: ['tax', 'labor', 'security'],
  StatusExpired: ['tax', 'labor', 'security'],
  // DOMAIN.md names no consumer for suspensions and reinstatements yet.
  StatusSuspended: [],
  StatusReinstated: [],
  SuspensionRecommended: ['migration'],
  // Family members (docs/domain.md): GKNB screens adult dependants and watches their exit;
  // tax registers no dependant as an IE and labor monitors none, so neither receives them.
  DependantAdded: ['security'],
  // GKNB's outcome of an adult family member's screening: migration approves only a CLEARED one.
  DependantScreeningConcluded: ['migration'],
  DependantGranted: [],
  DependantStatusEnded: ['security'],
  // Every agency (security included) sends its sealed access log to the ledger in security.
  AccessSealed: ['security'],
  // The ledger's own roots are anchored in migration's database.
  LedgerSealed: ['migration'],
  // Labor checks experts' fields and reported activities against migration's list; GKNB checks
  // a revocation's exit deadline against migration's exit days.
  RulesChanged: ['labor', 'security'],
} as const satisfies Record<EventType, readonly string[]>;

/**
 * Which agency may publish which event: the other half of DOMAIN.md's table. A receiver
 * refuses an event whose producer is not listed for its type (403), even when the producer's
 * signature is valid: labor cannot conclude a screening. Every agency seals and sends its own
 * access log; only the ledger (security) seals the ledger.
 */
export const PRODUCERS = {
  ApplicationSubmitted: ['migration'],
  ScreeningConcluded: ['security'],
  EvaluationRequested: ['migration'],
  EvaluationConcluded: ['labor'],
  StatusGranted: ['migration'],
  StatusExtended: ['migration'],
  StatusRevoked: ['migration'],
  StatusExpired: ['migration'],
  StatusSuspended: ['migration'],
  StatusReinstated: ['migration'],
  SuspensionRecommended: ['security'],
  DependantAdded: ['migration'],
  DependantScreeningConcluded: ['security'],
  DependantGranted: ['migration'],
  DependantStatusEnded: ['migration'],
  AccessSealed: ['migration', 'labor', 'tax', 'security'],
  LedgerSealed: ['security'],
  RulesChanged: ['migration'],
} as const satisfies Record<EventType, readonly string[]>;

/** The agencies that may publish `type`. */
export function producersOf(type: EventType): readonly string[] {
  return (PRODUCERS as Record<string, readonly string[]>)[type] ?? [];
}

/** A subscription table: event type → subscriber agency names (`SUBSCRIPTIONS` unless a test gives its own). */
export type Subscriptions = Readonly<Record<string, readonly string[]>>;

/** The agencies that receive `type`. */
export function subscribersOf(type: EventType, subscriptions: Subscriptions = SUBSCRIPTIONS): readonly string[] {
  return subscriptions[type] ?? [];
}

/** The event types `agency` receives. */
export function eventTypesFor(agency: string, subscriptions: Subscriptions = SUBSCRIPTIONS): EventType[] {
  return EVENT_TYPES.filter((t) => subscribersOf(t, subscriptions).includes(agency));
}

/** Raised at start-up when the subscription table or an agency's handlers do not fit the catalog. */
export class SubscriptionError extends Error {
  constructor(readonly problems: string[]) {
    super(`Event subscriptions are misconfigured:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SubscriptionError';
  }
}

/**
 * Checks the subscription table at start-up: every key must be an event type of the catalog,
 * every catalog type must have an entry, and every subscriber must be a known agency. Throws a
 * `SubscriptionError` listing every problem (runSubgraph prints it and exits 1).
 * @param knownAgencies @default AGENCY_NAMES (migration, labor, tax, security)
 */
export function assertSubscriptions(
  knownAgencies: readonly string[] = AGENCY_NAMES,
  subscriptions: Subscriptions = SUBSCRIPTIONS,
): void {
  const problems: string[] = [];
  for (const [type, subscribers] of Object.entries(subscriptions)) {
    if (!isEventType(type)) problems.push(`unknown event type "${type}" (not in EventCatalog)`);
    for (const subscriber of subscribers) {
      if (!knownAgencies.includes(subscriber)) {
        problems.push(`${type}: unknown subscriber "${subscriber}" (known agencies: ${knownAgencies.join(', ')})`);
      }
    }
    if (new Set(subscribers).size !== subscribers.length) problems.push(`${type}: a subscriber is listed twice`);
  }
  for (const type of EVENT_TYPES) {
    if (!Object.hasOwn(subscriptions, type)) problems.push(`${type}: no entry (list its subscribers, or [] for none)`);
  }
  if (problems.length > 0) throw new SubscriptionError(problems);
}

/**
 * Checks an agency's handlers against the table: a handler for every type it subscribes to
 * (else its events would be refused forever) and none for a type it does not receive (that
 * handler would never run: a sign the table or the handler is wrong).
 */
export function assertHandlers(
  agency: string,
  handledTypes: readonly string[],
  subscriptions: Subscriptions = SUBSCRIPTIONS,
): void {
  const expected = eventTypesFor(agency, subscriptions);
  const problems: string[] = [];
  for (const type of expected) {
    if (!handledTypes.includes(type)) problems.push(`${agency} subscribes to ${type} but has no handler for it`);
  }
  for (const type of handledTypes) {
    if (!expected.includes(type as EventType)) {
      problems.push(`${agency} has a handler for ${type} but SUBSCRIPTIONS does not send ${type} to ${agency}`);
    }
  }
  if (problems.length > 0) throw new SubscriptionError(problems);
}
