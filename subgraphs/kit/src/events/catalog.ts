import { z } from 'zod';
import { APPLICATION_NUMBER_PATTERN, COUNTRY_CODE, PIN_PATTERN } from '../domain/index.ts';

/**
 * The events agencies exchange (DOMAIN.md, "Cross-agency facts (events)"): one payload schema
 * per event type, imported by the producer (validated before it is written to the outbox) and
 * by every consumer (validated again on receipt). Adding a field: make it optional first, so
 * that a consumer still on the old catalog keeps accepting events (unknown keys are stripped,
 * not refused).
 */
const id = z.uuid();
/** A calendar date, `YYYY-MM-DD`. */
const day = z.iso.date();
/** An instant in ISO 8601 form, e.g. `2026-03-01T08:30:00.000Z`. */
const instant = z.iso.datetime({ offset: true });
/** 14 digits; first digit 1 or 2 (DOMAIN.md, "Identifiers"). */
const pin = z.string().regex(PIN_PATTERN, 'must be a 14-digit PIN');
/** `PILOT_2022_2024`: a holder of the pilot status, imported from its records (then `imported` is true). */
const periodKind = z.enum(['INITIAL_60_DAYS', 'EXTENSION_1_YEAR', 'RENEWAL', 'PILOT_2022_2024']);

/**
 * When migration announced (`RulesChanged`, its `occurredAt`) the exit days an exit deadline
 * follows: GKNB waits for that announcement before it checks the deadline against the rule
 * (events of different aggregates may arrive in any order). Optional: events written before it
 * was added lack it, and GKNB then checks against the rule it has.
 */
const exitDaysAnnouncedAt = instant.optional();

/** A SHA-256 digest in lower-case hex. */
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits');
/** A PostgreSQL bigint or xid8, as a decimal string. */
const decimal = z.string().regex(/^[0-9]{1,20}$/, 'must be a decimal integer');

/** A signed seal of an access log (kit `access/hash.ts`, `Seal`). */
const SealPayload = z.object({
  seq: z.number().int().positive(),
  xidFrom: decimal,
  xidTo: decimal,
  firstId: decimal,
  lastId: decimal,
  recordCount: z.number().int().positive(),
  recordsRoot: hex64,
  prevRoot: hex64,
  root: hex64,
  sealedAt: instant,
  keyId: z.string().min(1).max(64),
  signature: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be base64url'),
});

/** One access record as the ledger receives it (kit `access/hash.ts`, `CanonicalRecord`). */
const AccessRecordPayload = z.object({
  id: decimal,
  xid: decimal,
  at: instant,
  requestId: z.string().min(1).max(200),
  readerSub: z.string().min(1).max(300),
  readerName: z.string().max(300).nullable(),
  readerRoles: z.array(z.string().max(50)).max(20),
  readerOrg: z.string().min(1).max(50),
  purpose: z.string().max(300).nullable(),
  legalBasis: z.string().min(1).max(1000),
  caseRef: z.string().max(200).nullable(),
  processingType: z.enum(['INTERNAL_PROCESSING', 'DATA_RESPONSE', 'DATA_PROCESSING']),
  bulk: z.boolean(),
  bySubject: z.boolean(),
  operation: z.string().min(1).max(300),
  subjectId: z.string().min(1).max(200),
  fields: z.array(z.string().min(1).max(200)).min(1).max(200),
  hiddenUntil: instant.nullable(),
  hiddenReason: z.string().max(1000).nullable(),
});

/**
 * `activityCode`: the activity the status was granted for (the approved application's code), so
 * that tax can count declared income per activity without free text. Optional: a grant written
 * before it was added, an extension and a pilot import carry none (tax keeps what it has).
 */
const StatusPeriodPayload = z.object({
  nomadId: id,
  pin,
  periodKind,
  validFrom: day,
  validUntil: day,
  imported: z.boolean().optional(),
  activityCode: z.string().min(1).optional(),
});
const StatusSwitchPayload = z.object({ nomadId: id, pin, at: instant, ground: z.string().min(1).optional() });

