import { accessLogTables, announcedRuleColumns, createdVersionColumns, eventTables, idempotencyTables, ledgerTables, updatedVersionColumns } from '@nomad/kit';
import { sql } from 'drizzle-orm';
import { bigserial, char, check, date, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Every table of GKNB lives in its own PostgreSQL schema; no other agency reads it. */
export const security = pgSchema('security');

export const screeningOutcomeEnum = security.enum('screening_outcome', ['PENDING', 'CLEARED', 'FLAGGED']);

/** Why a screening was opened: an application (ApplicationSubmitted) or a re-screening of a holder. */
export const screeningKindEnum = security.enum('screening_kind', ['APPLICATION', 'RESCREEN', 'DEPENDANT']);

/**
 * GKNB's closed list of reasons for a FLAGGED outcome. Classified: never leaves this
 * subgraph except to security officers (other agencies see a coarse ground, see service.ts).
 */
export const screeningReasonEnum = security.enum('screening_reason', [
  'WATCHLIST_MATCH',
  'EXTREMIST_AFFILIATION',
  'INTELLIGENCE_REPORT',
  'ENTRY_BAN',
  'TERRORISM_CONVICTION',
  'NATIONAL_SECURITY_OFFENCE_CONVICTION',
  'CRIMES_AGAINST_HUMANITY_CONVICTION',
  'FORGED_DOCUMENTS',
  'IDENTITY_MISMATCH',
  'OTHER',
]);

export const classificationEnum = security.enum('classification', ['RESTRICTED', 'CONFIDENTIAL', 'SECRET']);

export const exitCauseEnum = security.enum('exit_cause', ['REVOKED', 'EXPIRED']);

export const measureStateEnum = security.enum('measure_state', ['PLANNED', 'IN_PROGRESS', 'DONE']);

/**
 * A security screening: of an application (one per application, opened by its
 * ApplicationSubmitted event) or a re-screening of a status holder. `version` moves on every
 * change, so an officer acting on a stale read gets CONFLICT.
 */
export const screenings = security.table(
  'screenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Opening order: which screening of a nomad is the latest, even when two share an instant. */
    seq: bigserial('seq', { mode: 'number' }).notNull().unique('screenings_seq_key'),
    kind: screeningKindEnum('kind').notNull(),
    /** Migration's application id (APPLICATION screenings only). */
    applicationId: uuid('application_id'),
    applicationNumber: char('application_number', { length: 8 }),
    /** The screened person; for a DEPENDANT screening, the principal (who may read its outcome). */
    nomadId: uuid('nomad_id').notNull(),
    /** Migration's dependant id (DEPENDANT screenings only): the adult family member screened. */
    dependantId: uuid('dependant_id'),
    /** As the applicant declared it (ISO 3166-1 alpha-3); null for a re-screening. */
    citizenship: char('citizenship', { length: 3 }),
    outcome: screeningOutcomeEnum('outcome').notNull().default('PENDING'),
    reasons: screeningReasonEnum('reasons').array().notNull().default(sql`'{}'`),
    reasonText: text('reason_text'),
    classification: classificationEnum('classification'),
    /** `sub` of the officer who concluded it (or who asked for the re-screening, while PENDING). */
    officerSub: text('officer_sub'),
    /** Why a re-screening was requested (security officers only). */
    requestNote: text('request_note'),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    concludedAt: timestamp('concluded_at', { withTimezone: true, mode: 'string' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // Idempotent per application: a second ApplicationSubmitted (a resubmission) opens nothing new.
    uniqueIndex('screenings_application_key').on(t.applicationId).where(sql`${t.applicationId} is not null`),
    // Idempotent per dependant: DependantAdded redelivered opens nothing new.
    uniqueIndex('screenings_dependant_key').on(t.dependantId).where(sql`${t.dependantId} is not null`),
    check('screenings_dependant_check', sql`(${t.kind}::text = 'DEPENDANT') = (${t.dependantId} is not null)`),
    // At most one open re-screening per nomad.
    uniqueIndex('screenings_one_open_rescreen').on(t.nomadId).where(sql`${t.kind} = 'RESCREEN' and ${t.outcome} = 'PENDING'`),
    index('screenings_nomad_idx').on(t.nomadId, t.seq),
    index('screenings_outcome_idx').on(t.outcome, t.openedAt, t.id),
    // `screenings` and `screeningStatistics` filtered by kind (issue 16).
    index('screenings_kind_idx').on(t.kind, t.outcome),
    check('screenings_application_check', sql`(${t.kind} = 'APPLICATION') = (${t.applicationId} is not null)`),
    check(
      'screenings_concluded_check',
      sql`(${t.outcome} = 'PENDING') = (${t.concludedAt} is null) and (${t.outcome} = 'PENDING' or ${t.classification} is not null)`,
    ),
    check('screenings_flagged_reasons_check', sql`${t.outcome} <> 'FLAGGED' or cardinality(${t.reasons}) > 0`),
  ],
);

/**
 * A former holder who must leave the country: recorded on StatusRevoked (deadline from the
 * event) and StatusExpired (deadline from the rule `expiry_exit_days`).
 */
export const exitWatches = security.table(
  'exit_watches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The former holder; for a family member's watch, the principal (migration resolves a Nomad by it). */
    nomadId: uuid('nomad_id').notNull(),
    /** Migration's dependant id when the watched person is a family member of the holder; null for the holder. */
    dependantId: uuid('dependant_id'),
    /** The watched person's PIN (the family member's for a dependant's watch). */
    pin: char('pin', { length: 14 }).notNull(),
    cause: exitCauseEnum('cause').notNull(),
    /** Migration's revocation ground (a code); null for an expiry. */
    ground: text('ground'),
    /** The day the status ended (revocation day or first day without a period). */
    endedOn: date('ended_on', { mode: 'string' }).notNull(),
    exitDeadlineOn: date('exit_deadline_on', { mode: 'string' }).notNull(),
    departureConfirmedOn: date('departure_confirmed_on', { mode: 'string' }),
    confirmedBy: text('confirmed_by'),
    note: text('note'),
    ...createdVersionColumns(),
  },
  (t) => [
    // The overdue list: open watches by deadline.
    index('exit_watches_open_idx').on(t.exitDeadlineOn, t.id).where(sql`${t.departureConfirmedOn} is null`),
    index('exit_watches_nomad_idx').on(t.nomadId),
    index('exit_watches_dependant_idx').on(t.dependantId).where(sql`${t.dependantId} is not null`),
  ],
);

/** Whom a subject GKNB knows of is: a status holder, or a holder's or applicant's family member. */
export const knownSubjectKindEnum = security.enum('known_subject_kind', ['HOLDER', 'DEPENDANT']);

/**
 * The people migration announced to GKNB beyond its screenings: a holder on StatusGranted
 * (pilot holders too: the import publishes one), a family member on DependantAdded (a child
 * too, whom GKNB does not screen). A status end of someone neither screened nor listed here is
 * refused for good (`EVENT_SUBJECT_UNKNOWN`): GKNB never invents an exit watch. Only the id is
 * kept, no personal data.
 */
export const knownSubjects = security.table('known_subjects', {
  /** Migration's nomad id (HOLDER) or dependant id (DEPENDANT). */
  subjectId: uuid('subject_id').primaryKey(),
  kind: knownSubjectKindEnum('kind').notNull(),
  /** The event type that announced them first (StatusGranted, DependantAdded), or `sample` for the seed. */
  source: text('source').notNull(),
  /** When the announcing fact happened (its `occurredAt`). */
  knownSince: timestamp('known_since', { withTimezone: true, mode: 'string' }).notNull(),
});

/** GKNB's rule values ([I] facts of DOMAIN.md are data, not literals). */
export const rules = security.table('rules', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  description: text('description').notNull(),
});

