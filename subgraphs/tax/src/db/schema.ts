import { accessLogTables, eventTables, idempotencyTables, journalEntryColumns, PIN_PATTERN, ruleValueColumns, updatedVersionColumns } from '@nomad/kit';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Every table of the State Tax Service lives in its own PostgreSQL schema. */
export const tax = pgSchema('tax');

/**
 * Where a foreign IE stands in the register. A status grant or extension queues it for
 * re-registration (PENDING_REREGISTRATION); the campaign or an officer re-registers it; a
 * revocation or expiry queues its deregistration, which an officer completes.
 */
export const registrationStateEnum = tax.enum('registration_state', [
  'PENDING_REREGISTRATION',
  'REREGISTERED',
  'DEREGISTRATION_PENDING',
  'DEREGISTERED',
]);

/**
 * Tax regimes open to a foreign IE holding the status. The rates are data ([I] in DOMAIN.md
 * terms: public sources do not fix them for digital nomads), changed by a row update, never a
 * code change. `rateBasisPoints` is the share of declared income due as tax: 400 = 4 %.
 */
export const regimes = tax.table(
  'regimes',
  {
    code: text('code').primaryKey(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    rateBasisPoints: integer('rate_basis_points').notNull(),
    /** The regime a first registration gets when nobody chose one. Exactly one row has it. */
    isDefault: boolean('is_default').notNull().default(false),
    /** A closed regime stays for existing registrations but takes no new ones. */
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    check('regimes_rate_range', sql`${t.rateBasisPoints} between 0 and 10000`),
    uniqueIndex('regimes_one_default').on(t.isDefault).where(sql`${t.isDefault}`),
  ],
);

/**
 * The tax service's rule values ([I] facts of DOMAIN.md are data, not literals): one row per
 * rule, read by the services, changed by a row update. `statistics_disclosure`: the disclosure
 * control of tax's statistics and aggregates (k, rounding), see the kit's statistics/rules.ts.
 */
export const ruleValues = tax.table('rule_values', ruleValueColumns());

/** One foreign-IE registration per status holder, keyed by PIN (the taxpayer number). */
export const registrations = tax.table(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The taxpayer number: the PIN migration assigned through ZHAAK. Personal data. */
    pin: char('pin', { length: 14 }).notNull(),
    /** The nomad in the migration subgraph (the `Nomad` entity's id), from the status events. */
    nomadId: uuid('nomad_id').notNull(),
    state: registrationStateEnum('state').notNull(),
    /** True until the IE is entered in the register for the first time. */
    firstRegistration: boolean('first_registration').notNull().default(true),
    /** The day the IE was first entered in the register; null while a first registration is pending. */
    registeredOn: date('registered_on', { mode: 'string' }),
    lastReregisteredOn: date('last_reregistered_on', { mode: 'string' }),
    deregisteredOn: date('deregistered_on', { mode: 'string' }),
    regimeCode: text('regime_code')
      .notNull()
      .references(() => regimes.code),
    /** The registered activity (free text or an activity code of the decree's list); null until an officer records it. */
    activity: text('activity'),
    /**
     * The activity the status was granted for, as migration's code (StatusGranted's
     * `activityCode`): what statistics group by, never the free text above. Null when no grant
     * named it (a pilot holder, a grant announced before the field existed).
     */
    activityCode: text('activity_code'),
    /** Last day of the status period the latest grant or extension reported. */
    statusValidUntil: date('status_valid_until', { mode: 'string' }),
    /** When the current pending state was entered (for work queues). */
    pendingSince: timestamp('pending_since', { withTimezone: true, mode: 'string' }),
    /** `occurredAt` of the last status fact applied: an older fact arriving late changes nothing. */
    lastFactAt: timestamp('last_fact_at', { withTimezone: true, mode: 'string' }),
    ...updatedVersionColumns(),
  },
  (t) => [
    unique('registrations_pin_key').on(t.pin),
    unique('registrations_nomad_key').on(t.nomadId),
    index('registrations_state_idx').on(t.state, t.id),
    index('registrations_created_idx').on(t.createdAt, t.id),
    index('registrations_activity_idx').on(t.activityCode),
    check('registrations_pin_format', sql`${t.pin} ~ ${sql.raw(`'${PIN_PATTERN.source}'`)}`),
  ],
);

export const registerEntryKindEnum = tax.enum('register_entry_kind', ['REGISTERED', 'REREGISTERED', 'DEREGISTERED']);

/**
 * The register's journal: one row per act done to an IE (first registration, re-registration,
 * deregistration). Never updated. A campaign's acts carry its id, and the unique index makes
 * "none done twice" a database fact, not only a property of the code.
 */
export const registerEntries = tax.table(
  'register_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id),
    kind: registerEntryKindEnum('kind').notNull(),
    /** `actor`: the officer's `sub`, or `campaign` for a campaign's act. */
    ...journalEntryColumns(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
  },
  (t) => [
    index('register_entries_registration_idx').on(t.registrationId, t.at),
    uniqueIndex('register_entries_once_per_campaign').on(t.campaignId, t.registrationId).where(sql`${t.campaignId} is not null`),
  ],
);

export const campaignStateEnum = tax.enum('campaign_state', ['RUNNING', 'COMPLETED']);
export const campaignItemStateEnum = tax.enum('campaign_item_state', ['PENDING', 'DONE', 'FAILED']);

