import { accessLogTables, announcedRuleColumns, createdVersionColumns, eventTables, idempotencyTables, ruleValueColumns } from '@nomad/kit';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
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

/** Every table of the Ministry of Labor lives in its own PostgreSQL schema. */
export const labor = pgSchema('labor');

export const expertKindEnum = labor.enum('expert_kind', ['PERSON', 'ORGANISATION']);
export const expertStateEnum = labor.enum('expert_state', ['ENGAGED', 'ENDED']);
export const conflictKindEnum = labor.enum('conflict_kind', ['NOMAD', 'EMPLOYER', 'COUNTRY']);
export const caseStateEnum = labor.enum('case_state', ['OPEN', 'CLOSED']);
export const riskLevelEnum = labor.enum('risk_level', ['LOW', 'MEDIUM', 'HIGH']);
export const caseCloseReasonEnum = labor.enum('case_close_reason', ['STATUS_REVOKED', 'STATUS_EXPIRED']);
export const caseActionKindEnum = labor.enum('case_action_kind', [
  'OPENED',
  'REOPENED',
  'PERIOD_EXTENDED',
  'RISK_CHANGED',
  'REPORT_FILED',
  'EVALUATION_REQUESTED',
  'EVALUATION_ASSIGNED',
  'EVALUATION_CONCLUDED',
  'CLOSED',
]);
export const evaluationStateEnum = labor.enum('evaluation_state', ['UNASSIGNED', 'ASSIGNED', 'CONCLUDED']);
export const evaluationVerdictEnum = labor.enum('evaluation_verdict', ['COMPLIANT', 'NON_COMPLIANT', 'INSUFFICIENT_EVIDENCE']);
export const evaluationOriginEnum = labor.enum('evaluation_origin', ['APPLICATION', 'MONITORING']);

/**
 * Rule values of the ministry ([I] in DOMAIN.md): one row per rule, read by the services,
 * never literals in code. Labor keeps its own copy of the activity list: it may not read
 * migration's tables, and an expert's fields of expertise are checked against it.
 */
export const ruleValues = labor.table('rule_values', ruleValueColumns());

/**
 * Rule values another agency owns, as its last `RulesChanged` announced them (the one source is
 * that agency's table; this is no copy to edit). `eligible_activities`: migration's list.
 */
export const announcedRules = labor.table('announced_rules', {
  key: text('key').primaryKey(),
  ...announcedRuleColumns(),
});

/** An engaged expert: a state body, an expert organisation or an individual specialist. */
export const experts = labor.table(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: expertKindEnum('kind').notNull(),
    name: text('name').notNull(),
    /** The identity provider's `sub` of the expert's user: links a labor_expert token to this record. */
    principalSub: text('principal_sub').notNull(),
    /** Activity codes (labor's `activities` rule) the expert may evaluate. */
    fields: text('fields').array().notNull(),
    engagedFrom: date('engaged_from', { mode: 'string' }).notNull(),
    /** Last day of the engagement; null for an open-ended one. */
    engagedUntil: date('engaged_until', { mode: 'string' }),
    state: expertStateEnum('state').notNull().default('ENGAGED'),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'string' }),
    endReason: text('end_reason'),
    engagedBy: text('engaged_by').notNull(),
    ...createdVersionColumns(),
  },
  (t) => [
    index('experts_created_idx').on(t.createdAt, t.id),
    // One engaged record per user: a second engagement of the same person waits for the first to end.
    uniqueIndex('experts_one_engaged_per_sub').on(t.principalSub).where(sql`${t.state} = 'ENGAGED'`),
    check('experts_period', sql`${t.engagedUntil} is null or ${t.engagedUntil} >= ${t.engagedFrom}`),
    check('experts_fields_nonempty', sql`cardinality(${t.fields}) > 0`),
  ],
);

/**
 * What an expert declared they must not evaluate: one nomad, an employer or client (by name,
 * optionally per country), or every client of a country.
 */
export const expertConflicts = labor.table(
  'expert_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    kind: conflictKindEnum('kind').notNull(),
    nomadId: uuid('nomad_id'),
    /** Compared case-insensitively with the names of the nomad's reported clients. */
    employerName: text('employer_name'),
    country: char('country', { length: 3 }),
    note: text('note'),
    declaredAt: timestamp('declared_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    declaredBy: text('declared_by').notNull(),
  },
  (t) => [
    index('expert_conflicts_expert_idx').on(t.expertId),
    index('expert_conflicts_nomad_idx').on(t.nomadId),
    check(
      'expert_conflicts_shape',
      sql`(${t.kind} = 'NOMAD' and ${t.nomadId} is not null) or (${t.kind} = 'EMPLOYER' and ${t.employerName} is not null) or (${t.kind} = 'COUNTRY' and ${t.country} is not null)`,
    ),
  ],
);

/** The ministry's monitoring of one status holder: opened on StatusGranted, closed on revocation or expiry. */
export const monitoringCases = labor.table(
  'monitoring_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The migration authority's `Nomad.id`: one case per person, reopened on a new grant. */
    nomadId: uuid('nomad_id').notNull(),
    state: caseStateEnum('state').notNull().default('OPEN'),
    riskLevel: riskLevelEnum('risk_level').notNull().default('LOW'),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    /** Last day of the status period as last reported by migration. */
    statusValidUntil: date('status_valid_until', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    closeReason: caseCloseReasonEnum('close_reason'),
    ...createdVersionColumns(),
  },
  (t) => [
    unique('monitoring_cases_nomad_key').on(t.nomadId),
    index('monitoring_cases_created_idx').on(t.createdAt, t.id),
    index('monitoring_cases_state_idx').on(t.state, t.riskLevel),
    // `monitoringCaseStatistics(filter: { riskLevels })` without states (issue 16).
    index('monitoring_cases_risk_idx').on(t.riskLevel, t.state),
  ],
);