/**
 * Rule values another agency owns, every value its `RulesChanged` announced, one row per
 * announcement (the one source is the owner's rule table; GKNB keeps no copy of its own):
 * migration's `exit_days_after_revocation`, which a revocation's exit deadline must follow. The
 * latest announcement is the value applied; an event that names when the value it followed was
 * announced (`exitDaysAnnouncedAt`) is judged by the value announced then. Created with the
 * decree's 15 days ([C]), applied until migration's first announcement arrives.
 */
export const announcedRules = security.table(
  'announced_rules',
  {
    key: text('key').notNull(),
    /** `announcedAt` is the `RulesChanged`'s `occurredAt`: the latest announcement is the value applied. */
    ...announcedRuleColumns(),
  },
  (t) => [primaryKey({ columns: [t.key, t.announcedAt] })],
);

/** The decree's technical measures (GKNB must implement them within two months of it taking effect). */
export const technicalMeasures = security.table(
  'technical_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    responsibleUnit: text('responsible_unit').notNull(),
    /** An earlier internal deadline; null means the decree's own (rule `decree_effective_on` + `measures_due_months`). */
    dueOn: date('due_on', { mode: 'string' }),
    state: measureStateEnum('state').notNull().default('PLANNED'),
    createdBy: text('created_by').notNull(),
    ...updatedVersionColumns(),
  },
  (t) => [index('technical_measures_order_idx').on(t.createdAt, t.id)],
);

/** What shows a measure was carried out. Append-only by design: evidence is added, never edited. */
export const measureEvidence = security.table(
  'measure_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => technicalMeasures.id),
    description: text('description').notNull(),
    /** Where the evidence is kept, e.g. a registry number or a document reference. */
    reference: text('reference').notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('measure_evidence_measure_idx').on(t.measureId, t.addedAt)],
);

export type ScreeningRow = typeof screenings.$inferSelect;
export type ExitWatchRow = typeof exitWatches.$inferSelect;
export type KnownSubjectRow = typeof knownSubjects.$inferSelect;
export type TechnicalMeasureRow = typeof technicalMeasures.$inferSelect;
export type MeasureEvidenceRow = typeof measureEvidence.$inferSelect;
export type ScreeningOutcome = ScreeningRow['outcome'];
export type ScreeningReason = (typeof screeningReasonEnum.enumValues)[number];
export type Classification = (typeof classificationEnum.enumValues)[number];
export type MeasureState = TechnicalMeasureRow['state'];

/** Reads of screening details, hash-chained and append-only (see the kit's access log). */
export const { accessRecords, accessSeals, accessRules } = accessLogTables(security);
/** The access log's tables, as the kit's recorder, sealer and queries take them. */
export const accessTables = { accessRecords, accessSeals, accessRules };

/** Mutations retried with the same Idempotency-Key take effect once. */
export const { idempotencyKeys } = idempotencyTables(security);

/** Events published (outbox, deliveries) and received (inbox). */
export const { outbox, outboxDeliveries, inbox } = eventTables(security);

/** The consolidated access ledger (every agency's sealed records, anchored here). */
export const { ledgerAnchors, ledgerRecords, ledgerSeals, ledgerDisclosures } = ledgerTables(security);
export const ledger = { ledgerAnchors, ledgerRecords, ledgerSeals, ledgerDisclosures };
