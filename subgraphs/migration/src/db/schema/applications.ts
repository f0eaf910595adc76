import { APPLICATION_NUMBER_PATTERN } from '@nomad/kit';
import { sql } from 'drizzle-orm';
import { bigint, char, check, date, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { nomads } from './nomads.ts';
import { migration, recordSourceEnum, screeningOutcomeEnum } from './shared.ts';

export const applicationStateEnum = migration.enum('application_state', [
  'SUBMITTED',
  'UNDER_REVIEW',
  'RETURNED_FOR_CORRECTION',
  'APPROVED',
  'REFUSED',
  'WITHDRAWN',
  'CANCELLED',
]);

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

export const evaluationVerdictEnum = migration.enum('evaluation_verdict', [
  'COMPLIANT',
  'NON_COMPLIANT',
  'INSUFFICIENT_EVIDENCE',
]);

export const foreignPartyKindEnum = migration.enum('foreign_party_kind', ['EMPLOYER', 'CLIENT']);

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
    /** The deciding officer's organisational unit (their token's `unit` claim); null without one, and before units were recorded. */
    decidedUnit: text('decided_unit'),
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
    // Analysts' `decidingUnits` filter: the decisions of a few units, not the whole table.
    index('applications_decided_unit_idx').on(t.decidedUnit, t.submittedAt),
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

export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationDocumentRow = typeof applicationDocuments.$inferSelect;