export const EventCatalog = {
  /** migration → security: opens a screening. */
  ApplicationSubmitted: z.object({
    applicationId: id,
    applicationNumber: z.string().regex(APPLICATION_NUMBER_PATTERN, 'must be 8 digits'),
    nomadId: id,
    citizenship: z.string().regex(COUNTRY_CODE, 'must be an ISO 3166-1 alpha-3 code'),
    activityCode: z.string().min(1),
    submittedAt: instant,
  }),
  /** security → migration: the application may (not) be approved. */
  ScreeningConcluded: z.object({
    applicationId: id,
    screeningId: id,
    outcome: z.enum(['CLEARED', 'FLAGGED']),
    concludedAt: instant,
  }),
  /** migration → labor: assigns an expert evaluation. */
  EvaluationRequested: z.object({ applicationId: id, nomadId: id, activityCode: z.string().min(1), requestedAt: instant }),
  /** labor → migration: a recommendation attached to the application (or, when null, the status). */
  EvaluationConcluded: z.object({
    evaluationId: id,
    applicationId: id.nullable(),
    nomadId: id,
    verdict: z.enum(['COMPLIANT', 'NON_COMPLIANT', 'INSUFFICIENT_EVIDENCE']),
    concludedAt: instant,
  }),
  /** migration → tax, labor: IE re-registration queued; monitoring case opened. */
  StatusGranted: StatusPeriodPayload,
  /** migration → tax, labor. */
  StatusExtended: StatusPeriodPayload,
  /** migration → tax, labor, security: deregistration queued; case closed; exit deadline watched. */
  StatusRevoked: z.object({ nomadId: id, pin, ground: z.string().min(1), revokedAt: instant, exitDeadline: day, exitDaysAnnouncedAt }),
  /** migration → tax, labor, security. */
  StatusExpired: z.object({ nomadId: id, pin, expiredOn: day }),
  /** migration → (no subscriber yet: DOMAIN.md names none). */
  StatusSuspended: StatusSwitchPayload,
  /** migration → (no subscriber yet: DOMAIN.md names none). */
  StatusReinstated: StatusSwitchPayload,
  /**
   * security → migration: a re-screening of a status holder ended FLAGGED; GKNB recommends
   * suspending the status (migration decides). `reasonSummary` is the decree's ground only:
   * GKNB's detailed reasons, text and classification never leave the security subgraph.
   */
  SuspensionRecommended: z.object({
    nomadId: id,
    screeningId: id,
    reasonSummary: z.enum(['NATIONAL_SECURITY_THREAT', 'CRIMINAL_CONVICTION', 'FALSE_DOCUMENTS']),
    at: instant,
  }),
  /**
   * migration → security: a holder or applicant added a family member (docs/domain.md, "Family
   * members"). GKNB screens those marked `adult`: every spouse whatever the age, and anyone 18
   * or older on the day added. No name, birth date or passport travels, only what the
   * screening queue needs.
   */
  DependantAdded: z.object({
    dependantId: id,
    principalId: id,
    relation: z.enum(['SPOUSE', 'CHILD']),
    citizenship: z.string().regex(COUNTRY_CODE, 'must be an ISO 3166-1 alpha-3 code'),
    adult: z.boolean(),
    addedAt: instant,
  }),
  /**
   * security → migration: GKNB concluded an adult family member's DEPENDANT screening; migration
   * approves the dependant only when CLEARED. The outcome only: GKNB's reasons stay with GKNB.
   */
  DependantScreeningConcluded: z.object({
    dependantId: id,
    principalId: id,
    screeningId: id,
    outcome: z.enum(['CLEARED', 'FLAGGED']),
    concludedAt: instant,
  }),
  /**
   * migration → (no subscriber: tax registers no dependant as an IE, labor monitors none): a
   * dependant was approved and got a PIN; their status is the principal's, until `validUntil`
   * at the latest (the principal's last day when granted).
   */
  DependantGranted: z.object({ dependantId: id, principalId: id, pin, relation: z.enum(['SPOUSE', 'CHILD']), grantedOn: day, validUntil: day }),
  /**
   * migration → security: a dependant's status ended with the principal's (revoked or
   * expired: the principal's exit deadline, or for an expiry GKNB's own rule as for the
   * principal) or by an officer's decision (`ENDED`, e.g. a child come of age).
   */
  DependantStatusEnded: z.object({
    dependantId: id,
    principalId: id,
    pin,
    cause: z.enum(['REVOKED', 'EXPIRED', 'ENDED']),
    endedOn: day,
    exitDeadline: day.nullable(),
    exitDaysAnnouncedAt,
  }),
  /**
   * any agency → security: a sealed batch of the agency's access log and its records, for the
   * consolidated ledger (which anchors the root outside the agency and serves the data tracker).
   */
  AccessSealed: z.object({ agency: z.string().min(1).max(50), seal: SealPayload, records: z.array(AccessRecordPayload).min(1).max(5_000) }),
  /** security → migration: a sealed batch of the ledger's anchors, anchored outside GKNB's database. */
  LedgerSealed: z.object({ seal: SealPayload }),
  /**
   * migration → labor, security: the rule values migration owns that another agency applies, as
   * they now stand (the one source: neither keeps a copy of its own). Sent whenever they change.
   * Labor checks activities against `eligibleActivities`; GKNB checks a revocation's exit
   * deadline against `exitDaysAfterRevocation` (optional: announcements written before it was
   * added lack it, and GKNB then keeps the value it has).
   */
  RulesChanged: z.object({
    eligibleActivities: z.array(z.object({ code: z.string().min(1).max(100), title: z.string().min(1).max(300) })).min(1).max(500),
    exitDaysAfterRevocation: z.number().int().positive().max(3650).optional(),
    changedAt: instant,
  }),
} as const satisfies Record<string, z.ZodType>;

