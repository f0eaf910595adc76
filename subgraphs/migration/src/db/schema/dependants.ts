import { PIN_PATTERN } from '@nomad/kit';
import { sql } from 'drizzle-orm';
import { char, check, date, index, integer, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { nomads } from './nomads.ts';
import { migration, screeningOutcomeEnum, sexEnum } from './shared.ts';

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
    /** The deciding officer's organisational unit (their token's `unit` claim); null without one. */
    decidedUnit: text('decided_unit'),
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