/**
 * A re-registration campaign: the IEs pending re-registration when it started, processed in
 * batches. Its items are its progress, so a restart picks up exactly where it stopped.
 */
export const campaigns = tax.table(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    state: campaignStateEnum('state').notNull().default('RUNNING'),
    /** Items taken per batch transaction. */
    batchSize: integer('batch_size').notNull(),
    total: integer('total').notNull(),
    startedBy: text('started_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('campaigns_started_idx').on(t.startedAt, t.id),
    // One campaign at a time: a second start resumes the running one.
    uniqueIndex('campaigns_one_running').on(t.state).where(sql`${t.state} = 'RUNNING'`),
    check('campaigns_batch_size', sql`${t.batchSize} between 1 and 1000`),
  ],
);

/**
 * Why a campaign could not re-register an IE: the registration was gone, no longer pending, or
 * under a closed regime; `ERROR` for anything unexpected (its detail stays in `failure_reason`).
 */
export const CAMPAIGN_FAILURE_CODES = ['REGISTRATION_MISSING', 'NOT_PENDING', 'REGIME_CLOSED', 'ERROR'] as const;
export type CampaignFailureCode = (typeof CAMPAIGN_FAILURE_CODES)[number];

export const campaignItems = tax.table(
  'campaign_items',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id),
    state: campaignItemStateEnum('state').notNull().default('PENDING'),
    /** Why the item failed (a code and a sentence, never personal data). */
    failureReason: text('failure_reason'),
    /** The code of `failureReason` alone, one of {@link CAMPAIGN_FAILURE_CODES}: what statistics group by. */
    failureCode: text('failure_code', { enum: CAMPAIGN_FAILURE_CODES }),
    processedAt: timestamp('processed_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ name: 'campaign_items_pkey', columns: [t.campaignId, t.registrationId] }),
    index('campaign_items_state_idx').on(t.campaignId, t.state, t.registrationId),
    // reregistrationStatistics: a campaign's items by outcome and failure code, read from the index alone.
    index('campaign_items_statistics_idx').on(t.campaignId, t.state, t.failureCode, t.registrationId),
    check('campaign_items_failure_code', sql`${t.failureCode} in (${sql.raw(CAMPAIGN_FAILURE_CODES.map((c) => `'${c}'`).join(', '))})`),
    check('campaign_items_failed_has_code', sql`(${t.state} = 'FAILED') = (${t.failureCode} is not null)`),
  ],
);

/**
 * A tax declaration: one per registration and period (a calendar quarter, `2026-Q3`). The
 * rate is copied from the regime when filed, so a later rate change never rewrites it.
 */
export const declarations = tax.table(
  'declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id),
    /** Calendar quarter, `YYYY-Qn`. */
    period: char('period', { length: 7 }).notNull(),
    /** Declared income for the period, minor units. Personal data. */
    incomeMinor: bigint('income_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    regimeCode: text('regime_code')
      .notNull()
      .references(() => regimes.code),
    rateBasisPoints: integer('rate_basis_points').notNull(),
    /** income × rate, rounded half up to the minor unit; same currency as the income. */
    taxDueMinor: bigint('tax_due_minor', { mode: 'number' }).notNull(),
    /** Last day to pay without falling into arrears. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    filedBy: text('filed_by').notNull(),
  },
  (t) => [
    unique('declarations_registration_period_key').on(t.registrationId, t.period),
    index('declarations_registration_idx').on(t.registrationId, t.period, t.id),
    index('declarations_due_idx').on(t.dueOn),
    // declarationStatistics: one currency's declarations (and a range of periods) with every column
    // the statement reads, so that it scans this index alone, not the table (issue 16).
    index('declarations_statistics_idx').on(t.currency, t.period, t.registrationId, t.incomeMinor, t.taxDueMinor, t.regimeCode, t.filedAt),
    check('declarations_period_format', sql`${t.period} ~ '^[0-9]{4}-Q[1-4]$'`),
    check('declarations_income_nonnegative', sql`${t.incomeMinor} >= 0`),
  ],
);

/** Payments against a declaration, in its currency. Never updated. */
export const payments = tax.table(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => declarations.id),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('payments_declaration_idx').on(t.declarationId, t.paidOn), check('payments_amount_positive', sql`${t.amountMinor} > 0`)],
);

export type RegimeRow = typeof regimes.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;
export type RegisterEntryRow = typeof registerEntries.$inferSelect;
export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignItemRow = typeof campaignItems.$inferSelect;
export type DeclarationRow = typeof declarations.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type RegistrationState = RegistrationRow['state'];

/** Reads of personal data (PIN, income), hash-chained and append-only (see the kit's access log). */
export const { accessRecords, accessSeals, accessRules } = accessLogTables(tax);
/** The access log's tables, as the kit's recorder, sealer and queries take them. */
export const accessTables = { accessRecords, accessSeals, accessRules };

/** Mutations retried with the same Idempotency-Key take effect once. */
export const { idempotencyKeys } = idempotencyTables(tax);

/** Events received (inbox); outbox tables too, so the kit's relay and operations work unchanged. */
export const { outbox, outboxDeliveries, inbox } = eventTables(tax);