export type EventType = keyof typeof EventCatalog;
export type EventPayload<T extends EventType> = z.output<(typeof EventCatalog)[T]>;

export const EVENT_TYPES = Object.keys(EventCatalog) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EventCatalog, value);
}

/** An event as it travels between agencies (the body of `POST /events`). */
export interface DomainEvent<T extends EventType = EventType> {
  /** UUID; the subscriber's inbox key, so a redelivery is recognised. */
  id: string;
  type: T;
  /** The entity whose events arrive in order (per subscriber), e.g. the nomad's or the application's id. */
  aggregateId: string;
  payload: EventPayload<T>;
  /** When the producer wrote it, ISO 8601. */
  occurredAt: string;
  /** The agency that wrote it, e.g. `migration`. */
  producer: string;
}

/** Any event, narrowed by `type`. */
export type AnyDomainEvent = { [T in EventType]: DomainEvent<T> }[EventType];

/** The envelope of a received event; the payload is checked against the catalog separately. */
export const EventEnvelope = z.object({
  id: z.uuid(),
  type: z.string().min(1).max(100),
  aggregateId: z.string().min(1).max(200),
  occurredAt: instant,
  producer: z.string().min(1).max(100),
  payload: z.unknown(),
});

/** Raised when an event's payload does not match its schema (or its type is unknown). */
export class EventPayloadError extends Error {
  constructor(
    readonly eventType: string,
    readonly issues: string[],
  ) {
    super(`${eventType} payload is invalid: ${issues.join('; ')}`);
    this.name = 'EventPayloadError';
  }
}

/**
 * Validates `payload` against the schema of `type` and returns the parsed payload (unknown
 * keys stripped). Issue texts name the path and the rule, never the value (a PIN must not end
 * up in an error column or a log line).
 */
export function parseEventPayload<T extends EventType>(type: T, payload: unknown): EventPayload<T>;
export function parseEventPayload(type: string, payload: unknown): EventPayload<EventType>;
export function parseEventPayload(type: string, payload: unknown): EventPayload<EventType> {
  if (!isEventType(type)) throw new EventPayloadError(type, [`unknown event type "${type.slice(0, 100)}"`]);
  const result = (EventCatalog[type] as z.ZodType<EventPayload<EventType>>).safeParse(payload);
  if (!result.success) {
    throw new EventPayloadError(
      type,
      result.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`),
    );
  }
  return result.data;
}
