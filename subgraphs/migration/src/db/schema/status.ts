import { journalEntryColumns } from '@nomad/kit';
import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications.ts';
import { nomads } from './nomads.ts';
import { migration, recordSourceEnum } from './shared.ts';

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

export type StatusPeriodRow = typeof statusPeriods.$inferSelect;
export type StatusEventRow = typeof statusEvents.$inferSelect;
export type StatusRecommendationRow = typeof statusRecommendations.$inferSelect;
