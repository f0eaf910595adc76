/** The root fields of one agency's event operations: prefixed, because every subgraph has its own. */
export function eventOperationFieldNames(agency: string) {
  const capitalised = agency.charAt(0).toUpperCase() + agency.slice(1);
  return {
    deliveries: `${agency}EventDeliveries`,
    inboxFailures: `${agency}InboxFailures`,
    retry: `retry${capitalised}EventDelivery`,
  };
}

/**
 * SDL of the event operations of one agency, to append to its SDL after `sharedTypeDefs`.
 * The value types are `@shareable` and identical in every subgraph; the root fields carry the
 * agency's name (`migrationEventDeliveries`, …), because a root field that several subgraphs
 * share would be answered by whichever one the gateway picks, not by the agency that holds
 * the deliveries.
 */
export function eventOperationsTypeDefs(agency: string): string {
  if (!/^[a-z][a-z0-9]*$/.test(agency)) throw new Error(`agency name "${agency}" must be lower-case letters and digits`);
  const f = eventOperationFieldNames(agency);
  return /* GraphQL */ `
  "Where an event's delivery to one subscribing agency stands."
  enum EventDeliveryState {
    "Due: not attempted yet, or put back by an operator."
    PENDING
    "The last attempt failed; the relay tries again at \`nextAttemptAt\`."
    FAILED
    "The subscriber acknowledged it (its effect committed, or it was a duplicate)."
    DELIVERED
    """
    Given up after the last allowed attempt. Later events of the same aggregate to the same
    subscriber wait behind it until an operator retries it.
    """
    DEAD
  }

  "One event's delivery to one subscribing agency, as the producing agency's relay records it."
  type EventDelivery @shareable {
    "Delivery id: pass it to the retry mutation."
    id: ID!
    "The event's id (the subscriber's inbox key)."
    eventId: ID!
    "Event type, e.g. \`StatusGranted\`."
    eventType: String!
    "The entity whose events arrive in order, e.g. the nomad's id."
    aggregateId: ID!
    "The receiving agency, e.g. \`tax\`."
    subscriber: String!
    state: EventDeliveryState!
    "Attempts made since the event was written or last retried by an operator."
    attempts: Int!
    "When the relay tries next (PENDING, FAILED)."
    nextAttemptAt: DateTime
    "Why the last attempt failed; null once delivered."
    lastError: String
    "When the producer wrote the event."
    occurredAt: DateTime!
    "When the subscriber acknowledged it."
    deliveredAt: DateTime
  }

  type EventDeliveryEdge @shareable {
    cursor: String!
    node: EventDelivery!
  }

  type EventDeliveryConnection @shareable {
    edges: [EventDeliveryEdge!]!
    pageInfo: PageInfo!
    "Number of deliveries in the asked states, across all pages."
    totalCount: Int!
  }

  "Why a received event had no effect."
  enum InboxFailureState {
    "The handler threw; the producer retries it."
    FAILED
    "Refused for good: its payload does not match the event's schema, this agency does not receive its type, or its handler refused the fact (\`lastError\` starts with the code, e.g. \`EVENT_SUBJECT_UNKNOWN\`); the producer dead-letters it."
    POISON
  }

  "An event this agency received without effect: the subscriber's side of a failing delivery."
  type InboxFailure @shareable {
    eventId: ID!
    eventType: String!
    "The agency that sent it."
    producer: String!
    aggregateId: ID!
    state: InboxFailureState!
    "Receipts so far."
    attempts: Int!
    "Why the last receipt failed."
    lastError: String
    firstReceivedAt: DateTime!
    lastReceivedAt: DateTime!
  }

  type InboxFailureEdge @shareable {
    cursor: String!
    node: InboxFailure!
  }

  type InboxFailureConnection @shareable {
    edges: [InboxFailureEdge!]!
    pageInfo: PageInfo!
    "Number of events received without effect, across all pages."
    totalCount: Int!
  }

  "Result of retrying a dead-lettered delivery."
  type RetryEventDeliveryPayload @shareable {
    "The delivery, back in PENDING; null when nothing was changed."
    delivery: EventDelivery
    "\`DELIVERY_NOT_FOUND\` or \`DELIVERY_NOT_DEAD\` (only a DEAD delivery can be retried)."
    userErrors: [UserError!]!
  }

  extend type Query {
    """
    Deliveries of the events this agency (${agency}) produced that are not yet delivered, oldest
    event first: \`state\` narrows to one state (DELIVERED lists delivered ones); without it,
    PENDING, FAILED and DEAD. For operators (role \`auditor\`).
    """
    ${f.deliveries}(state: EventDeliveryState, first: Int = 20, after: String): EventDeliveryConnection!

    "Events this agency (${agency}) received without effect (handler failed or refused), newest first. For operators (role \`auditor\`)."
    ${f.inboxFailures}(first: Int = 20, after: String): InboxFailureConnection!
  }

  extend type Mutation {
    """
    Puts a DEAD delivery of this agency (${agency}) back in the queue with a fresh allowance of
    attempts; the relay sends it at its next pass. For operators (role \`auditor\`).
    """
    ${f.retry}(id: ID!): RetryEventDeliveryPayload!
  }
`;
}