/** The history of a case, append-only: what happened, when, and who did it. */
export const caseActions = labor.table(
  'case_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Recording order: the history's order (timestamps come from different clocks: events, officers). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => monitoringCases.id),
    kind: caseActionKindEnum('kind').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** `sub` of the officer or expert, the nomad's `sub`, or `migration` for an event. */
    actor: text('actor').notNull(),
    note: text('note'),
    evaluationId: uuid('evaluation_id'),
  },
  (t) => [index('case_actions_case_idx').on(t.caseId, t.seq)],
);

export interface ReportClient {
  /** The client's or employer's name; optional (the decree asks for countries). */
  name: string | null;
  /** ISO 3166-1 alpha-3; never KGZ. */
  country: string;
}

/** A nomad's report of their activity for one calendar quarter. */
export const activityReports = labor.table(
  'activity_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nomadId: uuid('nomad_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => monitoringCases.id),
    /** First day of the reported quarter. */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** Last day to file without being late (labor's `report_due_days` after the quarter). */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    activityCode: text('activity_code').notNull(),
    clients: jsonb('clients').$type<ReportClient[]>().notNull(),
    incomeMinor: bigint('income_minor', { mode: 'number' }).notNull(),
    incomeCurrency: char('income_currency', { length: 3 }).notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** Filed after `dueOn` (Bishkek calendar). */
    late: boolean('late').notNull().default(false),
  },
  (t) => [
    // One report per nomad and period: a second one is refused with REPORT_ALREADY_FILED.
    unique('activity_reports_nomad_period_key').on(t.nomadId, t.periodStart),
    index('activity_reports_nomad_idx').on(t.nomadId, t.periodStart, t.id),
    index('activity_reports_period_idx').on(t.periodStart, t.id),
    // Statistics by quarter and lateness read this index in order, without the table (issue 16).
    index('activity_reports_period_late_idx').on(t.periodStart, t.late),
    check('activity_reports_income_nonnegative', sql`${t.incomeMinor} >= 0`),
    // A report is of a calendar quarter: statistics group by `period_start` as the quarter.
    check('activity_reports_period_quarter', sql`extract(day from ${t.periodStart}) = 1 and extract(month from ${t.periodStart}) in (1, 4, 7, 10)`),
  ],
);

/** An expert evaluation of a nomad's declared activity: for an application, or within monitoring. */
export const evaluations = labor.table(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nomadId: uuid('nomad_id').notNull(),
    /** Migration's application it was requested for; null for a monitoring evaluation. */
    applicationId: uuid('application_id'),
    origin: evaluationOriginEnum('origin').notNull(),
    activityCode: text('activity_code').notNull(),
    state: evaluationStateEnum('state').notNull().default('UNASSIGNED'),
    expertId: uuid('expert_id').references(() => experts.id),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** `migration` for a request by event, else the labor officer's `sub`. */
    requestedBy: text('requested_by').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'string' }),
    assignedBy: text('assigned_by'),
    verdict: evaluationVerdictEnum('verdict'),
    findings: text('findings'),
    concludedAt: timestamp('concluded_at', { withTimezone: true, mode: 'string' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // One evaluation per application: a redelivered or repeated request finds the first.
    uniqueIndex('evaluations_application_key').on(t.applicationId).where(sql`${t.applicationId} is not null`),
    // At most one open monitoring evaluation per nomad.
    uniqueIndex('evaluations_one_open_monitoring')
      .on(t.nomadId)
      .where(sql`${t.origin} = 'MONITORING' and ${t.state} <> 'CONCLUDED'`),
    index('evaluations_nomad_idx').on(t.nomadId, t.requestedAt),
    index('evaluations_expert_idx').on(t.expertId, t.state),
    index('evaluations_requested_idx').on(t.requestedAt, t.id),
    // `evaluationStatistics(filter: { states })` (issue 16).
    index('evaluations_state_idx').on(t.state, t.requestedAt),
    check('evaluations_assigned_has_expert', sql`${t.state} = 'UNASSIGNED' or ${t.expertId} is not null`),
    check('evaluations_concluded_has_verdict', sql`${t.state} <> 'CONCLUDED' or ${t.verdict} is not null`),
  ],
);

export type ExpertRow = typeof experts.$inferSelect;
export type ExpertConflictRow = typeof expertConflicts.$inferSelect;
export type MonitoringCaseRow = typeof monitoringCases.$inferSelect;
export type CaseActionRow = typeof caseActions.$inferSelect;
export type ActivityReportRow = typeof activityReports.$inferSelect;
export type EvaluationRow = typeof evaluations.$inferSelect;

/** Reads of personal data, hash-chained and append-only (see the kit's access log). */
export const { accessRecords, accessSeals, accessRules } = accessLogTables(labor);
/** The access log's tables, as the kit's recorder, sealer and queries take them. */
export const accessTables = { accessRecords, accessSeals, accessRules };

/** Mutations retried with the same Idempotency-Key take effect once. */
export const { idempotencyKeys } = idempotencyTables(labor);

/** Domain events written with the state change (outbox), their deliveries, and events received (inbox). */
export const { outbox, outboxDeliveries, inbox } = eventTables(labor);
