import { accessLogTables, APPLICATION_NUMBER_PATTERN, eventTables, idempotencyTables, journalEntryColumns, ledgerRootTables, PIN_PATTERN, ruleValueColumns, updatedVersionColumns } from '@nomad/kit';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Every table of the migration authority lives in its own PostgreSQL schema. */
export const migration = pgSchema('migration');

export const sexEnum = migration.enum('sex', ['MALE', 'FEMALE']);

export const applicationStateEnum = migration.enum('application_state', [
  'SUBMITTED',
  'UNDER_REVIEW',
  'RETURNED_FOR_CORRECTION',
  'APPROVED',
  'REFUSED',
  'WITHDRAWN',
  'CANCELLED',
]);

export const recordSourceEnum = migration.enum('record_source', ['PORTAL', 'PILOT_2022_2024']);

export const documentKindEnum = migration.enum('document_kind', [
  'PASSPORT',
  'PHOTO',
  'EMPLOYMENT_CONTRACT',
  'FREELANCE_CONTRACT',
  'BANK_STATEMENT',
  'PROFESSIONAL_DOCUMENT',
  'DN_VISA',
  'TRANSLATION',
]);

export const refusalGroundEnum = migration.enum('refusal_ground', [
  'FALSE_DOCUMENTS',
  'ACTIVITY_NOT_ELIGIBLE',
  'NATIONAL_SECURITY_THREAT',
  'CRIMINAL_CONVICTION',
]);

export const screeningOutcomeEnum = migration.enum('screening_outcome', ['PENDING', 'CLEARED', 'FLAGGED']);

export const evaluationVerdictEnum = migration.enum('evaluation_verdict', [
  'COMPLIANT',
  'NON_COMPLIANT',
  'INSUFFICIENT_EVIDENCE',
]);

export const foreignPartyKindEnum = migration.enum('foreign_party_kind', ['EMPLOYER', 'CLIENT']);

/** A person who applied for or holds the status. Identity as in the passport (Latin script). */
export const nomads = migration.table(
  'nomads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surname: text('surname').notNull(),
    givenNames: text('given_names').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    sex: sexEnum('sex').notNull(),
    citizenship: char('citizenship', { length: 3 }).notNull(),
    passportCountry: char('passport_country', { length: 3 }).notNull(),
    passportNumber: text('passport_number').notNull(),
    passportExpiresOn: date('passport_expires_on', { mode: 'string' }).notNull(),
    email: text('email').notNull(),
    /** Assigned through ZHAAK on first approval; null until then. */
    pin: char('pin', { length: 14 }),
    source: recordSourceEnum('source').notNull().default('PORTAL'),
    ...updatedVersionColumns(),
  },
  (t) => [
    uniqueIndex('nomads_pin_key').on(t.pin),
    unique('nomads_passport_key').on(t.passportCountry, t.passportNumber),
    index('nomads_created_idx').on(t.createdAt, t.id),
    index('nomads_citizenship_idx').on(t.citizenship),
    check('nomads_pin_format', sql`${t.pin} is null or ${t.pin} ~ ${sql.raw(`'${PIN_PATTERN.source}'`)}`),
  ],
);

/**
 * The passports a nomad held before the one on record (`nomads.passport_*`): when a renewed
 * passport is recorded, the one it replaces is kept here, with who replaced it and when.
 * Never updated.
 */
export const passportHistory = migration.table(
  'passport_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nomadId: uuid('nomad_id')
      .notNull()
      .references(() => nomads.id),
    country: char('country', { length: 3 }).notNull(),
    number: text('number').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    replacedAt: timestamp('replaced_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** `sub` of whoever recorded the new passport: the nomad themself or a migration officer. */
    replacedBy: text('replaced_by').notNull(),
  },
  (t) => [index('passport_history_nomad_idx').on(t.nomadId, t.replacedAt)],
);

/** Application numbers are 8 digits, as on the e-visa portal. */
export const applicationNumberSeq = migration.sequence('application_number_seq', {
  startWith: 10000001,
  minValue: 10000001,
  maxValue: 99999999,
});

