import { accessLogTables } from '@nomad/kit';
import { sql } from 'drizzle-orm';
import {
  bigint,
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
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('nomads_pin_key').on(t.pin),
    unique('nomads_passport_key').on(t.passportCountry, t.passportNumber),
    index('nomads_created_idx').on(t.createdAt, t.id),
    index('nomads_citizenship_idx').on(t.citizenship),
    check('nomads_pin_format', sql`${t.pin} is null or ${t.pin} ~ '^[12][0-9]{13}$'`),
  ],
);

/** Application numbers are 8 digits, as on the e-visa portal. */
export const applicationNumberSeq = migration.sequence('application_number_seq', {
  startWith: 10000001,
  minValue: 10000001,
  maxValue: 99999999,
});

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
  },
  (t) => [
    index('applications_nomad_idx').on(t.nomadId, t.submittedAt, t.id),
    index('applications_submitted_idx').on(t.submittedAt, t.id),
    index('applications_state_idx').on(t.state, t.reviewDeadlineOn),
    check('applications_number_format', sql`${t.number} ~ '^[0-9]{8}$'`),
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
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('application_documents_application_idx').on(t.applicationId, t.addedAt)],
);

/**
 * Rule values of the decree that public sources leave open ([I] in DOMAIN.md): one row per
 * rule, read by the services, never literals in code.
 */
export const ruleValues = migration.table('rule_values', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  description: text('description').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** Kyrgyz public holidays, excluded from working-day deadlines. */
export const publicHolidays = migration.table('public_holidays', {
  day: date('day', { mode: 'string' }).primaryKey(),
  name: text('name').notNull(),
});

export type NomadRow = typeof nomads.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationDocumentRow = typeof applicationDocuments.$inferSelect;

/** Reads of personal data, hash-chained and append-only (see the kit's access log). */
export const { accessLog, accessLogHead } = accessLogTables(migration);
export type AccessRecordRow = typeof accessLog.$inferSelect;