export interface Correction {
  /** Input path of what to correct, e.g. `documents`; null for a general remark. */
  field: string | null;
  message: string;
}

export interface ForeignParty {
  kind: 'EMPLOYER' | 'CLIENT';
  name: string;
  country: string;
}

export const applications = migration.table(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: char('number', { length: 8 }).notNull().unique('applications_number_key'),
    nomadId: uuid('nomad_id')
      .notNull()
      .references(() => nomads.id),
    state: applicationStateEnum('state').notNull().default('SUBMITTED'),
    activityCode: text('activity_code').notNull(),
    foreignParties: jsonb('foreign_parties').$type<ForeignParty[]>().notNull(),
    declaredIncomeMinor: bigint('declared_income_minor', { mode: 'number' }).notNull(),
    incomeCurrency: char('income_currency', { length: 3 }).notNull(),
    /** The income converted to USD at submission (minor units), compared with the threshold. */
    declaredIncomeUsdMinor: bigint('declared_income_usd_minor', { mode: 'number' }).notNull(),
    requestedStartOn: date('requested_start_on', { mode: 'string' }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** Last working day of the review period (7 working days from a complete submission). */
    reviewDeadlineOn: date('review_deadline_on', { mode: 'string' }).notNull(),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    source: recordSourceEnum('source').notNull().default('PORTAL'),
    version: integer('version').notNull().default(1),
    /** `sub` of the officer who took the application into review. */
    reviewer: text('reviewer'),
    /** What the applicant must correct, set when returned for correction. */
    corrections: jsonb('corrections').$type<Correction[]>(),
    /** Last day to resubmit a returned application; after it the application is cancelled. */
    correctionDeadlineOn: date('correction_deadline_on', { mode: 'string' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    decidedBy: text('decided_by'),
    refusalGround: refusalGroundEnum('refusal_ground'),
    decisionNote: text('decision_note'),
    /** Outcome of GKNB's screening, as reported by the ScreeningConcluded event. */
    screeningOutcome: screeningOutcomeEnum('screening_outcome').notNull().default('PENDING'),
    screeningId: uuid('screening_id'),
    screeningConcludedAt: timestamp('screening_concluded_at', { withTimezone: true, mode: 'string' }),
    /** Set when an officer asks the Ministry of Labor for an expert evaluation. */
    evaluationRequestedAt: timestamp('evaluation_requested_at', { withTimezone: true, mode: 'string' }),
    evaluationId: uuid('evaluation_id'),
    evaluationVerdict: evaluationVerdictEnum('evaluation_verdict'),
    evaluationConcludedAt: timestamp('evaluation_concluded_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('applications_nomad_idx').on(t.nomadId, t.submittedAt, t.id),
    index('applications_submitted_idx').on(t.submittedAt, t.id),
    index('applications_state_idx').on(t.state, t.reviewDeadlineOn),
    // Analysts' filters and statistics (issue 16; src/explain.test.ts): by activity, and by
    // the Bishkek day of submission, the expression the filters and dimensions use.
    index('applications_activity_idx').on(t.activityCode, t.submittedAt),
    index('applications_submitted_on_idx').on(sql`((${t.submittedAt} at time zone 'Asia/Bishkek')::date)`),
    // The first and last decision day: the bounds of the working-day calendar of `applicationStatistics`.
    index('applications_decided_on_idx').on(sql`((${t.decidedAt} at time zone 'Asia/Bishkek')::date)`),
    check('applications_number_format', sql`${t.number} ~ ${sql.raw(`'${APPLICATION_NUMBER_PATTERN.source}'`)}`),
    check('applications_income_positive', sql`${t.declaredIncomeMinor} >= 0`),
    // At most one open application per person.
    uniqueIndex('applications_one_open_per_nomad')
      .on(t.nomadId)
      .where(sql`${t.state} in ('SUBMITTED', 'UNDER_REVIEW', 'RETURNED_FOR_CORRECTION')`),
  ],
);

export const applicationDocuments = migration.table(
  'application_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: documentKindEnum('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** ISO 639-1 language of the document (translations into ky or ru are required). */
    language: char('language', { length: 2 }).notNull(),
    /** A TRANSLATION only: the file name of the document of the application it translates. */
    translatesFileName: text('translates_file_name'),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('application_documents_application_idx').on(t.applicationId, t.addedAt)],
);

/**
 * Rule values of the decree that public sources leave open ([I] in DOMAIN.md): one row per
 * rule, read by the services, never literals in code.
 */
export const ruleValues = migration.table('rule_values', ruleValueColumns());

/**
 * What migration last announced to the other agencies (`RulesChanged`), one row per rule value:
 * the durable record the announcer compares the rule table with. Not the outbox, which is pruned.
 */
export const announcedRules = migration.table('announced_rules', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  /** The `RulesChanged` event that announced it. */
  eventId: uuid('event_id').notNull(),
  announcedAt: timestamp('announced_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/**
 * Pilot holders whose grant was announced to the other agencies (StatusGranted, `imported`): the
 * durable record a re-run of the import checks, so that a holder imported before the import
 * announced anything is announced once, and none twice (the outbox is pruned, this is not).
 */
export const pilotAnnouncements = migration.table('pilot_announcements', {
  nomadId: uuid('nomad_id')
    .primaryKey()
    .references(() => nomads.id),
  /** The StatusGranted event; null when drizzle 0015 found the holder announced but not the event (pruned). */
  eventId: uuid('event_id'),
  announcedAt: timestamp('announced_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** Kyrgyz public holidays, excluded from working-day deadlines. */
export const publicHolidays = migration.table('public_holidays', {
  day: date('day', { mode: 'string' }).primaryKey(),
  name: text('name').notNull(),
});

export type NomadRow = typeof nomads.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationDocumentRow = typeof applicationDocuments.$inferSelect;

/**
 * `PILOT_2022_2024` marks a period carried over from the pilot programme (imported, not
 * granted under decree No. 241); it may be followed by a renewal.
 */
export const statusPeriodKindEnum = migration.enum('status_period_kind', [
  'INITIAL_60_DAYS',
  'EXTENSION_1_YEAR',
  'RENEWAL',
  'PILOT_2022_2024',
]);

/**
 * The grants of the status: each a period. Never updated; the current status is derived from
 * the periods and the status events, so that no one has to remember to flip a flag on expiry.
 */
export const statusPeriods = migration.table(
  'status_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nomadId: uuid('nomad_id')
      .notNull()
      .references(() => nomads.id),
    kind: statusPeriodKindEnum('kind').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** The approved application behind an initial grant. */
    applicationId: uuid('application_id').references(() => applications.id),
    grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    grantedBy: text('granted_by').notNull(),
    source: recordSourceEnum('source').notNull().default('PORTAL'),
  },
  (t) => [
    index('status_periods_nomad_idx').on(t.nomadId, t.validFrom),
    index('status_periods_until_idx').on(t.validUntil),
    // Grants and renewals of a period of time (`statusEventStatistics(from:, to:)`).
    index('status_periods_from_idx').on(t.validFrom),
    check('status_periods_range', sql`${t.validUntil} >= ${t.validFrom}`),
    // A nomad's periods never overlap: each starts after the previous one ends.
    unique('status_periods_nomad_from_key').on(t.nomadId, t.validFrom),
  ],
);

export const statusEventKindEnum = migration.enum('status_event_kind', [
  'GRANTED',
  'EXTENDED',
  'RENEWED',
  'SUSPENDED',
  'REINSTATED',
  'REVOKED',
  'EXPIRED',
]);

export const revocationGroundEnum = migration.enum('revocation_ground', [
  'RULES_BREACH',
  'ACTIVITY_ENDED',
  'NATIONAL_SECURITY_THREAT',
]);

/** The status history: every grant, suspension, reinstatement, revocation and expiry, in order. */
export const statusEvents = migration.table(
  'status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Recording order: the history's order, and the tie-break between changes of one day. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    nomadId: uuid('nomad_id')
      .notNull()
      .references(() => nomads.id),
    kind: statusEventKindEnum('kind').notNull(),
    /** `actor`: the officer's `sub`, or `system` for an expiry. */
    ...journalEntryColumns(),
    periodId: uuid('period_id').references(() => statusPeriods.id),
    revocationGround: revocationGroundEnum('revocation_ground'),
    reason: text('reason'),
    /** After a revocation the holder has 15 days to leave. */
    exitDeadlineOn: date('exit_deadline_on', { mode: 'string' }),
  },
  (t) => [
    index('status_events_nomad_idx').on(t.nomadId, t.at),
    // One expiry record per period: the sweeper may run on several replicas.
    uniqueIndex('status_events_one_expiry_per_period').on(t.periodId).where(sql`${t.kind} = 'EXPIRED'`),
    // Revocations, suspensions and reinstatements up to a day, of a period of time: the few events a
    // status on a day and the statistics read (`statusStatistics`, `statusEventStatistics`).
    index('status_events_kind_on_idx').on(t.kind, t.effectiveOn, t.nomadId, t.seq),
  ],
);

/**
 * Recommendations other agencies send about a status holder (GKNB: suspend after a flagged
 * re-screening). A recommendation never changes the status: an officer decides.
 */
export const statusRecommendations = migration.table(
  'status_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nomadId: uuid('nomad_id')
      .notNull()
      .references(() => nomads.id),
    /** The agency that recommends, e.g. `security`. */
    fromAgency: text('from_agency').notNull(),
    /** What is recommended, e.g. `SUSPEND`. */
    action: text('action').notNull(),
    /** A reason code from the recommending agency (never its classified reasons). */
    reasonCode: text('reason_code').notNull(),
    /** The recommending agency's record, e.g. the screening id. */
    reference: uuid('reference').notNull(),
    recommendedAt: timestamp('recommended_at', { withTimezone: true, mode: 'string' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('status_recommendations_nomad_idx').on(t.nomadId, t.recommendedAt), unique('status_recommendations_reference_key').on(t.fromAgency, t.reference)],
);

/** The embedded ZHAAK: the last PIN serial issued per birth date. */
export const zhaakSerials = migration.table('zhaak_serials', {
  dateOfBirth: date('date_of_birth', { mode: 'string' }).primaryKey(),
  lastSerial: integer('last_serial').notNull(),
});

/** Reads of personal data, hash-chained and append-only (see the kit's access log). */
export const { accessRecords, accessSeals, accessRules } = accessLogTables(migration);
/** The access log's tables, as the kit's recorder, sealer and queries take them. */
export const accessTables = { accessRecords, accessSeals, accessRules };

/** Mutations retried with the same Idempotency-Key take effect once. */
export const { idempotencyKeys } = idempotencyTables(migration);

export type StatusPeriodRow = typeof statusPeriods.$inferSelect;
export type StatusEventRow = typeof statusEvents.$inferSelect;
export type StatusRecommendationRow = typeof statusRecommendations.$inferSelect;

/** Domain events written with the state change (outbox), their deliveries, and events received (inbox). */
export const { outbox, outboxDeliveries, inbox } = eventTables(migration);

/** The ledger's roots as GKNB sent them: anchored outside GKNB's database. */
export const { ledgerRoots } = ledgerRootTables(migration);

/** How a dependant is related to the status holder (or applicant) they depend on. */
export const dependantRelationEnum = migration.enum('dependant_relation', ['SPOUSE', 'CHILD']);

/** A dependant's review: added, then approved (status granted) or refused. */
export const dependantStateEnum = migration.enum('dependant_state', ['PENDING', 'APPROVED', 'REFUSED']);

export const dependantEndCauseEnum = migration.enum('dependant_end_cause', ['REVOKED', 'EXPIRED', 'ENDED']);

/** The documents a dependant's set may hold: the certificate of the relation, and translations. */
export const dependantDocumentKindEnum = migration.enum('dependant_document_kind', [
  'PASSPORT',
  'PHOTO',
  'MARRIAGE_CERTIFICATE',
  'BIRTH_CERTIFICATE',
  'TRANSLATION',
]);

/**
 * A holder's spouse or child under 18 (the pilot's family members, DOMAIN "family"). Not a
 * nomad: their status is the principal's, derived on read from the principal's periods and
 * events (docs/domain.md, "Family members"), so it can never outlast it.
 */
export const dependants = migration.table(
  'dependants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The status holder or applicant the dependant's status depends on. */
    principalId: uuid('principal_id')
      .notNull()
      .references(() => nomads.id),
    relation: dependantRelationEnum('relation').notNull(),
    state: dependantStateEnum('state').notNull().default('PENDING'),
    surname: text('surname').notNull(),
    givenNames: text('given_names').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    sex: sexEnum('sex').notNull(),
    citizenship: char('citizenship', { length: 3 }).notNull(),
    passportCountry: char('passport_country', { length: 3 }).notNull(),
    passportNumber: text('passport_number').notNull(),
    passportExpiresOn: date('passport_expires_on', { mode: 'string' }).notNull(),
    /** Assigned through ZHAAK on approval. */
    pin: char('pin', { length: 14 }),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** `sub` of whoever added the dependant (the principal). */
    addedBy: text('added_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    decidedBy: text('decided_by'),
    decisionNote: text('decision_note'),
    /** Day of approval: the dependant's status starts here. */
    grantedOn: date('granted_on', { mode: 'string' }),
    /** First day of the principal's chain of periods at approval: the dependant follows that chain only. */
    principalChainStartedOn: date('principal_chain_started_on', { mode: 'string' }),
    /**
     * The day the dependant's status ended and why: with the principal's (`REVOKED`,
     * `EXPIRED`: announced once to GKNB, the status itself stays derived from the principal's)
     * or by an officer's decision (`ENDED`, e.g. a child who came of age).
     */
    endedOn: date('ended_on', { mode: 'string' }),
    endCause: dependantEndCauseEnum('end_cause'),
    endReason: text('end_reason'),
    endExitDeadlineOn: date('end_exit_deadline_on', { mode: 'string' }),
    /**
     * GKNB's screening of an adult family member (18 or older on the day added: DependantAdded's
     * `adult`): PENDING from the day added until DependantScreeningConcluded reports CLEARED or
     * FLAGGED (with GKNB's screening id and time); null for a child, whom GKNB does not screen.
     * An adult is approved only when CLEARED.
     */
    screeningOutcome: screeningOutcomeEnum('screening_outcome'),
    screeningId: uuid('screening_id'),
    screeningConcludedAt: timestamp('screening_concluded_at', { withTimezone: true, mode: 'string' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('dependants_principal_idx').on(t.principalId, t.addedAt),
    index('dependants_state_idx').on(t.state, t.addedAt, t.id),
    uniqueIndex('dependants_pin_key').on(t.pin),
    // A person is listed once under a principal.
    unique('dependants_principal_passport_key').on(t.principalId, t.passportCountry, t.passportNumber),
    check('dependants_pin_format', sql`${t.pin} is null or ${t.pin} ~ ${sql.raw(`'${PIN_PATTERN.source}'`)}`),
    check('dependants_ended', sql`(${t.endedOn} is null) = (${t.endCause} is null)`),
    check('dependants_approved', sql`(${t.state} = 'APPROVED') = (${t.pin} is not null and ${t.grantedOn} is not null and ${t.principalChainStartedOn} is not null)`),
    // A concluded screening names GKNB's screening and its time; a pending one (or none) neither.
    check(
      'dependants_screening',
      sql`(${t.screeningId} is null) = (${t.screeningConcludedAt} is null) and (${t.screeningConcludedAt} is null) = (${t.screeningOutcome} is null or ${t.screeningOutcome} = 'PENDING')`,
    ),
  ],
);

export const dependantDocuments = migration.table(
  'dependant_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dependantId: uuid('dependant_id')
      .notNull()
      .references(() => dependants.id, { onDelete: 'cascade' }),
    kind: dependantDocumentKindEnum('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** ISO 639-1 language of the document. */
    language: char('language', { length: 2 }).notNull(),
    /** A TRANSLATION only: the file name of the document of the set it translates. */
    translatesFileName: text('translates_file_name'),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('dependant_documents_dependant_idx').on(t.dependantId, t.addedAt)],
);

export type DependantRow = typeof dependants.$inferSelect;
export type DependantDocumentRow = typeof dependantDocuments.$inferSelect;
