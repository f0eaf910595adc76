/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What `activityReportStatistics` can group activity reports by. Dates are Bishkek calendar dates. */
export type ActivityReportDimension =
  /** The activity reported (its code). */
  | 'ACTIVITY'
  /** Month the report was filed, `YYYY-MM`. */
  | 'FILED_MONTH'
  /** Quarter the report was filed, `YYYY-Qn`. */
  | 'FILED_QUARTER'
  /** Year the report was filed. */
  | 'FILED_YEAR'
  /** Filed after the due day (true) or on time (false). */
  | 'LATE'
  /** The quarter reported on, `YYYY-Qn`. */
  | 'PERIOD_QUARTER'
  /** The year of the quarter reported on. */
  | 'PERIOD_YEAR';

/** Filters for `activityReports`; all given conditions must hold. */
export type ActivityReportFilter = {
  /** True: only reports filed late; false: only those on time. */
  late?: boolean | null | undefined;
  /** Only this nomad's reports. */
  nomadId?: string | number | null | undefined;
  /** Only reports of this quarter. */
  period?: ReportPeriodInput | null | undefined;
};

/** What `activityReportStatistics` computes for each row. */
export type ActivityReportMeasure =
  /** Mean of the days from the end of the quarter to filing. */
  | 'AVERAGE_DAYS_TO_FILING'
  /** How many reports the row holds. */
  | 'COUNT'
  /** Share (0 to 1) of the row's reports filed after their due day. */
  | 'LATE_SHARE'
  /** Median of the calendar days from the end of the quarter reported on to the day of filing (percentile_cont 0.5). */
  | 'MEDIAN_DAYS_TO_FILING'
  /** 90th percentile of the days from the end of the quarter to filing (percentile_cont 0.9). */
  | 'P90_DAYS_TO_FILING';

export type AddDependantInput = {
  /** ISO 3166-1 alpha-3. */
  citizenship: string;
  /** A CHILD must be under 18 on the day added (CHILD_NOT_UNDER_18). */
  dateOfBirth: string;
  /** The relation's certificate (MARRIAGE_CERTIFICATE or BIRTH_CERTIFICATE: CERTIFICATE_REQUIRED), each foreign-language document with its own translation (TRANSLATION_REQUIRED). */
  documents: Array<DependantDocumentInput>;
  givenNames: string;
  passport: PassportInput;
  relation: DependantRelation;
  sex: Sex;
  /** Latin script, as in the passport. */
  surname: string;
};

/** Adds a piece of evidence to a measure. */
export type AddMeasureEvidenceInput = {
  /** What the evidence shows. Required, at most 500 characters. */
  description: string;
  /** The `version` you read; CONFLICT if the measure changed since. */
  expectedVersion?: number | null | undefined;
  measureId: string | number;
  /** Where it is kept. Required, at most 500 characters. */
  reference: string;
};

/** The applicant's identity as in the passport. Used to create or update the nomad's record. */
export type ApplicantInput = {
  citizenship: string;
  dateOfBirth: string;
  email: string;
  givenNames: string;
  passport: PassportInput;
  sex: Sex;
  surname: string;
};

/** Identifies the application to act on; `expectedVersion` guards against acting on a stale read. */
export type ApplicationActionInput = {
  applicationId: string | number;
  /** The `version` you read; the action fails with CONFLICT if the application changed since. */
  expectedVersion?: number | null | undefined;
};

/** What `applicationStatistics` can group applications by. Dates are Bishkek calendar dates. */
export type ApplicationDimension =
  /** The activity applied for (its code). */
  | 'ACTIVITY'
  /** The applicant's citizenship (ISO 3166-1 alpha-3). */
  | 'CITIZENSHIP'
  /** Month of the decision (approval or refusal), `YYYY-MM`; null for applications without one. */
  | 'DECIDED_MONTH'
  /** The organisational unit of the officer who approved or refused the application (their token's `unit` claim); null for applications without a decision, or decided by an officer whose token named no unit. */
  | 'DECIDING_UNIT'
  /** The application's state now. */
  | 'STATE'
  /** Month of submission, `YYYY-MM`. */
  | 'SUBMITTED_MONTH'
  /** Quarter of submission, `YYYY-Qn`. */
  | 'SUBMITTED_QUARTER'
  /** Year of submission. */
  | 'SUBMITTED_YEAR';

/** The duration that MEDIAN, P90 and AVERAGE measure, for applications approved or refused. */
export type ApplicationDuration =
  /** Calendar days from the day of submission to the day of the decision. */
  | 'CALENDAR_DAYS_TO_DECISION'
  /** Working days after the day of submission up to and including the day of the decision: weekends and the public holidays the review deadline skips do not count (a decision on the deadline day of a 7-working-day review counts 7). */
  | 'WORKING_DAYS_TO_DECISION';

/** Filters for `applications`; all given conditions must hold. */
export type ApplicationFilter = {
  activityCodes?: Array<string> | null | undefined;
  /** Applicant's citizenship, any of these (ISO 3166-1 alpha-3). */
  citizenships?: Array<string> | null | undefined;
  /** Approved or refused by an officer of any of these organisational units (their token's `unit` claim). Migration officers and analysts only. */
  decidingUnits?: Array<string> | null | undefined;
  nomadId?: string | number | null | undefined;
  /** True: only applications awaiting a decision past their review deadline; false: only the others. */
  overdue?: boolean | null | undefined;
  states?: Array<ApplicationState> | null | undefined;
  /** Submitted on or after this date (Bishkek time). */
  submittedFrom?: string | null | undefined;
  /** Submitted on or before this date (Bishkek time). */
  submittedTo?: string | null | undefined;
};

/** What `applicationStatistics` computes for each row. */
export type ApplicationMeasure =
  /** Mean of `duration` over the row's decided applications. */
  | 'AVERAGE'
  /** How many applications the row holds. */
  | 'COUNT'
  /** Median of `duration` over the row's decided applications (percentile_cont 0.5). */
  | 'MEDIAN'
  /** Share (0 to 1) of the row's applications awaiting a decision past their review deadline today. */
  | 'OVERDUE_SHARE'
  /** 90th percentile of `duration` over the row's decided applications (percentile_cont 0.9). */
  | 'P90';

/**
 * Where an application stands. `SUBMITTED → UNDER_REVIEW → APPROVED | REFUSED`;
 * `UNDER_REVIEW → RETURNED_FOR_CORRECTION → SUBMITTED` within the correction window, else
 * `CANCELLED`; `SUBMITTED | UNDER_REVIEW → WITHDRAWN` by the applicant.
 */
export type ApplicationState =
  | 'APPROVED'
  | 'CANCELLED'
  | 'REFUSED'
  | 'RETURNED_FOR_CORRECTION'
  | 'SUBMITTED'
  | 'UNDER_REVIEW'
  | 'WITHDRAWN';

export type ApproveApplicationInput = {
  applicationId: string | number;
  expectedVersion?: number | null | undefined;
  note?: string | null | undefined;
};

/** Which evaluation goes to which expert. */
export type AssignEvaluationInput = {
  /** The evaluation to assign. */
  evaluationId: string | number;
  /** The evaluation `version` you read; CONFLICT if it changed since. */
  expectedVersion?: number | null | undefined;
  /** An expert engaged today, with the activity among their fields and no conflict with the nomad. */
  expertId: string | number;
};

/** What happened in a case. */
export type CaseActionKind =
  /** Closed on revocation or expiry of the status. */
  | 'CLOSED'
  /** An evaluation was assigned to an expert. */
  | 'EVALUATION_ASSIGNED'
  /** An expert concluded an evaluation (the note is the verdict). */
  | 'EVALUATION_CONCLUDED'
  /** An expert evaluation was requested. */
  | 'EVALUATION_REQUESTED'
  /** Opened on the first grant of the status. */
  | 'OPENED'
  /** The status was extended or renewed: the monitored period moved. */
  | 'PERIOD_EXTENDED'
  /** Reopened on a new grant after it had closed. */
  | 'REOPENED'
  /** The nomad filed an activity report (the note names the quarter). */
  | 'REPORT_FILED'
  /** A labor officer changed the risk level (the note says from what, to what and why). */
  | 'RISK_CHANGED';

/** Why a case closed. */
export type CaseCloseReason =
  /** The status expired. */
  | 'STATUS_EXPIRED'
  /** Migration revoked the status. */
  | 'STATUS_REVOKED';

/** Changes an IE's regime (and optionally its activity). */
export type ChangeTaxRegimeInput = {
  /** The registered activity; omit to keep it, null to clear it. */
  activity?: string | null | undefined;
  expectedVersion?: number | null | undefined;
  /** A regime from `taxRegimes` (an inactive one only if the IE already has it). */
  regimeCode: string;
  registrationId: string | number;
};

/** Security classification of a concluded screening's file. */
export type Classification =
  /** Confidential. */
  | 'CONFIDENTIAL'
  /** For official use. */
  | 'RESTRICTED'
  /** Secret. */
  | 'SECRET';

/** Outcome of GKNB's screening as the migration authority knows it (reasons stay with GKNB). */
export type ClearanceOutcome =
  | 'CLEARED'
  | 'FLAGGED'
  | 'PENDING';

/** Concludes a PENDING screening. */
export type ConcludeScreeningInput = {
  /** Classification of the screening's file. */
  classification: Classification;
  /** The `version` you read; CONFLICT if the screening changed since. */
  expectedVersion?: number | null | undefined;
  outcome: ScreeningConclusion;
  /** Free text, at most 2,000 characters; required with the reason OTHER (REASON_TEXT_REQUIRED). */
  reasonText?: string | null | undefined;
  /** At least one for FLAGGED (REASONS_REQUIRED), none for CLEARED (REASONS_NOT_ALLOWED). */
  reasons?: Array<ScreeningReason> | null | undefined;
  screeningId: string | number;
};

/** Confirms that a former holder left the country. */
export type ConfirmDepartureInput = {
  /** The day they left; not in the future (DATE_IN_FUTURE), not before the status ended (DEPARTURE_BEFORE_END). */
  departedOn: string;
  /** The `version` you read; CONFLICT if the watch changed since. */
  expectedVersion?: number | null | undefined;
  /** E.g. the border-crossing record. */
  note?: string | null | undefined;
  watchId: string | number;
};

/** A conflict-of-interest declaration as sent: fill the field its `kind` needs. */
export type ConflictInput = {
  /** Required for COUNTRY; optional for EMPLOYER. ISO 3166-1 alpha-3. */
  country?: string | null | undefined;
  /** Required for EMPLOYER. */
  employerName?: string | null | undefined;
  /** What the declaration rules out; decides which other field is required. */
  kind: ConflictKind;
  /** Required for NOMAD. */
  nomadId?: string | number | null | undefined;
  /** Why, in the declarer's words. */
  note?: string | null | undefined;
};

/** What a conflict-of-interest declaration rules out. */
export type ConflictKind =
  /** Every client in a country, matched against the nomads' reported clients. */
  | 'COUNTRY'
  /** A foreign employer or client by name (optionally in one country), matched against the nomads' reported clients. */
  | 'EMPLOYER'
  /** One nomad (by id). */
  | 'NOMAD';

export type CorrectionInput = {
  field?: string | null | undefined;
  message: string;
};

/** Adds a measure to the register (PLANNED). */
export type CreateTechnicalMeasureInput = {
  /** An earlier due date than the decree's; later is refused (DUE_DATE_AFTER_DECREE_DEADLINE). Omit to follow the decree. */
  dueOn?: string | null | undefined;
  /** Required, at most 500 characters. */
  responsibleUnit: string;
  /** Required, at most 500 characters. */
  title: string;
};

/** What `declarationStatistics` can group declarations by. Dates are Bishkek calendar dates. */
export type DeclarationDimension =
  /** The activity the IE's status was granted for (migration's activity code); null when no grant named one. */
  | 'ACTIVITY'
  /** Month the declaration was filed, `YYYY-MM`. */
  | 'FILED_MONTH'
  /** The declaration's period, a calendar quarter `YYYY-Qn`. */
  | 'QUARTER'
  /** The regime the tax was computed under when filed. */
  | 'REGIME'
  /** Where the IE stands in the register now. */
  | 'REGISTRATION_STATE'
  /** The year of the declaration's period. */
  | 'YEAR';

/** What `declarationStatistics` computes for each row. */
export type DeclarationMeasure =
  /** How many declarations the row holds. */
  | 'COUNT'
  /** Mean declared income per declaration. */
  | 'INCOME_AVERAGE'
  /** Median declared income per declaration (percentile_cont 0.5). */
  | 'INCOME_MEDIAN'
  /** 90th percentile of the declared income per declaration (percentile_cont 0.9). */
  | 'INCOME_P90'
  /** Sum of the declared income. */
  | 'INCOME_SUM'
  /** How many taxpayers (IEs) filed the row's declarations. */
  | 'TAXPAYERS'
  /** Sum of the tax due. */
  | 'TAX_DUE_SUM';

/** Filters of `declarationStatistics`: the register list's (`TaxRegistrationFilter`), the activity and the periods. All given conditions must hold. */
export type DeclarationStatisticsFilter = {
  /** IEs whose status was granted for any of these activities (codes). */
  activityCodes?: Array<string> | null | undefined;
  /** True: only IEs never entered in the register yet; false: only those entered before. */
  firstRegistration?: boolean | null | undefined;
  /** Periods from this quarter on, `YYYY-Qn`. */
  periodFrom?: string | null | undefined;
  /** Periods up to this quarter, `YYYY-Qn`. */
  periodTo?: string | null | undefined;
  /** IEs under any of these regimes now. */
  regimeCodes?: Array<string> | null | undefined;
  /** IEs in any of these states now. */
  states?: Array<TaxRegistrationState> | null | undefined;
};

/** A declaration to add to an expert. */
export type DeclareConflictInput = {
  /** What the expert must not evaluate. */
  conflict: ConflictInput;
  /** The expert record (an expert may only name their own). */
  expertId: string | number;
};

export type DependantDecisionInput = {
  dependantId: string | number;
  /** Required to refuse or to end a status (REASON_REQUIRED); an optional note on approval. */
  reason?: string | null | undefined;
};

export type DependantDocumentInput = {
  /** Unique within the dependant's documents (a translation names its document by it). */
  fileName: string;
  kind: DependantDocumentKind;
  /** ISO 639-1 language; a document in another language than Kyrgyz or Russian needs its own TRANSLATION. */
  language: string;
  /** A TRANSLATION only: the `fileName` of the document it translates. */
  translates?: string | null | undefined;
};

/** The documents filed for a dependant. */
export type DependantDocumentKind =
  /** Proves a child's relation. */
  | 'BIRTH_CERTIFICATE'
  /** Proves a spouse's relation. */
  | 'MARRIAGE_CERTIFICATE'
  | 'PASSPORT'
  | 'PHOTO'
  /** A translation into Kyrgyz or Russian of one other document of the set, named in `translates`. */
  | 'TRANSLATION';

/** How a dependant is related to the holder or applicant they depend on. */
export type DependantRelation =
  /** A child under 18 on the day added: the birth certificate is required. */
  | 'CHILD'
  /** Husband or wife: the marriage certificate is required. */
  | 'SPOUSE';

/** A dependant's review. */
export type DependantState =
  /** Approved: has a PIN and the principal's status. */
  | 'APPROVED'
  /** Added, awaiting a migration officer (`pendingDependants`). */
  | 'PENDING'
  /** Refused by an officer. */
  | 'REFUSED';

/** Withheld reads an auditor shows to the nomad now. */
export type DiscloseAccessLogEntriesInput = {
  /**
   * `AccessLogEntry.id`s (`<agency>:<number>`, not UUIDs like the graph's other ids, so the
   * type is String), at most 100.
   */
  entryIds: Array<string>;
  /** Why they are disclosed early (kept with the disclosure). */
  note?: string | null | undefined;
};

export type DocumentInput = {
  /** Unique within the set: a translation names its document by it. */
  fileName: string;
  kind: DocumentKind;
  /**
   * ISO 639-1 language. Each document not in Kyrgyz (`ky`) or Russian (`ru`), photos aside,
   * needs its own TRANSLATION into one of them (TRANSLATION_REQUIRED).
   */
  language: string;
  /**
   * For a TRANSLATION, required: the `fileName` of the document it translates
   * (TRANSLATION_TARGET_REQUIRED, TRANSLATION_TARGET_UNKNOWN); a translation not into `ky` or
   * `ru` is refused (TRANSLATION_LANGUAGE_NOT_ACCEPTED). Other kinds leave it out.
   */
  translates?: string | null | undefined;
};

/** Kinds of documents an application lists. */
export type DocumentKind =
  /** Bank statement of contract income. */
  | 'BANK_STATEMENT'
  /** The "DN" visa, required of citizens of visa-required countries. */
  | 'DN_VISA'
  /** Contract with a foreign employer (last 1–2 years). */
  | 'EMPLOYMENT_CONTRACT'
  /** Freelance contract with foreign clients (last 1–2 years). */
  | 'FREELANCE_CONTRACT'
  /** Passport, all pages. */
  | 'PASSPORT'
  | 'PHOTO'
  /** Diplomas, certificates, portfolio. */
  | 'PROFESSIONAL_DOCUMENT'
  /** A translation into Kyrgyz or Russian of another document. */
  | 'TRANSLATION';

/** Which engagement to end, and why. */
export type EndEngagementInput = {
  /** The `version` you read; CONFLICT if the record changed since. */
  expectedVersion?: number | null | undefined;
  /** The expert record to end. */
  expertId: string | number;
  /** Why the engagement ends (required). */
  reason: string;
};

/** A new engagement. */
export type EngageExpertInput = {
  /** Declarations known at engagement; more can be added with `declareConflict`. */
  conflicts?: Array<ConflictInput> | null | undefined;
  /** First day of the engagement. */
  engagedFrom: string;
  /** Last day; omit for an open-ended engagement. */
  engagedUntil?: string | null | undefined;
  /** Activity codes (see `laborActivities`); at least one. */
  fields: Array<string>;
  /** Person or organisation. */
  kind: ExpertKind;
  /** Name of the person or organisation (1–300 characters). */
  name: string;
  /** The user id (`sub`) the expert signs in with: their `labor_expert` token is linked to this record by it. */
  principalSub: string;
};

/** What `evaluationStatistics` can group evaluations by. Dates are Bishkek calendar dates. */
export type EvaluationDimension =
  /** The activity evaluated (its code). */
  | 'ACTIVITY'
  /** Month of the verdict, `YYYY-MM`; null for the group not concluded yet. */
  | 'CONCLUDED_MONTH'
  /** Requested for an application or within monitoring. */
  | 'ORIGIN'
  /** Month of the request, `YYYY-MM`. */
  | 'REQUESTED_MONTH'
  /** Quarter of the request, `YYYY-Qn`. */
  | 'REQUESTED_QUARTER'
  /** Year of the request. */
  | 'REQUESTED_YEAR'
  /** Where the evaluation stands now. */
  | 'STATE'
  /** The expert's verdict; null for the group not concluded yet. */
  | 'VERDICT';

/** Filters for `evaluations`; all given conditions must hold. */
export type EvaluationFilter = {
  /** Only evaluations of this nomad. */
  nomadId?: string | number | null | undefined;
  /** Any of these states: `[UNASSIGNED]` is the queue of evaluations waiting for an expert. */
  states?: Array<EvaluationState> | null | undefined;
};

/** What `evaluationStatistics` computes for each row. */
export type EvaluationMeasure =
  /** Mean of the days from the request to the verdict. */
  | 'AVERAGE_DAYS_TO_VERDICT'
  /** How many evaluations the row holds. */
  | 'COUNT'
  /** Median of the calendar days from the request to the verdict, over the row's concluded evaluations (percentile_cont 0.5). */
  | 'MEDIAN_DAYS_TO_VERDICT'
  /** Share (0 to 1) of the row's concluded evaluations whose verdict is NON_COMPLIANT. */
  | 'NON_COMPLIANT_SHARE'
  /** 90th percentile of the days from the request to the verdict (percentile_cont 0.9). */
  | 'P90_DAYS_TO_VERDICT';

/** Why an evaluation was requested. */
export type EvaluationOrigin =
  /** Migration asked for it while reviewing an application. */
  | 'APPLICATION'
  /** A labor officer asked for it while monitoring a status holder. */
  | 'MONITORING';

/** Where an evaluation stands: `UNASSIGNED → ASSIGNED → CONCLUDED` (an officer may reassign an ASSIGNED one). */
export type EvaluationState =
  /** With an expert, who submits findings. */
  | 'ASSIGNED'
  /** The expert's verdict was given and sent to the migration authority. */
  | 'CONCLUDED'
  /** Waiting for an expert: none was available (field, engagement, conflicts). Assign with `assignEvaluation`. */
  | 'UNASSIGNED';

/** Where an event's delivery to one subscribing agency stands. */
export type EventDeliveryState =
  /**
   * Given up after the last allowed attempt. Later events of the same aggregate to the same
   * subscriber wait behind it until an operator retries it.
   */
  | 'DEAD'
  /** The subscriber acknowledged it (its effect committed, or it was a duplicate). */
  | 'DELIVERED'
  /** The last attempt failed; the relay tries again at `nextAttemptAt`. */
  | 'FAILED'
  /** Due: not attempted yet, or put back by an operator. */
  | 'PENDING';

/** Why a former holder must leave. */
export type ExitCause =
  /** The status expired: GKNB applies the rule `expiry_exit_days` (15 by default). */
  | 'EXPIRED'
  /** The status was revoked: the decree gives 15 days to leave. */
  | 'REVOKED';

/** Whether an expert is an individual specialist or an organisation (a state body or expert organisation). */
export type ExpertKind =
  /** A state body or an expert organisation. */
  | 'ORGANISATION'
  /** An individual specialist. */
  | 'PERSON';

/** Where an expert's engagement stands: `ENGAGED → ENDED`. */
export type ExpertState =
  /** The engagement was ended by an officer; open evaluations went back to the queue. */
  | 'ENDED'
  /** Engaged: takes evaluations on the days of the engagement period. */
  | 'ENGAGED';

/** An expert's verdict on the declared activity: a recommendation, never a decision. */
export type ExpertVerdict =
  | 'COMPLIANT'
  | 'INSUFFICIENT_EVIDENCE'
  | 'NON_COMPLIANT';

/** The report of one quarter. */
export type FileActivityReportInput = {
  /** An activity code from `laborActivities`. */
  activityCode: string;
  /** At least one foreign client or employer. */
  clients: Array<ReportClientInput>;
  /** Income for the quarter, in minor units of an accepted currency. */
  income: MoneyInput;
  /** The quarter reported; it must have started. */
  period: ReportPeriodInput;
};

export type FileTaxDeclarationInput = {
  /** Income for the period; not negative. */
  income: MoneyInput;
  /** The declaring nomad; a nomad may omit it (their own). A tax officer must give it. */
  nomadId?: string | number | null | undefined;
  /** A calendar quarter that has ended, `YYYY-Qn`. */
  period: string;
};

export type ForeignPartyInput = {
  country: string;
  kind: ForeignPartyKind;
  name: string;
};

export type ForeignPartyKind =
  | 'CLIENT'
  | 'EMPLOYER';

/** Why a received event had no effect. */
export type InboxFailureState =
  /** The handler threw; the producer retries it. */
  | 'FAILED'
  /** Refused for good: its payload does not match the event's schema, this agency does not receive its type, or its handler refused the fact (`lastError` starts with the code, e.g. `EVENT_SUBJECT_UNKNOWN`); the producer dead-letters it. */
  | 'POISON';

/** The agencies whose reads the ledger consolidates. */
export type LedgerAgency =
  | 'LABOR'
  | 'MIGRATION'
  | 'SECURITY'
  | 'TAX';

export type LoadPublicHolidaysInput = {
  /** Every public holiday of that year: the list replaces what the year had. */
  holidays: Array<PublicHolidayInput>;
  /** The year whose holidays these are (2025 to 2100). */
  year: number;
};

/** Where a technical measure stands. */
export type MeasureState =
  /** Implemented, with evidence (DONE needs at least one piece; it may be reopened to IN_PROGRESS). */
  | 'DONE'
  /** Being implemented. */
  | 'IN_PROGRESS'
  /** Not started. */
  | 'PLANNED';

/** Money as sent in a mutation. */
export type MoneyInput = {
  /** Amount in minor units of `currency` (its ISO 4217 exponent): USD 5,000.00 is `500000`, JPY 10,000 is `10000`. Must not be negative. */
  amountMinor: number;
  /** ISO 4217 alphabetic code, e.g. `USD`; a code ISO 4217 does not list is refused. */
  currency: string;
};

/** What `monitoringCaseStatistics` can group monitoring cases by. Dates are Bishkek calendar dates. */
export type MonitoringCaseDimension =
  /** Month the case was (last) opened, `YYYY-MM`. */
  | 'OPENED_MONTH'
  /** Quarter the case was (last) opened, `YYYY-Qn`. */
  | 'OPENED_QUARTER'
  /** Year the case was (last) opened. */
  | 'OPENED_YEAR'
  /** The case's risk level now. */
  | 'RISK_LEVEL'
  /** OPEN or CLOSED. */
  | 'STATE';

/** Filters for `monitoringCases`; all given conditions must hold. */
export type MonitoringCaseFilter = {
  /** Any of these risk levels. */
  riskLevels?: Array<RiskLevel> | null | undefined;
  /** Any of these states. */
  states?: Array<MonitoringCaseState> | null | undefined;
};

/** What `monitoringCaseStatistics` computes for each row. */
export type MonitoringCaseMeasure =
  /** How many cases (one per status holder) the row holds. */
  | 'COUNT';

/** Where a monitoring case stands: `OPEN` while the nomad holds the status, then `CLOSED` (reopened on a new grant). */
export type MonitoringCaseState =
  | 'CLOSED'
  | 'OPEN';

/** Filters for `nomads`; all given conditions must hold. */
export type NomadFilter = {
  /** Any of these citizenships (ISO 3166-1 alpha-3). */
  citizenships?: Array<string> | null | undefined;
  /** True: only nomads with a PIN; false: only those without. */
  hasPin?: boolean | null | undefined;
  source?: RecordSource | null | undefined;
};

export type PassportInput = {
  /** Issuing country, ISO 3166-1 alpha-3. */
  country: string;
  expiresOn: string;
  number: string;
};

/** Data Tracker v3's kinds of processing. */
export type ProcessingType =
  /** A service of the agency (an event it received, a campaign) processed the data. */
  | 'DATA_PROCESSING'
  /** The agency answered a request: from another agency, an auditor, or the nomad. */
  | 'DATA_RESPONSE'
  /** The agency's own staff processed data the agency holds. */
  | 'INTERNAL_PROCESSING';

export type PublicHolidayInput = {
  /** A day of the year being loaded; each day once. */
  day: string;
  /** The holiday's name as the decree gives it (1 to 200 characters). */
  name: string;
};

export type RecordPassportInput = {
  nomadId: string | number;
  /** The renewed passport: it replaces the one on record, which is kept in the history. */
  passport: PassportInput;
};

/** Where a record came from. */
export type RecordSource =
  /** Imported from the 2022–2024 pilot programme. */
  | 'PILOT_2022_2024'
  /** Submitted through the nomad portal under decree No. 241. */
  | 'PORTAL';

export type RecordTaxPaymentInput = {
  /** In the declaration's currency; positive. */
  amount: MoneyInput;
  declarationId: string | number;
  /** The day the money was paid; not in the future. */
  paidOn: string;
};

/** Closed list of grounds for refusing an application (decree No. 241). */
export type RefusalGround =
  /** Activity outside the eligible list. */
  | 'ACTIVITY_NOT_ELIGIBLE'
  /** Conviction for terrorism, crimes against humanity or national-security offences. */
  | 'CRIMINAL_CONVICTION'
  /** False or forged documents. */
  | 'FALSE_DOCUMENTS'
  /** Threat to national security. */
  | 'NATIONAL_SECURITY_THREAT';

export type RefuseApplicationInput = {
  applicationId: string | number;
  expectedVersion?: number | null | undefined;
  ground: RefusalGround;
  note?: string | null | undefined;
};

/** What kind of act a register entry records. */
export type RegisterEntryKind =
  /** The IE was removed from the register. */
  | 'DEREGISTERED'
  /** The IE was entered in the register for the first time. */
  | 'REGISTERED'
  /** The IE was re-registered (by a campaign or an officer). */
  | 'REREGISTERED';

/** Enters a status holder's IE in the register directly (at the counter). */
export type RegisterIndividualEntrepreneurInput = {
  /** The registered activity, at most 200 characters. */
  activity?: string | null | undefined;
  /** The nomad's id in the migration subgraph. */
  nomadId: string | number;
  /** The nomad's PIN, the taxpayer number. Required: a nomad without a PIN cannot be registered (`NO_PIN`). */
  pin?: string | null | undefined;
  /** A regime from `taxRegimes`; the default regime when omitted. */
  regimeCode?: string | null | undefined;
};

/** A client or employer as reported. */
export type ReportClientInput = {
  /** ISO 3166-1 alpha-3; KGZ is refused (CLIENT_NOT_FOREIGN). */
  country: string;
  /** Name of the client or employer (optional; 1–300 characters). */
  name?: string | null | undefined;
};

/** A quarter as sent. */
export type ReportPeriodInput = {
  /** 1–4. */
  quarter: number;
  /** From 2022. */
  year: number;
};

/** A labor officer's request to evaluate a status holder. */
export type RequestMonitoringEvaluationInput = {
  /** The activity to evaluate; defaults to the activity of the nomad's latest report. */
  activityCode?: string | null | undefined;
  /** A status holder with an OPEN monitoring case. */
  nomadId: string | number;
  /** Why, kept in the case history. */
  note?: string | null | undefined;
};

/** Whether a campaign still has work. */
export type ReregistrationCampaignState =
  /** No item is pending: every IE was re-registered or failed with a reason. */
  | 'COMPLETED'
  /** Items remain pending; the service works them in the background (and after a restart). */
  | 'RUNNING';

/** What `reregistrationStatistics` can group a campaign's IEs by. */
export type ReregistrationDimension =
  /** The activity the IE's status was granted for (migration's activity code); null when no grant named one. */
  | 'ACTIVITY'
  /** The campaign, by its public code (the Bishkek day it started, `YYYY-MM-DD`, `-2`, `-3`… for a later one that day). Without `filter.campaign`, every campaign: the list of campaigns an analyst can choose from. */
  | 'CAMPAIGN'
  /** Why the campaign could not re-register the IE; null for the IEs it did not fail. */
  | 'FAILURE_REASON'
  /** DONE, PENDING or FAILED in the campaign. */
  | 'OUTCOME'
  /** The IE's regime now. */
  | 'REGIME'
  /** Where the IE stands in the register now. */
  | 'REGISTRATION_STATE';

/** Why a campaign could not re-register an IE (never free text: the detail stays with the tax officers). */
export type ReregistrationFailureReason =
  /** An unexpected error; the campaign went on. */
  | 'ERROR'
  /** The registration was no longer pending re-registration (re-registered by an officer, or its status ended). */
  | 'NOT_PENDING'
  /** The IE's regime takes no new registrations: an officer changes the regime, then re-registers it. */
  | 'REGIME_CLOSED'
  /** The registration no longer existed. */
  | 'REGISTRATION_MISSING';

/** What `reregistrationStatistics` computes for each row. */
export type ReregistrationMeasure =
  /** How many IEs the row holds (an IE in two of the campaigns counted counts once in the total). */
  | 'COUNT';

/** An IE's outcome in a re-registration campaign. */
export type ReregistrationOutcome =
  /** Re-registered by the campaign. */
  | 'DONE'
  /** The campaign could not re-register it: see `FAILURE_REASON`. */
  | 'FAILED'
  /** Not processed yet. */
  | 'PENDING';

/** Filters of `reregistrationStatistics`: the campaign, and the register list's (`TaxRegistrationFilter`) plus the activity. All given conditions must hold. */
export type ReregistrationStatisticsFilter = {
  /** IEs whose status was granted for any of these activities (codes). */
  activityCodes?: Array<string> | null | undefined;
  /** The campaign by its code (`ReregistrationCampaign.code`, or a row of `groupBy: [CAMPAIGN]`), e.g. `2026-10-15`: what analysts choose by. An unknown code is BAD_USER_INPUT naming `filter.campaign`. With neither this nor `campaignId`: every campaign when grouped by CAMPAIGN, else the latest started. */
  campaign?: string | null | undefined;
  /** Tax officers: the campaign by id (`reregistrationCampaigns`); refused to analysts, like every id. */
  campaignId?: string | number | null | undefined;
  /** True: only IEs never entered in the register yet; false: only those entered before. */
  firstRegistration?: boolean | null | undefined;
  /** IEs under any of these regimes now. */
  regimeCodes?: Array<string> | null | undefined;
  /** IEs in any of these states now. */
  states?: Array<TaxRegistrationState> | null | undefined;
};

/** Opens a re-screening of a nomad GKNB screened before. */
export type RescreenHolderInput = {
  nomadId: string | number;
  /** Why the re-screening is asked for (security officers only). */
  note?: string | null | undefined;
};

export type ResubmitApplicationInput = {
  applicationId: string | number;
  /** Documents added with the correction. */
  documents?: Array<DocumentInput> | null | undefined;
  expectedVersion?: number | null | undefined;
};

export type ReturnForCorrectionInput = {
  applicationId: string | number;
  /** At least one thing to correct. The applicant has the correction window (1 month) to resubmit. */
  corrections: Array<CorrectionInput>;
  expectedVersion?: number | null | undefined;
};

export type RevocationGround =
  /** End of the professional activity. */
  | 'ACTIVITY_ENDED'
  /** Threat to national security. */
  | 'NATIONAL_SECURITY_THREAT'
  /** Breach of the rules of the status. */
  | 'RULES_BREACH';

export type RevokeStatusInput = {
  ground: RevocationGround;
  nomadId: string | number;
  reason?: string | null | undefined;
};

/** The ministry's assessment of how closely a status holder needs watching; set by labor officers. */
export type RiskLevel =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** How a screening was concluded (a conclusion is never PENDING). */
export type ScreeningConclusion =
  /** No objection. */
  | 'CLEARED'
  /** An objection, with at least one reason. */
  | 'FLAGGED';

/** What `screeningStatistics` can group screenings by. Dates are Bishkek calendar dates. */
export type ScreeningDimension =
  /** Month the screening was concluded, `YYYY-MM`; null for screenings still PENDING. */
  | 'CONCLUDED_MONTH'
  /** Quarter the screening was concluded, `YYYY-Qn`; null while PENDING. */
  | 'CONCLUDED_QUARTER'
  /** Year the screening was concluded; null while PENDING. */
  | 'CONCLUDED_YEAR'
  /** Whom and why GKNB screened: an applicant (APPLICATION), a holder again (RESCREEN) or an adult family member (DEPENDANT). */
  | 'KIND'
  /** Month the screening was opened (requested), `YYYY-MM`. */
  | 'OPENED_MONTH'
  /** Quarter the screening was opened, `YYYY-Qn`. */
  | 'OPENED_QUARTER'
  /** Year the screening was opened. */
  | 'OPENED_YEAR'
  /** The screening's outcome now: PENDING, CLEARED or FLAGGED. */
  | 'OUTCOME';

/** Narrows `screenings`; every given criterion must hold. */
export type ScreeningFilter = {
  /** Only this kind. */
  kind?: ScreeningKind | null | undefined;
  /** Only these outcomes, e.g. `[PENDING]` for the work queue. */
  outcomes?: Array<ScreeningOutcome> | null | undefined;
};

/** Why a screening was opened. */
export type ScreeningKind =
  /** Opened automatically when migration received an application (ApplicationSubmitted). */
  | 'APPLICATION'
  /** Opened when a holder or applicant added an adult family member (DependantAdded); `nomad` is the principal, `dependant` the person screened. */
  | 'DEPENDANT'
  /** Opened by a security officer for a nomad GKNB had screened before (`rescreenHolder`). */
  | 'RESCREEN';

/**
 * Outcome of a GKNB security screening. Everyone allowed to see a screening sees this; the
 * reasons behind it are for security officers alone.
 */
export type ScreeningOutcome =
  /** No objection: the application may be approved. */
  | 'CLEARED'
  /** GKNB objects: an application cannot be approved; for a holder, a suspension is recommended. */
  | 'FLAGGED'
  /** Opened, not yet concluded. An application cannot be approved while its screening is pending. */
  | 'PENDING';

/** GKNB's closed list of reasons for a FLAGGED outcome. Security officers only. */
export type ScreeningReason =
  /** Conviction for crimes against humanity. */
  | 'CRIMES_AGAINST_HUMANITY_CONVICTION'
  /** A standing ban on entry to the Kyrgyz Republic. */
  | 'ENTRY_BAN'
  /** Membership of, or support for, an extremist organisation. */
  | 'EXTREMIST_AFFILIATION'
  /** Forged or false identity documents. */
  | 'FORGED_DOCUMENTS'
  /** The identity does not match the person's records. */
  | 'IDENTITY_MISMATCH'
  /** An intelligence report concerning the person. */
  | 'INTELLIGENCE_REPORT'
  /** Conviction for a national-security offence. */
  | 'NATIONAL_SECURITY_OFFENCE_CONVICTION'
  /** Another reason, explained in `reasonText` (required then). */
  | 'OTHER'
  /** Conviction for terrorism. */
  | 'TERRORISM_CONVICTION'
  /** The person matches an entry of a security watch list. */
  | 'WATCHLIST_MATCH';

/** A new risk level for a nomad's case, with the reason. */
export type SetCaseRiskLevelInput = {
  /** The case `version` you read; CONFLICT if it changed since. */
  expectedVersion?: number | null | undefined;
  /** The nomad whose case it is (one case per nomad). */
  nomadId: string | number;
  /** Why (required): kept in the case history. */
  note: string;
  /** The new level. */
  riskLevel: RiskLevel;
};

/** Sex as recorded in the passport; it also sets the first digit of the PIN. */
export type Sex =
  | 'FEMALE'
  | 'MALE';

export type StatusActionInput = {
  nomadId: string | number;
  /** Optional remark recorded with the change. */
  reason?: string | null | undefined;
};

/** What `statusStatistics` can group nomads by. */
export type StatusDimension =
  /** The activity of the nomad's status on `asOf`: that of the approved application behind the grant its chain of periods started with (null for a pilot period without one). */
  | 'ACTIVITY'
  /** The nomad's citizenship (ISO 3166-1 alpha-3). */
  | 'CITIZENSHIP'
  /** The status state on `asOf`, as `Nomad.statusOn(date)` gives it. */
  | 'STATE';

/** What `statusEventStatistics` can group status events by. Days are the events' days (Bishkek calendar). */
export type StatusEventDimension =
  /** The activity of the event's chain of periods: that of the approved application behind the grant it started with (null for a pilot period without one). */
  | 'ACTIVITY'
  /** The nomad's citizenship (ISO 3166-1 alpha-3). */
  | 'CITIZENSHIP'
  /** Month of the event's day, `YYYY-MM`. */
  | 'MONTH'
  /** Quarter of the event's day, `YYYY-Qn`. */
  | 'QUARTER'
  /** Year of the event's day. */
  | 'YEAR';

export type StatusEventKind =
  | 'EXPIRED'
  | 'EXTENDED'
  | 'GRANTED'
  | 'REINSTATED'
  | 'RENEWED'
  | 'REVOKED'
  | 'SUSPENDED';

/**
 * What `statusEventStatistics` counts, read from the periods granted and the revocations (not from
 * the history's EXPIRED records, which the sweeper writes a little later).
 */
export type StatusEventMeasure =
  /** Periods that ended before today with no period continuing them the next day and whose chain was not revoked by their last day, on the first day without status (as the EXPIRED record). Applying again after an expiry is a new grant, not a renewal: the expiry still counts. */
  | 'EXPIRIES'
  /** Periods that start a chain (the initial 60 days, a pilot period), on their first day. */
  | 'GRANTS'
  /** Periods that continue the previous one the day after it ends (the 1-year extension after the initial 60 days, and every yearly renewal), on their first day. */
  | 'RENEWALS'
  /** Revocations, on the day they take effect. */
  | 'REVOCATIONS';

export type StatusPeriodKind =
  /** The extension after the initial period: `extension_years` (1) years, a rule value; the name keeps the first value. */
  | 'EXTENSION_1_YEAR'
  /** The first grant: `initial_period_days` (60) days from approval; the name keeps the first value. */
  | 'INITIAL_60_DAYS'
  /** A period carried over from the 2022–2024 pilot programme. */
  | 'PILOT_2022_2024'
  /** A further year, up to the ceiling: `status_ceiling_years` (10) from the first grant. */
  | 'RENEWAL';

/** A nomad's status: derived from the granted periods and the status events, never stored. */
export type StatusState =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REVOKED'
  | 'SUSPENDED';

export type SubmitApplicationInput = {
  /** Code from the closed list (see `eligibilityRules.activities`). */
  activityCode: string;
  applicant: ApplicantInput;
  declaredAnnualIncome: MoneyInput;
  documents: Array<DocumentInput>;
  /** At least one foreign employer or client. */
  foreignParties: Array<ForeignPartyInput>;
  requestedStartOn: string;
};

/** The assigned expert's conclusion. */
export type SubmitEvaluationFindingsInput = {
  /** An evaluation assigned to you. */
  evaluationId: string | number;
  /** The evaluation `version` you read; CONFLICT if it changed since. */
  expectedVersion?: number | null | undefined;
  /** What the verdict rests on (1–10,000 characters). */
  findings: string;
  /** Your verdict: a recommendation to the migration authority. */
  verdict: ExpertVerdict;
};

export type SuspendStatusInput = {
  nomadId: string | number;
  /** Why the status is suspended: required. */
  reason: string;
};

/** Re-registers or deregisters one IE. */
export type TaxRegistrationActionInput = {
  /** The `version` you read; a different current version gives CONFLICT and changes nothing. */
  expectedVersion?: number | null | undefined;
  registrationId: string | number;
};

/** Filters for `taxRegistrations`; all given conditions must hold. */
export type TaxRegistrationFilter = {
  /** True: only IEs never entered in the register yet; false: only those entered before. */
  firstRegistration?: boolean | null | undefined;
  /** Any of these regimes. */
  regimeCodes?: Array<string> | null | undefined;
  /** Any of these states. */
  states?: Array<TaxRegistrationState> | null | undefined;
};

/** Where a foreign IE stands in the register. */
export type TaxRegistrationState =
  /** Removed from the register. */
  | 'DEREGISTERED'
  /** Queued by a revocation or expiry of the status: an officer completes the deregistration. */
  | 'DEREGISTRATION_PENDING'
  /** Queued by a status grant or extension: the next re-registration campaign (or an officer) re-registers it; `firstRegistration` tells whether the register had it before. */
  | 'PENDING_REREGISTRATION'
  /** Entered in the register under decree No. 241. */
  | 'REREGISTERED';

/** Changes a measure; omitted fields stay as they are. */
export type UpdateTechnicalMeasureInput = {
  /** Its own due date; null returns it to the decree's deadline. */
  dueOn?: string | null | undefined;
  /** The `version` you read; CONFLICT if the measure changed since. */
  expectedVersion?: number | null | undefined;
  measureId: string | number;
  responsibleUnit?: string | null | undefined;
  /** PLANNED → IN_PROGRESS | DONE; IN_PROGRESS → PLANNED | DONE; DONE → IN_PROGRESS. DONE needs evidence. */
  state?: MeasureState | null | undefined;
  title?: string | null | undefined;
};

export type WithdrawApplicationInput = {
  applicationId: string | number;
  /** The version you last read; the withdrawal fails with CONFLICT if the application changed since. */
  expectedVersion?: number | null | undefined;
};

export type AuditNomadQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  agency?: LedgerAgency | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type AuditNomadQuery = { auditNomad: { id: string, accessLog: { totalCount: number, edges: Array<{ node: { id: string, at: string, agency: LedgerAgency, purpose: string | null, legalBasis: string, caseReference: string | null, processingType: ProcessingType, bulkProcessing: boolean, fields: Array<string>, queryId: string, hiddenUntil: string | null, hiddenReason: string | null, disclosedAt: string | null, initiatorOrganisation: { code: string, name: string }, initiatorPerson: { alternativeCode: string, name: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type DiscloseAccessLogEntriesMutationVariables = Exact<{
  input: DiscloseAccessLogEntriesInput;
}>;


export type DiscloseAccessLogEntriesMutation = { discloseAccessLogEntries: { entries: Array<{ id: string, agency: LedgerAgency, at: string, hiddenUntil: string | null, disclosedAt: string | null }>, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type MigrationAccessRecordsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  subjectId?: string | number | null | undefined;
}>;


export type MigrationAccessRecordsQuery = { migrationAccessRecords: { edges: Array<{ node: { seq: string, at: string, reader: string, readerRoles: Array<string>, readerOrganisation: string, purpose: string | null, legalBasis: string, processingType: string, caseReference: string | null, operation: string, subjectId: string, fields: Array<string>, hiddenUntil: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LaborAccessRecordsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  subjectId?: string | number | null | undefined;
}>;


export type LaborAccessRecordsQuery = { laborAccessRecords: { edges: Array<{ node: { seq: string, at: string, reader: string, readerRoles: Array<string>, readerOrganisation: string, purpose: string | null, legalBasis: string, processingType: string, caseReference: string | null, operation: string, subjectId: string, fields: Array<string>, hiddenUntil: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TaxAccessRecordsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  subjectId?: string | number | null | undefined;
}>;


export type TaxAccessRecordsQuery = { taxAccessRecords: { edges: Array<{ node: { seq: string, at: string, reader: string, readerRoles: Array<string>, readerOrganisation: string, purpose: string | null, legalBasis: string, processingType: string, caseReference: string | null, operation: string, subjectId: string, fields: Array<string>, hiddenUntil: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SecurityAccessRecordsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  subjectId?: string | number | null | undefined;
}>;


export type SecurityAccessRecordsQuery = { securityAccessRecords: { edges: Array<{ node: { seq: string, at: string, reader: string, readerRoles: Array<string>, readerOrganisation: string, purpose: string | null, legalBasis: string, processingType: string, caseReference: string | null, operation: string, subjectId: string, fields: Array<string>, hiddenUntil: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DeliveryFragment = { id: string, eventId: string, eventType: string, aggregateId: string, subscriber: string, state: EventDeliveryState, attempts: number, nextAttemptAt: string | null, lastError: string | null, occurredAt: string, deliveredAt: string | null };

export type InboxFailureRowFragment = { eventId: string, eventType: string, aggregateId: string, producer: string, state: InboxFailureState, attempts: number, lastError: string | null, firstReceivedAt: string, lastReceivedAt: string };

export type MigrationEventDeliveriesQueryVariables = Exact<{
  state?: EventDeliveryState | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MigrationEventDeliveriesQuery = { migrationEventDeliveries: { totalCount: number, edges: Array<{ node: { id: string, eventId: string, eventType: string, aggregateId: string, subscriber: string, state: EventDeliveryState, attempts: number, nextAttemptAt: string | null, lastError: string | null, occurredAt: string, deliveredAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MigrationInboxFailuresQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MigrationInboxFailuresQuery = { migrationInboxFailures: { totalCount: number, edges: Array<{ node: { eventId: string, eventType: string, aggregateId: string, producer: string, state: InboxFailureState, attempts: number, lastError: string | null, firstReceivedAt: string, lastReceivedAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RetryMigrationEventDeliveryMutationVariables = Exact<{
  id: string | number;
}>;


export type RetryMigrationEventDeliveryMutation = { retryMigrationEventDelivery: { delivery: { id: string, eventId: string, eventType: string, aggregateId: string, subscriber: string, state: EventDeliveryState, attempts: number, nextAttemptAt: string | null, lastError: string | null, occurredAt: string, deliveredAt: string | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type LaborEventDeliveriesQueryVariables = Exact<{
  state?: EventDeliveryState | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LaborEventDeliveriesQuery = { laborEventDeliveries: { totalCount: number, edges: Array<{ node: { id: string, eventId: string, eventType: string, aggregateId: string, subscriber: string, state: EventDeliveryState, attempts: number, nextAttemptAt: string | null, lastError: string | null, occurredAt: string, deliveredAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LaborInboxFailuresQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LaborInboxFailuresQuery = { laborInboxFailures: { totalCount: number, edges: Array<{ node: { eventId: string, eventType: string, aggregateId: string, producer: string, state: InboxFailureState, attempts: number, lastError: string | null, firstReceivedAt: string, lastReceivedAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RetryLaborEventDeliveryMutationVariables = Exact<{
  id: string | number;
}>;


export type RetryLaborEventDeliveryMutation = { retryLaborEventDelivery: { delivery: { id: string, eventId: string, eventType: string, aggregateId: string, subscriber: string, state: EventDeliveryState, attempts: number, nextAttemptAt: string | null, lastError: string | null, occurredAt: string, deliveredAt: string | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type TaxEventDeliveriesQueryVariables = Exact<{
  state?: EventDeliveryState | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TaxEventDeliveriesQuery = { taxEventDeliveries: { totalCount: number, edges: Array<{ node: { id: string, eventId: string, eventType: string, aggregateId: string, subscriber: string, state: EventDeliveryState, attempts: number, nextAttemptAt: string | null, lastError: string | null, occurredAt: string, deliveredAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TaxInboxFailuresQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TaxInboxFailuresQuery = { taxInboxFailures: { totalCount: number, edges: Array<{ node: { eventId: string, eventType: string, aggregateId: string, producer: string, state: InboxFailureState, attempts: number, lastError: string | null, firstReceivedAt: string, lastReceivedAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RetryTaxEventDeliveryMutationVariables = Exact<{
  id: string | number;
}>;


export type RetryTaxEventDeliveryMutation = { retryTaxEventDelivery: { delivery: { id: string, eventId: string, eventType: string, aggregateId: string, subscriber: string, state: EventDeliveryState, attempts: number, nextAttemptAt: string | null, lastError: string | null, occurredAt: string, deliveredAt: string | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type SecurityEventDeliveriesQueryVariables = Exact<{
  state?: EventDeliveryState | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SecurityEventDeliveriesQuery = { securityEventDeliveries: { totalCount: number, edges: Array<{ node: { id: string, eventId: string, eventType: string, aggregateId: string, subscriber: string, state: EventDeliveryState, attempts: number, nextAttemptAt: string | null, lastError: string | null, occurredAt: string, deliveredAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SecurityInboxFailuresQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SecurityInboxFailuresQuery = { securityInboxFailures: { totalCount: number, edges: Array<{ node: { eventId: string, eventType: string, aggregateId: string, producer: string, state: InboxFailureState, attempts: number, lastError: string | null, firstReceivedAt: string, lastReceivedAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RetrySecurityEventDeliveryMutationVariables = Exact<{
  id: string | number;
}>;


export type RetrySecurityEventDeliveryMutation = { retrySecurityEventDelivery: { delivery: { id: string, eventId: string, eventType: string, aggregateId: string, subscriber: string, state: EventDeliveryState, attempts: number, nextAttemptAt: string | null, lastError: string | null, occurredAt: string, deliveredAt: string | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type LaborCasesQueryVariables = Exact<{
  first?: number | null | undefined;
  missingPeriod: ReportPeriodInput;
}>;


export type LaborCasesQuery = { queue: { totalCount: number, edges: Array<{ node: { id: string, requestedAt: string, activity: { code: string }, nomad: { id: string } } }> }, highRisk: { edges: Array<{ node: { id: string, statusValidUntil: string, nomad: { id: string, surname: string | null, activityReports: { edges: Array<{ node: { late: boolean, period: { year: number, quarter: number }, income: { amountMinor: number, currency: string } } }> } } } }> }, missing: { totalCount: number, edges: Array<{ node: { nomad: { id: string } } }> }, experts: { edges: Array<{ node: { id: string, name: string, kind: ExpertKind, engagedFrom: string, fields: Array<{ code: string }>, conflicts: Array<{ kind: ConflictKind, nomadId: string | null, note: string | null }> } }> } };

export type ExpertQueueQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ExpertQueueQuery = { myExpertRecord: { id: string, name: string, fields: Array<{ code: string }> } | null, evaluations: { edges: Array<{ node: { id: string, version: number, origin: EvaluationOrigin, activity: { code: string }, nomad: { id: string, activityReports: { edges: Array<{ node: { period: { year: number, quarter: number }, clients: Array<{ country: string }>, income: { amountMinor: number, currency: string } } }> } } } }> } };

export type SubmitEvaluationFindingsMutationVariables = Exact<{
  input: SubmitEvaluationFindingsInput;
}>;


export type SubmitEvaluationFindingsMutation = { submitEvaluationFindings: { evaluation: { state: EvaluationState, verdict: ExpertVerdict | null, concludedAt: string | null, version: number } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type EvaluationDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type EvaluationDetailQuery = { evaluation: { id: string, version: number, state: EvaluationState, origin: EvaluationOrigin, verdict: ExpertVerdict | null, findings: string | null, requestedAt: string, assignedAt: string | null, concludedAt: string | null, activity: { code: string, title: string }, application: { number: string, state: ApplicationState } | null, expert: { id: string, name: string, kind: ExpertKind } | null, nomad: { id: string, surname: string | null } } | null };

export type ExpertDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ExpertDetailQuery = { expert: { id: string, version: number, name: string, kind: ExpertKind, state: ExpertState, engagedFrom: string, engagedUntil: string | null, engagedToday: boolean, endedAt: string | null, endReason: string | null, fields: Array<{ code: string, title: string }>, conflicts: Array<{ id: string, kind: ConflictKind, nomadId: string | null, employerName: string | null, country: string | null, note: string | null, declaredAt: string }> } | null };

export type MonitoringCaseDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type MonitoringCaseDetailQuery = { monitoringCase: { id: string, version: number, state: MonitoringCaseState, riskLevel: RiskLevel, openedOn: string, statusValidUntil: string, closedOn: string | null, closeReason: CaseCloseReason | null, history: Array<{ kind: CaseActionKind, at: string, actor: string, note: string | null, evaluationId: string | null }>, nomad: { id: string, surname: string | null, latestEvaluation: { id: string, state: EvaluationState, verdict: ExpertVerdict | null } | null } } | null };

export type ActivityReportsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ActivityReportFilter | null | undefined;
}>;


export type ActivityReportsQuery = { activityReports: { totalCount: number, edges: Array<{ node: { id: string, late: boolean, filedAt: string, period: { year: number, quarter: number }, activity: { code: string }, income: { amountMinor: number, currency: string }, clients: Array<{ country: string, name: string | null }>, nomad: { id: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LaborActivitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type LaborActivitiesQuery = { laborActivities: Array<{ code: string, title: string }> };

export type AssignEvaluationMutationVariables = Exact<{
  input: AssignEvaluationInput;
}>;


export type AssignEvaluationMutation = { assignEvaluation: { evaluation: { id: string, state: EvaluationState, assignedAt: string | null, version: number, expert: { id: string, name: string } | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type RequestMonitoringEvaluationMutationVariables = Exact<{
  input: RequestMonitoringEvaluationInput;
}>;


export type RequestMonitoringEvaluationMutation = { requestMonitoringEvaluation: { evaluation: { id: string, state: EvaluationState, origin: EvaluationOrigin, version: number, activity: { code: string }, expert: { id: string, name: string } | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type EngageExpertMutationVariables = Exact<{
  input: EngageExpertInput;
}>;


export type EngageExpertMutation = { engageExpert: { expert: { id: string, state: ExpertState, name: string, kind: ExpertKind, engagedFrom: string, engagedUntil: string | null, version: number, fields: Array<{ code: string }> } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type DeclareConflictMutationVariables = Exact<{
  input: DeclareConflictInput;
}>;


export type DeclareConflictMutation = { declareConflict: { expert: { id: string, version: number, conflicts: Array<{ id: string, kind: ConflictKind, nomadId: string | null, employerName: string | null, country: string | null, note: string | null }> } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type EndEngagementMutationVariables = Exact<{
  input: EndEngagementInput;
}>;


export type EndEngagementMutation = { endEngagement: { expert: { id: string, state: ExpertState, endedAt: string | null, endReason: string | null, version: number } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type SetCaseRiskLevelMutationVariables = Exact<{
  input: SetCaseRiskLevelInput;
}>;


export type SetCaseRiskLevelMutation = { setCaseRiskLevel: { monitoringCase: { id: string, riskLevel: RiskLevel, version: number, history: Array<{ kind: CaseActionKind, at: string, note: string | null }> } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type LaborAggregatesQueryVariables = Exact<{ [key: string]: never; }>;


export type LaborAggregatesQuery = { laborAggregates: { openCases: number | null, closedCases: number | null, engagedExperts: number | null, reportsFiled: number | null, lateReports: number | null, disclosure: { minCellSize: number, countRoundingBase: number, significantFigures: number }, openCasesByRiskLevel: Array<{ key: string, count: number | null, suppressed: boolean }>, evaluationsByState: Array<{ key: string, count: number | null, suppressed: boolean }>, verdicts: Array<{ key: string, count: number | null, suppressed: boolean }> } };

export type EvaluationStatisticsQueryVariables = Exact<{
  measures: Array<EvaluationMeasure> | EvaluationMeasure;
  groupBy?: Array<EvaluationDimension> | EvaluationDimension;
  filter?: EvaluationFilter | null | undefined;
}>;


export type EvaluationStatisticsQuery = { evaluationStatistics: { disclosure: { minCellSize: number, countRoundingBase: number, significantFigures: number }, total: { count: number | null, averageDaysToVerdict: number | null, medianDaysToVerdict: number | null, p90DaysToVerdict: number | null, nonCompliantShare: number | null, suppressed: boolean }, rows: Array<{ state: EvaluationState | null, verdict: ExpertVerdict | null, origin: EvaluationOrigin | null, activityCode: string | null, requestedYear: number | null, requestedQuarter: string | null, requestedMonth: string | null, concludedMonth: string | null, count: number | null, averageDaysToVerdict: number | null, medianDaysToVerdict: number | null, p90DaysToVerdict: number | null, nonCompliantShare: number | null, suppressed: boolean }> } };

export type ActivityReportStatisticsQueryVariables = Exact<{
  measures: Array<ActivityReportMeasure> | ActivityReportMeasure;
  groupBy?: Array<ActivityReportDimension> | ActivityReportDimension;
  filter?: ActivityReportFilter | null | undefined;
}>;


export type ActivityReportStatisticsQuery = { activityReportStatistics: { disclosure: { minCellSize: number, countRoundingBase: number, significantFigures: number }, total: { count: number | null, lateShare: number | null, averageDaysToFiling: number | null, medianDaysToFiling: number | null, p90DaysToFiling: number | null, suppressed: boolean }, rows: Array<{ periodYear: number | null, periodQuarter: string | null, filedYear: number | null, filedQuarter: string | null, filedMonth: string | null, late: boolean | null, activityCode: string | null, count: number | null, lateShare: number | null, averageDaysToFiling: number | null, medianDaysToFiling: number | null, p90DaysToFiling: number | null, suppressed: boolean }> } };

export type MonitoringCaseStatisticsQueryVariables = Exact<{
  measures?: Array<MonitoringCaseMeasure> | MonitoringCaseMeasure;
  groupBy?: Array<MonitoringCaseDimension> | MonitoringCaseDimension;
  filter?: MonitoringCaseFilter | null | undefined;
}>;


export type MonitoringCaseStatisticsQuery = { monitoringCaseStatistics: { disclosure: { minCellSize: number, countRoundingBase: number, significantFigures: number }, total: { count: number | null, suppressed: boolean }, rows: Array<{ state: MonitoringCaseState | null, riskLevel: RiskLevel | null, openedYear: number | null, openedQuarter: string | null, openedMonth: string | null, count: number | null, suppressed: boolean }> } };

export type NomadListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: NomadFilter | null | undefined;
}>;


export type NomadListQuery = { nomads: { totalCount: number, edges: Array<{ node: { id: string, surname: string | null, citizenship: string, pin: string | null, applications: { edges: Array<{ node: { number: string, state: ApplicationState, overdue: boolean } }> } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OverdueApplicationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  citizenships?: Array<string> | string | null | undefined;
}>;


export type OverdueApplicationsQuery = { applications: { totalCount: number, edges: Array<{ node: { id: string, number: string, state: ApplicationState, submittedAt: string, reviewDeadlineOn: string, version: number, nomad: { surname: string | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MigrationQueuesQueryVariables = Exact<{
  first?: number | null | undefined;
  expiringWithinDays?: number | null | undefined;
}>;


export type MigrationQueuesQuery = { review: { totalCount: number, edges: Array<{ node: { id: string, number: string, state: ApplicationState, submittedAt: string, reviewDeadlineOn: string, overdue: boolean, clearance: ClearanceOutcome, evaluationRequested: boolean, expertVerdict: ExpertVerdict | null, version: number } }> }, returned: { edges: Array<{ node: { number: string, correctionDeadlineOn: string | null, corrections: Array<{ field: string | null, message: string }> | null } }> }, expiring: { edges: Array<{ validUntil: string, node: { id: string, surname: string | null, pin: string | null, status: { state: StatusState, period: { kind: StatusPeriodKind } } | null } }> } };

export type ApplicationReviewQueryVariables = Exact<{
  number: string;
}>;


export type ApplicationReviewQuery = { application: { id: string, number: string, state: ApplicationState, version: number, submittedAt: string, reviewDeadlineOn: string, overdue: boolean, reviewer: string | null, clearance: ClearanceOutcome, evaluationRequested: boolean, expertVerdict: ExpertVerdict | null, activity: { code: string, title: string }, declaredIncome: { amountMinor: number, currency: string }, documents: Array<{ kind: DocumentKind, fileName: string, language: string, translates: string | null }> | null, evaluation: { state: EvaluationState, verdict: ExpertVerdict | null, findings: string | null, expert: { name: string, kind: ExpertKind } | null } | null, nomad: { id: string, surname: string | null, givenNames: string | null, citizenship: string } } | null };

export type StartReviewMutationVariables = Exact<{
  input: ApplicationActionInput;
}>;


export type StartReviewMutation = { startReview: { application: { number: string, state: ApplicationState, reviewer: string | null, version: number } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type ApproveApplicationMutationVariables = Exact<{
  input: ApproveApplicationInput;
}>;


export type ApproveApplicationMutation = { approveApplication: { application: { number: string, state: ApplicationState, decidedAt: string | null, version: number, nomad: { pin: string | null, status: { state: StatusState, validUntil: string, period: { kind: StatusPeriodKind } } | null } } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type ReturnForCorrectionMutationVariables = Exact<{
  input: ReturnForCorrectionInput;
}>;


export type ReturnForCorrectionMutation = { returnForCorrection: { application: { number: string, state: ApplicationState, correctionDeadlineOn: string | null, version: number, corrections: Array<{ field: string | null, message: string }> | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type RefuseApplicationMutationVariables = Exact<{
  input: RefuseApplicationInput;
}>;


export type RefuseApplicationMutation = { refuseApplication: { application: { number: string, state: ApplicationState, refusalGround: RefusalGround | null, version: number } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type RequestEvaluationMutationVariables = Exact<{
  input: ApplicationActionInput;
}>;


export type RequestEvaluationMutation = { requestEvaluation: { application: { number: string, state: ApplicationState, evaluationRequested: boolean, version: number } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type NomadStatusQueryVariables = Exact<{
  id: string | number;
  on: string;
}>;


export type NomadStatusQuery = { nomad: { pin: string | null, status: { state: StatusState, validUntil: string, grantedSince: string, ceilingOn: string, revokedOn: string | null, exitDeadlineOn: string | null, period: { kind: StatusPeriodKind, validFrom: string, validUntil: string } } | null, statusOn: { state: StatusState } | null, statusPeriods: Array<{ kind: StatusPeriodKind, validFrom: string, validUntil: string }>, statusHistory: Array<{ kind: StatusEventKind, effectiveOn: string, actor: string, revocationGround: RevocationGround | null, exitDeadlineOn: string | null }> } | null };

export type ExtendStatusMutationVariables = Exact<{
  input: StatusActionInput;
}>;


export type ExtendStatusMutation = { extendStatus: { nomad: { status: { state: StatusState, validUntil: string, period: { kind: StatusPeriodKind, validFrom: string, validUntil: string } } | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type RevokeStatusMutationVariables = Exact<{
  input: RevokeStatusInput;
}>;


export type RevokeStatusMutation = { revokeStatus: { nomad: { status: { state: StatusState, revokedOn: string | null, exitDeadlineOn: string | null } | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type PendingDependantsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type PendingDependantsQuery = { pendingDependants: { totalCount: number, edges: Array<{ node: { id: string, relation: DependantRelation, surname: string | null, addedAt: string, nomad: { id: string, surname: string | null, status: { state: StatusState } | null }, documents: Array<{ kind: DependantDocumentKind, language: string }> | null } }> }, dependantsComingOfAge: { totalCount: number, edges: Array<{ node: { id: string, relation: DependantRelation, comesOfAgeOn: string | null, status: { state: StatusState, validUntil: string } | null, nomad: { surname: string | null } } }> } };

export type RenewStatusMutationVariables = Exact<{
  input: StatusActionInput;
}>;


export type RenewStatusMutation = { renewStatus: { nomad: { status: { state: StatusState, validUntil: string, ceilingOn: string, period: { kind: StatusPeriodKind, validFrom: string, validUntil: string } } | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type SuspendStatusMutationVariables = Exact<{
  input: SuspendStatusInput;
}>;


export type SuspendStatusMutation = { suspendStatus: { nomad: { status: { state: StatusState } | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type ReinstateStatusMutationVariables = Exact<{
  input: StatusActionInput;
}>;


export type ReinstateStatusMutation = { reinstateStatus: { nomad: { status: { state: StatusState, validUntil: string } | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type RecordPassportMutationVariables = Exact<{
  input: RecordPassportInput;
}>;


export type RecordPassportMutation = { recordPassport: { nomad: { id: string, passport: { country: string, number: string, expiresOn: string } | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type DependantReviewQueryVariables = Exact<{
  id: string | number;
}>;


export type DependantReviewQuery = { dependant: { id: string, relation: DependantRelation, state: DependantState, version: number, surname: string | null, givenNames: string | null, dateOfBirth: string | null, citizenship: string, comesOfAgeOn: string | null, addedAt: string, decidedAt: string | null, pin: string | null, passport: { country: string, number: string, expiresOn: string } | null, documents: Array<{ kind: DependantDocumentKind, language: string, translates: string | null }> | null, screening: { outcome: ClearanceOutcome } | null, status: { state: StatusState, validUntil: string } | null, nomad: { id: string, surname: string | null, status: { state: StatusState, validUntil: string } | null } } | null };

export type ApproveDependantMutationVariables = Exact<{
  input: DependantDecisionInput;
}>;


export type ApproveDependantMutation = { approveDependant: { dependant: { id: string, state: DependantState, decidedAt: string | null, pin: string | null, version: number, status: { state: StatusState, validUntil: string } | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type RefuseDependantMutationVariables = Exact<{
  input: DependantDecisionInput;
}>;


export type RefuseDependantMutation = { refuseDependant: { dependant: { id: string, state: DependantState, decidedAt: string | null, version: number } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type EndDependantStatusMutationVariables = Exact<{
  input: DependantDecisionInput;
}>;


export type EndDependantStatusMutation = { endDependantStatus: { dependant: { id: string, state: DependantState, version: number, status: { state: StatusState, exitDeadlineOn: string | null } | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type PublicHolidaysQueryVariables = Exact<{
  fromYear: number;
  toYear: number;
}>;


export type PublicHolidaysQuery = { publicHolidays: Array<{ year: number, holidays: Array<{ day: string, name: string }> }> };

export type LoadPublicHolidaysMutationVariables = Exact<{
  input: LoadPublicHolidaysInput;
}>;


export type LoadPublicHolidaysMutation = { loadPublicHolidays: { year: number | null, changed: boolean, recomputedDeadlines: number, holidays: Array<{ day: string, name: string }>, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type ApplicationStatisticsQueryVariables = Exact<{
  measures: Array<ApplicationMeasure> | ApplicationMeasure;
  groupBy?: Array<ApplicationDimension> | ApplicationDimension;
  filter?: ApplicationFilter | null | undefined;
  duration?: ApplicationDuration;
}>;


export type ApplicationStatisticsQuery = { applicationStatistics: { duration: ApplicationDuration, minCellSize: number, disclosure: { minCellSize: number, countRoundingBase: number, significantFigures: number }, total: { count: number | null, average: number | null, median: number | null, p90: number | null, overdueShare: number | null, suppressed: boolean }, rows: Array<{ state: ApplicationState | null, citizenship: string | null, activityCode: string | null, submittedYear: number | null, submittedQuarter: string | null, submittedMonth: string | null, decidedMonth: string | null, count: number | null, average: number | null, median: number | null, p90: number | null, overdueShare: number | null, suppressed: boolean }> } };

export type StatusStatisticsQueryVariables = Exact<{
  asOf: string;
  groupBy?: Array<StatusDimension> | StatusDimension;
  filter?: NomadFilter | null | undefined;
}>;


export type StatusStatisticsQuery = { statusStatistics: { asOf: string, disclosure: { minCellSize: number, countRoundingBase: number, significantFigures: number }, total: { count: number | null, suppressed: boolean }, rows: Array<{ state: StatusState | null, citizenship: string | null, activityCode: string | null, count: number | null, suppressed: boolean }> } };

export type StatusEventStatisticsQueryVariables = Exact<{
  measures: Array<StatusEventMeasure> | StatusEventMeasure;
  groupBy?: Array<StatusEventDimension> | StatusEventDimension;
  from?: string | null | undefined;
  to?: string | null | undefined;
  filter?: NomadFilter | null | undefined;
}>;


export type StatusEventStatisticsQuery = { statusEventStatistics: { disclosure: { minCellSize: number, countRoundingBase: number, significantFigures: number }, total: { grants: number | null, renewals: number | null, expiries: number | null, revocations: number | null, suppressed: boolean }, rows: Array<{ year: number | null, quarter: string | null, month: string | null, citizenship: string | null, activityCode: string | null, grants: number | null, renewals: number | null, expiries: number | null, revocations: number | null, suppressed: boolean }> } };

export type SubmitApplicationMutationVariables = Exact<{
  input: SubmitApplicationInput;
}>;


export type SubmitApplicationMutation = { submitApplication: { application: { id: string, number: string, state: ApplicationState, reviewDeadlineOn: string, version: number } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type MyApplicationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyApplicationsQuery = { me: { id: string, applications: { edges: Array<{ node: { id: string, number: string, state: ApplicationState, submittedAt: string, reviewDeadlineOn: string, correctionDeadlineOn: string | null, refusalGround: RefusalGround | null, version: number, corrections: Array<{ field: string | null, message: string }> | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type MyApplicationQueryVariables = Exact<{
  number: string;
}>;


export type MyApplicationQuery = { application: { id: string, number: string, state: ApplicationState, submittedAt: string, reviewDeadlineOn: string, decidedAt: string | null, correctionDeadlineOn: string | null, refusalGround: RefusalGround | null, version: number, corrections: Array<{ field: string | null, message: string }> | null } | null };

export type WithdrawApplicationMutationVariables = Exact<{
  input: WithdrawApplicationInput;
}>;


export type WithdrawApplicationMutation = { withdrawApplication: { application: { number: string, state: ApplicationState } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type ResubmitApplicationMutationVariables = Exact<{
  input: ResubmitApplicationInput;
}>;


export type ResubmitApplicationMutation = { resubmitApplication: { application: { number: string, state: ApplicationState, reviewDeadlineOn: string, version: number } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type EligibilityRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type EligibilityRulesQuery = { eligibilityRules: { citizenships: Array<string>, visaRequiredCitizenships: Array<string>, currencies: Array<string>, acceptedDocumentLanguages: Array<string>, passportMinValidityDays: number, maxStartDelayDays: number, reviewWorkingDays: number, correctionWindowMonths: number, initialPeriodDays: number, extensionYears: number, renewalWindowDays: number, statusCeilingYears: number, exitDaysAfterRevocation: number, activities: Array<{ code: string, title: string }>, minimumAnnualIncome: { amountMinor: number, currency: string, exponent: number, amount: string }, exchangeRates: Array<{ currency: string, exponent: number, usdPerUnit: string }>, requiredDocuments: { all: Array<DocumentKind>, oneOf: Array<DocumentKind> } } };

export type MyOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type MyOverviewQuery = { me: { pin: string | null, status: { state: StatusState, validUntil: string } | null, taxRegistration: { state: TaxRegistrationState, firstRegistration: boolean, registeredOn: string | null, regime: { code: string, rateBasisPoints: number } } | null, declarations: { edges: Array<{ node: { period: string, inArrears: boolean, income: { amountMinor: number, currency: string }, taxDue: { amountMinor: number }, balance: { amountMinor: number } } }> }, activityReports: { edges: Array<{ node: { late: boolean, period: { year: number, quarter: number } } }> } } | null };

export type FileActivityReportMutationVariables = Exact<{
  input: FileActivityReportInput;
}>;


export type FileActivityReportMutation = { fileActivityReport: { activityReport: { late: boolean, period: { year: number, quarter: number } } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type AddDependantMutationVariables = Exact<{
  input: AddDependantInput;
}>;


export type AddDependantMutation = { addDependant: { dependant: { id: string, relation: DependantRelation, state: DependantState, comesOfAgeOn: string | null, documents: Array<{ kind: DependantDocumentKind, language: string, translates: string | null }> | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type MyDependantsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyDependantsQuery = { me: { status: { state: StatusState, validUntil: string } | null, dependants: Array<{ id: string, relation: DependantRelation, state: DependantState, givenNames: string | null, pin: string | null, status: { state: StatusState, validUntil: string, grantedSince: string } | null }> } | null };

export type MyAccessRecordsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyAccessRecordsQuery = { migrationAccessRecords: { edges: Array<{ node: { at: string, reader: string, readerRoles: Array<string>, fields: Array<string>, operation: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MyAccessLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  agency?: LedgerAgency | null | undefined;
}>;


export type MyAccessLogQuery = { me: { accessLog: { edges: Array<{ node: { at: string, agency: LedgerAgency, purpose: string | null, legalBasis: string, caseReference: string | null, processingType: ProcessingType, bulkProcessing: boolean, fields: Array<string>, initiatorOrganisation: { code: string, name: string }, initiatorPerson: { alternativeCode: string, name: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ScreeningReviewQueryVariables = Exact<{
  number: string;
  first?: number | null | undefined;
}>;


export type ScreeningReviewQuery = { application: { number: string, state: ApplicationState, screening: { id: string, outcome: ScreeningOutcome, openedAt: string, concludedAt: string | null, version: number, reasons: Array<ScreeningReason> | null, classification: Classification | null, reasonText: string | null, concludedBy: string | null } | null, nomad: { clearance: { outcome: ScreeningOutcome, suspensionRecommended: boolean, screenings: Array<{ kind: ScreeningKind, outcome: ScreeningOutcome, concludedAt: string | null }> } | null } } | null, queue: { totalCount: number, edges: Array<{ node: { id: string, version: number, openedAt: string, application: { number: string } | null } }> } };

export type ConcludeScreeningMutationVariables = Exact<{
  input: ConcludeScreeningInput;
}>;


export type ConcludeScreeningMutation = { concludeScreening: { screening: { outcome: ScreeningOutcome, version: number, reasons: Array<ScreeningReason> | null, concludedAt: string | null } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type RescreenHolderMutationVariables = Exact<{
  input: RescreenHolderInput;
}>;


export type RescreenHolderMutation = { rescreenHolder: { screening: { id: string, kind: ScreeningKind, outcome: ScreeningOutcome, openedAt: string } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type ExitDeadlinesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ExitDeadlinesQuery = { technicalMeasuresDueOn: string, overdueDepartures: { edges: Array<{ node: { id: string, version: number, cause: ExitCause, exitDeadlineOn: string, daysOverdue: number, nomad: { id: string }, dependant: { id: string } | null } }> }, technicalMeasures: { edges: Array<{ node: { id: string, title: string, responsibleUnit: string, dueOn: string, state: MeasureState } }> } };

export type ConfirmDepartureMutationVariables = Exact<{
  input: ConfirmDepartureInput;
}>;


export type ConfirmDepartureMutation = { confirmDeparture: { exitWatch: { departureConfirmedOn: string | null, confirmedBy: string | null, version: number } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type ScreeningDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ScreeningDetailQuery = { screening: { id: string, version: number, kind: ScreeningKind, outcome: ScreeningOutcome, openedAt: string, concludedAt: string | null, concludedBy: string | null, reasons: Array<ScreeningReason> | null, classification: Classification | null, reasonText: string | null, requestNote: string | null, application: { number: string, state: ApplicationState } | null, dependant: { id: string, relation: DependantRelation } | null, nomad: { id: string } } | null };

export type TechnicalMeasureDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type TechnicalMeasureDetailQuery = { technicalMeasure: { id: string, version: number, title: string, responsibleUnit: string, state: MeasureState, dueOn: string, ownDueOn: string | null, overdue: boolean, createdAt: string, createdBy: string, updatedAt: string, evidence: Array<{ id: string, description: string, reference: string, addedAt: string, addedBy: string }> } | null };

export type CreateTechnicalMeasureMutationVariables = Exact<{
  input: CreateTechnicalMeasureInput;
}>;


export type CreateTechnicalMeasureMutation = { createTechnicalMeasure: { measure: { id: string, title: string, responsibleUnit: string, state: MeasureState, dueOn: string, version: number } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type UpdateTechnicalMeasureMutationVariables = Exact<{
  input: UpdateTechnicalMeasureInput;
}>;


export type UpdateTechnicalMeasureMutation = { updateTechnicalMeasure: { measure: { id: string, title: string, responsibleUnit: string, state: MeasureState, dueOn: string, overdue: boolean, version: number } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type AddMeasureEvidenceMutationVariables = Exact<{
  input: AddMeasureEvidenceInput;
}>;


export type AddMeasureEvidenceMutation = { addMeasureEvidence: { measure: { id: string, state: MeasureState, version: number, evidence: Array<{ id: string, description: string, reference: string, addedAt: string, addedBy: string }> } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type ScreeningStatisticsQueryVariables = Exact<{
  groupBy?: Array<ScreeningDimension> | ScreeningDimension;
  filter?: ScreeningFilter | null | undefined;
}>;


export type ScreeningStatisticsQuery = { screeningStatistics: { disclosure: { minCellSize: number, countRoundingBase: number, significantFigures: number }, total: { count: number | null, suppressed: boolean }, rows: Array<{ kind: ScreeningKind | null, outcome: ScreeningOutcome | null, openedYear: number | null, openedQuarter: string | null, openedMonth: string | null, concludedYear: number | null, concludedQuarter: string | null, concludedMonth: string | null, count: number | null, suppressed: boolean }> } };

export type StartReregistrationCampaignMutationVariables = Exact<{
  batchSize?: number | null | undefined;
}>;


export type StartReregistrationCampaignMutation = { startReregistrationCampaign: { resumed: boolean, campaign: { id: string, state: ReregistrationCampaignState, batchSize: number, progress: { total: number } } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type ReregistrationProgressQueryVariables = Exact<{
  arrears?: number | null | undefined;
}>;


export type ReregistrationProgressQuery = { reregistrationCampaigns: { edges: Array<{ node: { id: string, state: ReregistrationCampaignState, startedAt: string, progress: { total: number, done: number, pending: number, failed: number }, failures: { edges: Array<{ node: { reason: string, registration: { id: string } } }> } } }> }, taxArrears: { edges: Array<{ node: { period: string, dueOn: string, taxDue: { amountMinor: number, currency: string }, balance: { amountMinor: number }, registration: { pin: string, state: TaxRegistrationState } } }> } };

export type TaxRegimesQueryVariables = Exact<{ [key: string]: never; }>;


export type TaxRegimesQuery = { taxRegimes: Array<{ code: string, title: string, description: string, rateBasisPoints: number, isDefault: boolean, active: boolean }> };

export type TaxRegisterQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: TaxRegistrationFilter | null | undefined;
}>;


export type TaxRegisterQuery = { taxRegistrations: { totalCount: number, edges: Array<{ node: { id: string, pin: string, state: TaxRegistrationState, firstRegistration: boolean, registeredOn: string | null, lastReregisteredOn: string | null, statusValidUntil: string | null, version: number, regime: { code: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TaxRegistrationDetailQueryVariables = Exact<{
  id?: string | number | null | undefined;
  pin?: string | null | undefined;
  declarations?: number | null | undefined;
}>;


export type TaxRegistrationDetailQuery = { taxRegistration: { id: string, pin: string, state: TaxRegistrationState, version: number, activity: string | null, firstRegistration: boolean, registeredOn: string | null, lastReregisteredOn: string | null, deregisteredOn: string | null, pendingSince: string | null, statusValidUntil: string | null, createdAt: string, regime: { code: string, title: string, rateBasisPoints: number }, history: Array<{ kind: RegisterEntryKind, effectiveOn: string, at: string, actor: string, campaignId: string | null }>, declarations: { edges: Array<{ node: { id: string, period: string, dueOn: string, filedAt: string, inArrears: boolean, income: { amountMinor: number, currency: string }, taxDue: { amountMinor: number, currency: string }, paid: { amountMinor: number, currency: string }, balance: { amountMinor: number, currency: string } } }> }, nomad: { id: string } } | null };

export type ReregistrationCampaignQueryVariables = Exact<{
  id: string | number;
  failures?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReregistrationCampaignQuery = { reregistrationCampaign: { id: string, code: string, state: ReregistrationCampaignState, batchSize: number, startedAt: string, startedBy: string, finishedAt: string | null, progress: { total: number, done: number, pending: number, failed: number }, failures: { totalCount: number, edges: Array<{ node: { reason: string, registration: { id: string, pin: string, state: TaxRegistrationState } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type RegisterIndividualEntrepreneurMutationVariables = Exact<{
  input: RegisterIndividualEntrepreneurInput;
}>;


export type RegisterIndividualEntrepreneurMutation = { registerIndividualEntrepreneur: { registration: { id: string, pin: string, state: TaxRegistrationState, registeredOn: string | null, version: number, regime: { code: string } } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type ReregisterIndividualEntrepreneurMutationVariables = Exact<{
  input: TaxRegistrationActionInput;
}>;


export type ReregisterIndividualEntrepreneurMutation = { reregisterIndividualEntrepreneur: { registration: { id: string, state: TaxRegistrationState, lastReregisteredOn: string | null, version: number } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type DeregisterIndividualEntrepreneurMutationVariables = Exact<{
  input: TaxRegistrationActionInput;
}>;


export type DeregisterIndividualEntrepreneurMutation = { deregisterIndividualEntrepreneur: { registration: { id: string, state: TaxRegistrationState, deregisteredOn: string | null, version: number } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type ChangeTaxRegimeMutationVariables = Exact<{
  input: ChangeTaxRegimeInput;
}>;


export type ChangeTaxRegimeMutation = { changeTaxRegime: { registration: { id: string, activity: string | null, version: number, regime: { code: string, rateBasisPoints: number } } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type FileTaxDeclarationMutationVariables = Exact<{
  input: FileTaxDeclarationInput;
}>;


export type FileTaxDeclarationMutation = { fileTaxDeclaration: { declaration: { id: string, period: string, dueOn: string, rateBasisPoints: number, income: { amountMinor: number, currency: string }, taxDue: { amountMinor: number, currency: string }, balance: { amountMinor: number, currency: string } } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type RecordTaxPaymentMutationVariables = Exact<{
  input: RecordTaxPaymentInput;
}>;


export type RecordTaxPaymentMutation = { recordTaxPayment: { payment: { id: string, paidOn: string, amount: { amountMinor: number, currency: string } } | null, declaration: { id: string, inArrears: boolean, paid: { amountMinor: number, currency: string }, balance: { amountMinor: number, currency: string } } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type TaxAggregatesQueryVariables = Exact<{ [key: string]: never; }>;


export type TaxAggregatesQuery = { taxAggregates: { registrations: number, disclosure: { minCellSize: number, countRoundingBase: number, significantFigures: number }, byState: Array<{ state: TaxRegistrationState, count: number }>, byRegime: Array<{ count: number, regime: { code: string } }>, declarationsByCurrency: Array<{ currency: string, declarations: number, inArrears: number, income: { amountMinor: number }, taxDue: { amountMinor: number }, paid: { amountMinor: number } }> } };

export type DeclarationStatisticsQueryVariables = Exact<{
  measures: Array<DeclarationMeasure> | DeclarationMeasure;
  groupBy?: Array<DeclarationDimension> | DeclarationDimension;
  filter?: DeclarationStatisticsFilter | null | undefined;
  currency?: string;
}>;


export type DeclarationStatisticsQuery = { declarationStatistics: { currency: string, disclosure: { minCellSize: number, countRoundingBase: number, significantFigures: number }, total: { count: number | null, taxpayers: number | null, suppressed: boolean, incomeSum: { amountMinor: number, currency: string } | null, incomeAverage: { amountMinor: number } | null, incomeMedian: { amountMinor: number } | null, incomeP90: { amountMinor: number } | null, taxDueSum: { amountMinor: number } | null }, rows: Array<{ year: number | null, quarter: string | null, filedMonth: string | null, regimeCode: string | null, activityCode: string | null, registrationState: TaxRegistrationState | null, count: number | null, taxpayers: number | null, suppressed: boolean, incomeSum: { amountMinor: number, currency: string } | null, incomeAverage: { amountMinor: number } | null, incomeMedian: { amountMinor: number } | null, incomeP90: { amountMinor: number } | null, taxDueSum: { amountMinor: number } | null }> } };

export type ReregistrationStatisticsQueryVariables = Exact<{
  measures?: Array<ReregistrationMeasure> | ReregistrationMeasure;
  groupBy?: Array<ReregistrationDimension> | ReregistrationDimension;
  filter?: ReregistrationStatisticsFilter | null | undefined;
}>;


export type ReregistrationStatisticsQuery = { reregistrationStatistics: { disclosure: { minCellSize: number, countRoundingBase: number, significantFigures: number }, total: { count: number | null, suppressed: boolean }, rows: Array<{ campaign: string | null, outcome: ReregistrationOutcome | null, failureReason: ReregistrationFailureReason | null, regimeCode: string | null, activityCode: string | null, registrationState: TaxRegistrationState | null, count: number | null, suppressed: boolean }> } };

export const DeliveryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Delivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EventDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}}]} as unknown as DocumentNode<DeliveryFragment, unknown>;
export const InboxFailureRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InboxFailureRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboxFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"producer"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"firstReceivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastReceivedAt"}}]}}]} as unknown as DocumentNode<InboxFailureRowFragment, unknown>;
export const AuditNomadDocument = {"__meta__":{"hash":"sha256:682fe8511bcc4924463429403ed8cb5704a434846cb7e7409841f8b9ccebbad1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditNomad"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agency"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LedgerAgency"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditNomad"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accessLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"agency"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agency"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"processingType"}},{"kind":"Field","name":{"kind":"Name","value":"bulkProcessing"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"queryId"}},{"kind":"Field","name":{"kind":"Name","value":"initiatorOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"initiatorPerson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alternativeCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hiddenUntil"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenReason"}},{"kind":"Field","name":{"kind":"Name","value":"disclosedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditNomadQuery, AuditNomadQueryVariables>;
export const DiscloseAccessLogEntriesDocument = {"__meta__":{"hash":"sha256:7dba4a60ed9e26b77518a27bf103444de2565acaab267453e913e5d87a1dff97"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DiscloseAccessLogEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DiscloseAccessLogEntriesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"discloseAccessLogEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenUntil"}},{"kind":"Field","name":{"kind":"Name","value":"disclosedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DiscloseAccessLogEntriesMutation, DiscloseAccessLogEntriesMutationVariables>;
export const MigrationAccessRecordsDocument = {"__meta__":{"hash":"sha256:d97918a40749681517f3d96e815258287bd2ad95b87133c8130421696ac086bf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MigrationAccessRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migrationAccessRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reader"}},{"kind":"Field","name":{"kind":"Name","value":"readerRoles"}},{"kind":"Field","name":{"kind":"Name","value":"readerOrganisation"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"processingType"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenUntil"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MigrationAccessRecordsQuery, MigrationAccessRecordsQueryVariables>;
export const LaborAccessRecordsDocument = {"__meta__":{"hash":"sha256:36ac57136f3db42e3935c84eec4538c9c93eee62d6baa95718559b163de1ba26"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LaborAccessRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"laborAccessRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reader"}},{"kind":"Field","name":{"kind":"Name","value":"readerRoles"}},{"kind":"Field","name":{"kind":"Name","value":"readerOrganisation"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"processingType"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenUntil"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<LaborAccessRecordsQuery, LaborAccessRecordsQueryVariables>;
export const TaxAccessRecordsDocument = {"__meta__":{"hash":"sha256:a80bd54bdbf952e1bcfe05b41bb55fd30b4a0b772c849d3bfb5dadedbdf06ac5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaxAccessRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxAccessRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reader"}},{"kind":"Field","name":{"kind":"Name","value":"readerRoles"}},{"kind":"Field","name":{"kind":"Name","value":"readerOrganisation"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"processingType"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenUntil"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<TaxAccessRecordsQuery, TaxAccessRecordsQueryVariables>;
export const SecurityAccessRecordsDocument = {"__meta__":{"hash":"sha256:c1746f08c080868346b7131a3866f88c1b900d6a32fdadaf66886f299925726c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecurityAccessRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"securityAccessRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reader"}},{"kind":"Field","name":{"kind":"Name","value":"readerRoles"}},{"kind":"Field","name":{"kind":"Name","value":"readerOrganisation"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"processingType"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenUntil"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<SecurityAccessRecordsQuery, SecurityAccessRecordsQueryVariables>;
export const MigrationEventDeliveriesDocument = {"__meta__":{"hash":"sha256:5605ae9f307fbd330b5f7852c5eb16131d4d115c43addde41e7000a2be52661c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MigrationEventDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EventDeliveryState"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migrationEventDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Delivery"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Delivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EventDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}}]} as unknown as DocumentNode<MigrationEventDeliveriesQuery, MigrationEventDeliveriesQueryVariables>;
export const MigrationInboxFailuresDocument = {"__meta__":{"hash":"sha256:9d6dd938408740f2902007f38b2c93426851aa6b688dccc018cf674d196490f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MigrationInboxFailures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migrationInboxFailures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InboxFailureRow"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InboxFailureRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboxFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"producer"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"firstReceivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastReceivedAt"}}]}}]} as unknown as DocumentNode<MigrationInboxFailuresQuery, MigrationInboxFailuresQueryVariables>;
export const RetryMigrationEventDeliveryDocument = {"__meta__":{"hash":"sha256:91c13d86f643759d602886ea8392859a2b47d680357ef3a05861410d0861b8a9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryMigrationEventDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryMigrationEventDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Delivery"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Delivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EventDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}}]} as unknown as DocumentNode<RetryMigrationEventDeliveryMutation, RetryMigrationEventDeliveryMutationVariables>;
export const LaborEventDeliveriesDocument = {"__meta__":{"hash":"sha256:0d350047c94200d248d26742704667cb986d25fd56d376da9fbdc7e168c23651"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LaborEventDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EventDeliveryState"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"laborEventDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Delivery"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Delivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EventDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}}]} as unknown as DocumentNode<LaborEventDeliveriesQuery, LaborEventDeliveriesQueryVariables>;
export const LaborInboxFailuresDocument = {"__meta__":{"hash":"sha256:e6ba25a7ccce8d45cd6f5dbe81f065f99936d08b266da88aac03fc95f20d8347"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LaborInboxFailures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"laborInboxFailures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InboxFailureRow"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InboxFailureRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboxFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"producer"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"firstReceivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastReceivedAt"}}]}}]} as unknown as DocumentNode<LaborInboxFailuresQuery, LaborInboxFailuresQueryVariables>;
export const RetryLaborEventDeliveryDocument = {"__meta__":{"hash":"sha256:6fec954d2536ec0af3605f90dc5095e598f2cc99d147274d58c32e864c0a2120"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryLaborEventDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryLaborEventDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Delivery"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Delivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EventDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}}]} as unknown as DocumentNode<RetryLaborEventDeliveryMutation, RetryLaborEventDeliveryMutationVariables>;
export const TaxEventDeliveriesDocument = {"__meta__":{"hash":"sha256:41cbc3008394fa56aeadfb99decc0d2204e22c9f88025e8ea2af6d0bd73acdd1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaxEventDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EventDeliveryState"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxEventDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Delivery"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Delivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EventDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}}]} as unknown as DocumentNode<TaxEventDeliveriesQuery, TaxEventDeliveriesQueryVariables>;
export const TaxInboxFailuresDocument = {"__meta__":{"hash":"sha256:301500b28116b802d43772755a196ec4272dde6e62769b854860aff5a2225de4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaxInboxFailures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxInboxFailures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InboxFailureRow"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InboxFailureRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboxFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"producer"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"firstReceivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastReceivedAt"}}]}}]} as unknown as DocumentNode<TaxInboxFailuresQuery, TaxInboxFailuresQueryVariables>;
export const RetryTaxEventDeliveryDocument = {"__meta__":{"hash":"sha256:f10a2e53819ea7e47cbb6e588b588de178b0e7cd435477bee476adb52afe77a2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryTaxEventDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryTaxEventDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Delivery"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Delivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EventDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}}]} as unknown as DocumentNode<RetryTaxEventDeliveryMutation, RetryTaxEventDeliveryMutationVariables>;
export const SecurityEventDeliveriesDocument = {"__meta__":{"hash":"sha256:9b188578387365a8bbcd98fd0188d375d6069b9e08cffd5a4a4105e019fb8baf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecurityEventDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EventDeliveryState"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"securityEventDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Delivery"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Delivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EventDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}}]} as unknown as DocumentNode<SecurityEventDeliveriesQuery, SecurityEventDeliveriesQueryVariables>;
export const SecurityInboxFailuresDocument = {"__meta__":{"hash":"sha256:221a0f42f9cf11e469f12b676888151c1a396807f13baa3a904c56a99ea4e544"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecurityInboxFailures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"securityInboxFailures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InboxFailureRow"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InboxFailureRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InboxFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"producer"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"firstReceivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastReceivedAt"}}]}}]} as unknown as DocumentNode<SecurityInboxFailuresQuery, SecurityInboxFailuresQueryVariables>;
export const RetrySecurityEventDeliveryDocument = {"__meta__":{"hash":"sha256:4bf37b92e421b859efb4aeef6b40858c90cf1841a872f8ab83805f7cb46fd592"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetrySecurityEventDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retrySecurityEventDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Delivery"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Delivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EventDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}}]} as unknown as DocumentNode<RetrySecurityEventDeliveryMutation, RetrySecurityEventDeliveryMutationVariables>;
export const LaborCasesDocument = {"__meta__":{"hash":"sha256:7cfb960701a3c280b5554bce8f1b3f91e38589bf3cafb23249fb911c99e7b485"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LaborCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"missingPeriod"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportPeriodInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"queue"},"name":{"kind":"Name","value":"evaluations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"UNASSIGNED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"highRisk"},"name":{"kind":"Name","value":"monitoringCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OPEN"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"riskLevels"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"HIGH"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusValidUntil"}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"activityReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"4"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"quarter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"income"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"missing"},"name":{"kind":"Name","value":"missingActivityReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"missingPeriod"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"experts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ENGAGED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"nomadId"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LaborCasesQuery, LaborCasesQueryVariables>;
export const ExpertQueueDocument = {"__meta__":{"hash":"sha256:0a4cff7378d5aa01d6b24580a88d734baab13580387e1ebf48f3d8fca58f42a5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExpertQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myExpertRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"evaluations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ASSIGNED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"4"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"quarter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"income"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExpertQueueQuery, ExpertQueueQueryVariables>;
export const SubmitEvaluationFindingsDocument = {"__meta__":{"hash":"sha256:126a6ad9990fc2f1c4c9cee01cbfb7c44890f3e5a181a2aaa5bec1e4be96b80e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitEvaluationFindings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitEvaluationFindingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitEvaluationFindings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"concludedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitEvaluationFindingsMutation, SubmitEvaluationFindingsMutationVariables>;
export const EvaluationDetailDocument = {"__meta__":{"hash":"sha256:63715464520e45487627150317f9bbe46dd3e2bf791a24d79e8043bb6683542d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvaluationDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"findings"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignedAt"}},{"kind":"Field","name":{"kind":"Name","value":"concludedAt"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}}]}}]}}]}}]} as unknown as DocumentNode<EvaluationDetailQuery, EvaluationDetailQueryVariables>;
export const ExpertDetailDocument = {"__meta__":{"hash":"sha256:385eac6679b4e957164b6d086700face68fcaaa18d9fbf22c762285785eb899f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExpertDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"engagedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"engagedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"engagedToday"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"nomadId"}},{"kind":"Field","name":{"kind":"Name","value":"employerName"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"declaredAt"}}]}}]}}]}}]} as unknown as DocumentNode<ExpertDetailQuery, ExpertDetailQueryVariables>;
export const MonitoringCaseDetailDocument = {"__meta__":{"hash":"sha256:b90c1acfd5c78d3613d5309825af032bca6a8d14a3c2866880251b586f37f0a1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MonitoringCaseDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitoringCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"openedOn"}},{"kind":"Field","name":{"kind":"Name","value":"statusValidUntil"}},{"kind":"Field","name":{"kind":"Name","value":"closedOn"}},{"kind":"Field","name":{"kind":"Name","value":"closeReason"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"latestEvaluation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MonitoringCaseDetailQuery, MonitoringCaseDetailQueryVariables>;
export const ActivityReportsDocument = {"__meta__":{"hash":"sha256:7791ee927653ad30c94ed24795eef4f7dc1ccbdf680f69de9ae01cca67d55395"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActivityReports"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityReportFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"quarter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"filedAt"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"income"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ActivityReportsQuery, ActivityReportsQueryVariables>;
export const LaborActivitiesDocument = {"__meta__":{"hash":"sha256:32632be3c8bcb6a6311e1cdb328ad1c5686d489887f63503f273f6fd2e3fbc0e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LaborActivities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"laborActivities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<LaborActivitiesQuery, LaborActivitiesQueryVariables>;
export const AssignEvaluationDocument = {"__meta__":{"hash":"sha256:7c219d9e9e0597a121679cb872c9fe988b4146e48fdd70255a436e9f182e4244"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignEvaluation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignEvaluationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignEvaluation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"assignedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"expert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AssignEvaluationMutation, AssignEvaluationMutationVariables>;
export const RequestMonitoringEvaluationDocument = {"__meta__":{"hash":"sha256:ec57bcfadac374cb0932904734bde0c07fa59e6757572aa410185d1a28c062c9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestMonitoringEvaluation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestMonitoringEvaluationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestMonitoringEvaluation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"expert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RequestMonitoringEvaluationMutation, RequestMonitoringEvaluationMutationVariables>;
export const EngageExpertDocument = {"__meta__":{"hash":"sha256:687fa21340a2aced4adceddd12151b65b9bcc0e06f5cdc8836333ecbb074f88b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EngageExpert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EngageExpertInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"engageExpert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"engagedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"engagedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EngageExpertMutation, EngageExpertMutationVariables>;
export const DeclareConflictDocument = {"__meta__":{"hash":"sha256:a7b71f1b7af81da52431b1018449e7212e998c6cc43c4c680c4b1b5119c1f94f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclareConflict"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclareConflictInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declareConflict"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"nomadId"}},{"kind":"Field","name":{"kind":"Name","value":"employerName"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeclareConflictMutation, DeclareConflictMutationVariables>;
export const EndEngagementDocument = {"__meta__":{"hash":"sha256:7910525604e10b8ba70770ff848729cab0da790ebd3a8ed495cb1682280d4a47"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndEngagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EndEngagementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endEngagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EndEngagementMutation, EndEngagementMutationVariables>;
export const SetCaseRiskLevelDocument = {"__meta__":{"hash":"sha256:979b3a7b1474725322a9a6a91b0c32df593659bad533da9c68fc8607ea70fece"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCaseRiskLevel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetCaseRiskLevelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCaseRiskLevel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitoringCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SetCaseRiskLevelMutation, SetCaseRiskLevelMutationVariables>;
export const LaborAggregatesDocument = {"__meta__":{"hash":"sha256:46cda569a51b44fd48b6e383596cec2d36b19a18fdbf5c45f60ded7f5c8ed324"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LaborAggregates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"laborAggregates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minCellSize"}},{"kind":"Field","name":{"kind":"Name","value":"countRoundingBase"}},{"kind":"Field","name":{"kind":"Name","value":"significantFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openCases"}},{"kind":"Field","name":{"kind":"Name","value":"closedCases"}},{"kind":"Field","name":{"kind":"Name","value":"engagedExperts"}},{"kind":"Field","name":{"kind":"Name","value":"reportsFiled"}},{"kind":"Field","name":{"kind":"Name","value":"lateReports"}},{"kind":"Field","name":{"kind":"Name","value":"openCasesByRiskLevel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"evaluationsByState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verdicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<LaborAggregatesQuery, LaborAggregatesQueryVariables>;
export const EvaluationStatisticsDocument = {"__meta__":{"hash":"sha256:399522fdd3f80e875b76362822d73a082134edea70669393fb65090dc36e215c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvaluationStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measures"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationMeasure"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluationStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measures"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measures"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minCellSize"}},{"kind":"Field","name":{"kind":"Name","value":"countRoundingBase"}},{"kind":"Field","name":{"kind":"Name","value":"significantFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"averageDaysToVerdict"}},{"kind":"Field","name":{"kind":"Name","value":"medianDaysToVerdict"}},{"kind":"Field","name":{"kind":"Name","value":"p90DaysToVerdict"}},{"kind":"Field","name":{"kind":"Name","value":"nonCompliantShare"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"activityCode"}},{"kind":"Field","name":{"kind":"Name","value":"requestedYear"}},{"kind":"Field","name":{"kind":"Name","value":"requestedQuarter"}},{"kind":"Field","name":{"kind":"Name","value":"requestedMonth"}},{"kind":"Field","name":{"kind":"Name","value":"concludedMonth"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"averageDaysToVerdict"}},{"kind":"Field","name":{"kind":"Name","value":"medianDaysToVerdict"}},{"kind":"Field","name":{"kind":"Name","value":"p90DaysToVerdict"}},{"kind":"Field","name":{"kind":"Name","value":"nonCompliantShare"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<EvaluationStatisticsQuery, EvaluationStatisticsQueryVariables>;
export const ActivityReportStatisticsDocument = {"__meta__":{"hash":"sha256:f174952bec60ed7bef4cdf29e7127b6eb4aa55e8bd968b4c462848fdacadfbb2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActivityReportStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measures"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityReportMeasure"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityReportDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityReportFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityReportStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measures"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measures"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minCellSize"}},{"kind":"Field","name":{"kind":"Name","value":"countRoundingBase"}},{"kind":"Field","name":{"kind":"Name","value":"significantFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"lateShare"}},{"kind":"Field","name":{"kind":"Name","value":"averageDaysToFiling"}},{"kind":"Field","name":{"kind":"Name","value":"medianDaysToFiling"}},{"kind":"Field","name":{"kind":"Name","value":"p90DaysToFiling"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodYear"}},{"kind":"Field","name":{"kind":"Name","value":"periodQuarter"}},{"kind":"Field","name":{"kind":"Name","value":"filedYear"}},{"kind":"Field","name":{"kind":"Name","value":"filedQuarter"}},{"kind":"Field","name":{"kind":"Name","value":"filedMonth"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"activityCode"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"lateShare"}},{"kind":"Field","name":{"kind":"Name","value":"averageDaysToFiling"}},{"kind":"Field","name":{"kind":"Name","value":"medianDaysToFiling"}},{"kind":"Field","name":{"kind":"Name","value":"p90DaysToFiling"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<ActivityReportStatisticsQuery, ActivityReportStatisticsQueryVariables>;
export const MonitoringCaseStatisticsDocument = {"__meta__":{"hash":"sha256:8d5dd980b893687070cee560a8fa65b83ece4b6f3b003750d6a12654fdeabc5d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MonitoringCaseStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measures"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MonitoringCaseMeasure"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"COUNT"}]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MonitoringCaseDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MonitoringCaseFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitoringCaseStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measures"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measures"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minCellSize"}},{"kind":"Field","name":{"kind":"Name","value":"countRoundingBase"}},{"kind":"Field","name":{"kind":"Name","value":"significantFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"openedYear"}},{"kind":"Field","name":{"kind":"Name","value":"openedQuarter"}},{"kind":"Field","name":{"kind":"Name","value":"openedMonth"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<MonitoringCaseStatisticsQuery, MonitoringCaseStatisticsQueryVariables>;
export const NomadListDocument = {"__meta__":{"hash":"sha256:16fa1f08ba6d243199fa31ad58e11cc304608acd7ddd9e725fd831e3e4ceed45"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NomadList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"NomadFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nomads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"citizenship"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<NomadListQuery, NomadListQueryVariables>;
export const OverdueApplicationsDocument = {"__meta__":{"hash":"sha256:5bb3a9a3eb89d22497688014a2d4cbe600bae7ce8f30a870b405263e6f16df6c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverdueApplications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"citizenships"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"overdue"},"value":{"kind":"BooleanValue","value":true}},{"kind":"ObjectField","name":{"kind":"Name","value":"citizenships"},"value":{"kind":"Variable","name":{"kind":"Name","value":"citizenships"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewDeadlineOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surname"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<OverdueApplicationsQuery, OverdueApplicationsQueryVariables>;
export const MigrationQueuesDocument = {"__meta__":{"hash":"sha256:60c11f048d5c9d0641a4e61f30508141795a39b79d7dd763b19ca99399291692"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MigrationQueues"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiringWithinDays"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"30"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"review"},"name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SUBMITTED"},{"kind":"EnumValue","value":"UNDER_REVIEW"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewDeadlineOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"clearance"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationRequested"}},{"kind":"Field","name":{"kind":"Name","value":"expertVerdict"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"returned"},"name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"RETURNED_FOR_CORRECTION"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"correctionDeadlineOn"}},{"kind":"Field","name":{"kind":"Name","value":"corrections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"expiring"},"name":{"kind":"Name","value":"expiringStatuses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"withinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiringWithinDays"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MigrationQueuesQuery, MigrationQueuesQueryVariables>;
export const ApplicationReviewDocument = {"__meta__":{"hash":"sha256:5c2d8556b0e6022b08cdbe15622c1ca48de1df8dab6d4e69884ad96d7a79feda"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewDeadlineOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"reviewer"}},{"kind":"Field","name":{"kind":"Name","value":"clearance"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationRequested"}},{"kind":"Field","name":{"kind":"Name","value":"expertVerdict"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"declaredIncome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"translates"}}]}},{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"findings"}},{"kind":"Field","name":{"kind":"Name","value":"expert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"givenNames"}},{"kind":"Field","name":{"kind":"Name","value":"citizenship"}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationReviewQuery, ApplicationReviewQueryVariables>;
export const StartReviewDocument = {"__meta__":{"hash":"sha256:e7f8c65513f97a1ca006f4d06dcda6875f172e3045b9c59be61c65e6bedc2a66"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reviewer"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StartReviewMutation, StartReviewMutationVariables>;
export const ApproveApplicationDocument = {"__meta__":{"hash":"sha256:3b29d183fcb7561509a2b5c14c3a82eb2eb27e70589d0466d28b12ecc1130f5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApproveApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ApproveApplicationMutation, ApproveApplicationMutationVariables>;
export const ReturnForCorrectionDocument = {"__meta__":{"hash":"sha256:27b15e9d65109b577fb3656e9a437a122fff077af14faf78f22def820d0f57ce"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReturnForCorrection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReturnForCorrectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnForCorrection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"correctionDeadlineOn"}},{"kind":"Field","name":{"kind":"Name","value":"corrections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReturnForCorrectionMutation, ReturnForCorrectionMutationVariables>;
export const RefuseApplicationDocument = {"__meta__":{"hash":"sha256:a5ad392d644108adefc7c678a6a73803c3fc3854d69479321681e10decdd809b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefuseApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefuseApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refuseApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"refusalGround"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RefuseApplicationMutation, RefuseApplicationMutationVariables>;
export const RequestEvaluationDocument = {"__meta__":{"hash":"sha256:459877b40d9efe0b6988a634798ba7ef54331f4c7c2c844a4927586c27df1888"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestEvaluation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestEvaluation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationRequested"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RequestEvaluationMutation, RequestEvaluationMutationVariables>;
export const NomadStatusDocument = {"__meta__":{"hash":"sha256:78fcd7ba261d7c77b029b475809cf00a321fe4519694a14732e89115b192c722"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NomadStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"on"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nomad"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"grantedSince"}},{"kind":"Field","name":{"kind":"Name","value":"ceilingOn"}},{"kind":"Field","name":{"kind":"Name","value":"revokedOn"}},{"kind":"Field","name":{"kind":"Name","value":"exitDeadlineOn"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusOn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"on"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusPeriods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"revocationGround"}},{"kind":"Field","name":{"kind":"Name","value":"exitDeadlineOn"}}]}}]}}]}}]} as unknown as DocumentNode<NomadStatusQuery, NomadStatusQueryVariables>;
export const ExtendStatusDocument = {"__meta__":{"hash":"sha256:868446fc9a160c4d03319fab8d638c9a1903305fa59b05f9a1814a78f6e919ce"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExtendStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatusActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extendStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ExtendStatusMutation, ExtendStatusMutationVariables>;
export const RevokeStatusDocument = {"__meta__":{"hash":"sha256:6c584796890e7affb9513a8d0ddbadfde1697339f9ac9f574eeb3a34b93f5cd9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"revokedOn"}},{"kind":"Field","name":{"kind":"Name","value":"exitDeadlineOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeStatusMutation, RevokeStatusMutationVariables>;
export const PendingDependantsDocument = {"__meta__":{"hash":"sha256:644e18284f3f5faf045926802992d6c31bc6f1336910b38fd76729d2dbd9efa2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingDependants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingDependants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dependantsComingOfAge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"comesOfAgeOn"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surname"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PendingDependantsQuery, PendingDependantsQueryVariables>;
export const RenewStatusDocument = {"__meta__":{"hash":"sha256:a6bd6d793835a2c29dad2ba839ba1736ae0b1388711392b0787b320eb46756aa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RenewStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatusActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"renewStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"ceilingOn"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RenewStatusMutation, RenewStatusMutationVariables>;
export const SuspendStatusDocument = {"__meta__":{"hash":"sha256:ddae2f271cf29d03265d997c7e332af24c7ba39b24bb4aadfe2e8cee3f40baeb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspendStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SuspendStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suspendStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SuspendStatusMutation, SuspendStatusMutationVariables>;
export const ReinstateStatusDocument = {"__meta__":{"hash":"sha256:62a6851fc37a9153d7f7fe7385a54f534be121672e0231fca79b91c83fea9519"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReinstateStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatusActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reinstateStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReinstateStatusMutation, ReinstateStatusMutationVariables>;
export const RecordPassportDocument = {"__meta__":{"hash":"sha256:1a1d3af2c1c1788725ff52a7d1710df75c86e64591c002d2d2ec4f0d0cad6644"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPassport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPassportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPassport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"passport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecordPassportMutation, RecordPassportMutationVariables>;
export const DependantReviewDocument = {"__meta__":{"hash":"sha256:b420e5d4340b4d4f34372db5f01cb0aca31767896c0537112d843ab9a11cb3b4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DependantReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dependant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"givenNames"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"citizenship"}},{"kind":"Field","name":{"kind":"Name","value":"comesOfAgeOn"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"passport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"translates"}}]}},{"kind":"Field","name":{"kind":"Name","value":"screening"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DependantReviewQuery, DependantReviewQueryVariables>;
export const ApproveDependantDocument = {"__meta__":{"hash":"sha256:acef2615f4a3cd6f25b42a245914883f28fcf519076521c2d77bd10a6f3713da"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveDependant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DependantDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveDependant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dependant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ApproveDependantMutation, ApproveDependantMutationVariables>;
export const RefuseDependantDocument = {"__meta__":{"hash":"sha256:10ee204d559873bc99d379b78333195feeba402cb15e1157c03a789ac0e88fc3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefuseDependant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DependantDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refuseDependant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dependant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RefuseDependantMutation, RefuseDependantMutationVariables>;
export const EndDependantStatusDocument = {"__meta__":{"hash":"sha256:a474dfffb127db2cea8510ecc80db961a992ae9deea9edcdd7340487a2cb8299"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndDependantStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DependantDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endDependantStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dependant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"exitDeadlineOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EndDependantStatusMutation, EndDependantStatusMutationVariables>;
export const PublicHolidaysDocument = {"__meta__":{"hash":"sha256:12bfb7fc9319b09a330efb5c7573c6220d0f4d1deb0d31ea342723bd4928cf07"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicHolidays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fromYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicHolidays"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fromYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fromYear"}}},{"kind":"Argument","name":{"kind":"Name","value":"toYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"holidays"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<PublicHolidaysQuery, PublicHolidaysQueryVariables>;
export const LoadPublicHolidaysDocument = {"__meta__":{"hash":"sha256:a793dbeca1c5b5c3700212229155d37e855e07e93838e948592c3bc30afd88b7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LoadPublicHolidays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoadPublicHolidaysInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loadPublicHolidays"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"recomputedDeadlines"}},{"kind":"Field","name":{"kind":"Name","value":"holidays"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LoadPublicHolidaysMutation, LoadPublicHolidaysMutationVariables>;
export const ApplicationStatisticsDocument = {"__meta__":{"hash":"sha256:5a55c44c8c27d3558ce31b674a602408ba60fffedf8db948cdeed11959c2feae"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measures"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationMeasure"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"duration"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationDuration"}}},"defaultValue":{"kind":"EnumValue","value":"WORKING_DAYS_TO_DECISION"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measures"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measures"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"duration"},"value":{"kind":"Variable","name":{"kind":"Name","value":"duration"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"minCellSize"}},{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minCellSize"}},{"kind":"Field","name":{"kind":"Name","value":"countRoundingBase"}},{"kind":"Field","name":{"kind":"Name","value":"significantFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"p90"}},{"kind":"Field","name":{"kind":"Name","value":"overdueShare"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"citizenship"}},{"kind":"Field","name":{"kind":"Name","value":"activityCode"}},{"kind":"Field","name":{"kind":"Name","value":"submittedYear"}},{"kind":"Field","name":{"kind":"Name","value":"submittedQuarter"}},{"kind":"Field","name":{"kind":"Name","value":"submittedMonth"}},{"kind":"Field","name":{"kind":"Name","value":"decidedMonth"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"p90"}},{"kind":"Field","name":{"kind":"Name","value":"overdueShare"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationStatisticsQuery, ApplicationStatisticsQueryVariables>;
export const StatusStatisticsDocument = {"__meta__":{"hash":"sha256:fe4cc237be30d72f2cab98814691cc09b16747a51b1be816dd62e2b1d29c4f89"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatusStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatusDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"NomadFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statusStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minCellSize"}},{"kind":"Field","name":{"kind":"Name","value":"countRoundingBase"}},{"kind":"Field","name":{"kind":"Name","value":"significantFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"citizenship"}},{"kind":"Field","name":{"kind":"Name","value":"activityCode"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<StatusStatisticsQuery, StatusStatisticsQueryVariables>;
export const StatusEventStatisticsDocument = {"__meta__":{"hash":"sha256:69d30c2e80ef063717052e4883faea7a9559b5123a6f00f73b769509a44175d5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatusEventStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measures"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatusEventMeasure"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatusEventDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"NomadFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statusEventStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measures"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measures"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minCellSize"}},{"kind":"Field","name":{"kind":"Name","value":"countRoundingBase"}},{"kind":"Field","name":{"kind":"Name","value":"significantFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"}},{"kind":"Field","name":{"kind":"Name","value":"renewals"}},{"kind":"Field","name":{"kind":"Name","value":"expiries"}},{"kind":"Field","name":{"kind":"Name","value":"revocations"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"quarter"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"citizenship"}},{"kind":"Field","name":{"kind":"Name","value":"activityCode"}},{"kind":"Field","name":{"kind":"Name","value":"grants"}},{"kind":"Field","name":{"kind":"Name","value":"renewals"}},{"kind":"Field","name":{"kind":"Name","value":"expiries"}},{"kind":"Field","name":{"kind":"Name","value":"revocations"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<StatusEventStatisticsQuery, StatusEventStatisticsQueryVariables>;
export const SubmitApplicationDocument = {"__meta__":{"hash":"sha256:e5efee7cf6142ee4c96269672c23c4aa0e0ce4001c5eddcaa3ae43f175e39e43"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reviewDeadlineOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitApplicationMutation, SubmitApplicationMutationVariables>;
export const MyApplicationsDocument = {"__meta__":{"hash":"sha256:7362584af65ed8ed986f9b41075c7cbf659c85df39832710ac55cabf89085aab"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyApplications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewDeadlineOn"}},{"kind":"Field","name":{"kind":"Name","value":"correctionDeadlineOn"}},{"kind":"Field","name":{"kind":"Name","value":"corrections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refusalGround"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyApplicationsQuery, MyApplicationsQueryVariables>;
export const MyApplicationDocument = {"__meta__":{"hash":"sha256:bfd414763649d452fd9425a1249cf6797ff2ff967c76047aa6faf9681b0b896e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewDeadlineOn"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"correctionDeadlineOn"}},{"kind":"Field","name":{"kind":"Name","value":"corrections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refusalGround"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<MyApplicationQuery, MyApplicationQueryVariables>;
export const WithdrawApplicationDocument = {"__meta__":{"hash":"sha256:29a7c92e9200a9fbc24b2062b6d579a4cbdd1b87effa74c5ee2458e78a2481d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WithdrawApplicationMutation, WithdrawApplicationMutationVariables>;
export const ResubmitApplicationDocument = {"__meta__":{"hash":"sha256:c8597621190a3fe243340ca4a2c0578a045c3c4e1c0794cb61e50b21889eb066"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResubmitApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResubmitApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resubmitApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reviewDeadlineOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ResubmitApplicationMutation, ResubmitApplicationMutationVariables>;
export const EligibilityRulesDocument = {"__meta__":{"hash":"sha256:352e087f35d4fd305cec3e00816d6af0bbde66513a63ea0bc6eed88c2a65aade"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EligibilityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligibilityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizenships"}},{"kind":"Field","name":{"kind":"Name","value":"visaRequiredCitizenships"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minimumAnnualIncome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"exponent"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currencies"}},{"kind":"Field","name":{"kind":"Name","value":"exchangeRates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"exponent"}},{"kind":"Field","name":{"kind":"Name","value":"usdPerUnit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredDocuments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"}},{"kind":"Field","name":{"kind":"Name","value":"oneOf"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedDocumentLanguages"}},{"kind":"Field","name":{"kind":"Name","value":"passportMinValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"maxStartDelayDays"}},{"kind":"Field","name":{"kind":"Name","value":"reviewWorkingDays"}},{"kind":"Field","name":{"kind":"Name","value":"correctionWindowMonths"}},{"kind":"Field","name":{"kind":"Name","value":"initialPeriodDays"}},{"kind":"Field","name":{"kind":"Name","value":"extensionYears"}},{"kind":"Field","name":{"kind":"Name","value":"renewalWindowDays"}},{"kind":"Field","name":{"kind":"Name","value":"statusCeilingYears"}},{"kind":"Field","name":{"kind":"Name","value":"exitDaysAfterRevocation"}}]}}]}}]} as unknown as DocumentNode<EligibilityRulesQuery, EligibilityRulesQueryVariables>;
export const MyOverviewDocument = {"__meta__":{"hash":"sha256:7893d10cc3f3bc8019b94cbfbe5f531f5e4814704fc7e3fd80aa49acf7cf1397"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxRegistration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"firstRegistration"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"regime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rateBasisPoints"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"declarations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"4"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"income"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inArrears"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activityReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"4"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"quarter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyOverviewQuery, MyOverviewQueryVariables>;
export const FileActivityReportDocument = {"__meta__":{"hash":"sha256:d09ec4e940b8c673742b89b340ea35e6f41ffcd81365a4edbe9b828ff792ce15"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FileActivityReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FileActivityReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileActivityReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"quarter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<FileActivityReportMutation, FileActivityReportMutationVariables>;
export const AddDependantDocument = {"__meta__":{"hash":"sha256:45d429d2b495c532e8b0aad0e78a70d6415bc291cba0d26451b0fe3a506f0e6c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddDependant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddDependantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addDependant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dependant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"comesOfAgeOn"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"translates"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AddDependantMutation, AddDependantMutationVariables>;
export const MyDependantsDocument = {"__meta__":{"hash":"sha256:edb7bd95b9c9769ebf52dba29e0e4c9734fbd84ff90139e89ccb102b4c5b301d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyDependants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dependants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"givenNames"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"grantedSince"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyDependantsQuery, MyDependantsQueryVariables>;
export const MyAccessRecordsDocument = {"__meta__":{"hash":"sha256:757288ae0203968aebfc0bbadfcd7c192e7ee9643fa43b822f86030fdeca4485"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAccessRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migrationAccessRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reader"}},{"kind":"Field","name":{"kind":"Name","value":"readerRoles"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MyAccessRecordsQuery, MyAccessRecordsQueryVariables>;
export const MyAccessLogDocument = {"__meta__":{"hash":"sha256:979f32001b2988e11c86aa62b24c72d521335daad4623ce20c9fd9abcedb828d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAccessLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agency"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LedgerAgency"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"agency"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agency"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"processingType"}},{"kind":"Field","name":{"kind":"Name","value":"bulkProcessing"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"initiatorOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"initiatorPerson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alternativeCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyAccessLogQuery, MyAccessLogQueryVariables>;
export const ScreeningReviewDocument = {"__meta__":{"hash":"sha256:0ad6a12dc19d7e15fa6b9e905af3ec44bd4b6f2b9eb780ce14d4bb9e69a8f701"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScreeningReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"screening"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"concludedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"reasonText"}},{"kind":"Field","name":{"kind":"Name","value":"concludedBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"suspensionRecommended"}},{"kind":"Field","name":{"kind":"Name","value":"screenings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"concludedAt"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"queue"},"name":{"kind":"Name","value":"screenings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"outcomes"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PENDING"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ScreeningReviewQuery, ScreeningReviewQueryVariables>;
export const ConcludeScreeningDocument = {"__meta__":{"hash":"sha256:5008576f593bc5bee81440556d6c785af6c02630a623369b2844734638b3dc47"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConcludeScreening"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConcludeScreeningInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"concludeScreening"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"screening"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"concludedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConcludeScreeningMutation, ConcludeScreeningMutationVariables>;
export const RescreenHolderDocument = {"__meta__":{"hash":"sha256:f1a52183418280d7905d265274f92e0613b84636b9d6518129dbf24091ede608"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RescreenHolder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RescreenHolderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rescreenHolder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"screening"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RescreenHolderMutation, RescreenHolderMutationVariables>;
export const ExitDeadlinesDocument = {"__meta__":{"hash":"sha256:124b8c8d396f37535d54b17fb9c21c1c65e89e0b977ec5fc41fa7141f2af699f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExitDeadlines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overdueDepartures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"exitDeadlineOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dependant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"technicalMeasuresDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"technicalMeasures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"overdue"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUnit"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExitDeadlinesQuery, ExitDeadlinesQueryVariables>;
export const ConfirmDepartureDocument = {"__meta__":{"hash":"sha256:03162f00d1491a6bac283e8c1b962aa08984871c061703a0ddf1773377f36627"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmDeparture"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmDepartureInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmDeparture"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exitWatch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departureConfirmedOn"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedBy"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmDepartureMutation, ConfirmDepartureMutationVariables>;
export const ScreeningDetailDocument = {"__meta__":{"hash":"sha256:488ed1347045105ea2cf8de1c6f83ac5d7e488f0ac7f674a89870995e95cb231"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScreeningDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"screening"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"concludedAt"}},{"kind":"Field","name":{"kind":"Name","value":"concludedBy"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"reasonText"}},{"kind":"Field","name":{"kind":"Name","value":"requestNote"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dependant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ScreeningDetailQuery, ScreeningDetailQueryVariables>;
export const TechnicalMeasureDetailDocument = {"__meta__":{"hash":"sha256:9e22f570da6f571d354d7e6dba800af58b7a0516b320efdcf0b10254b2236440"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TechnicalMeasureDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"technicalMeasure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUnit"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"ownDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}},{"kind":"Field","name":{"kind":"Name","value":"addedBy"}}]}}]}}]}}]} as unknown as DocumentNode<TechnicalMeasureDetailQuery, TechnicalMeasureDetailQueryVariables>;
export const CreateTechnicalMeasureDocument = {"__meta__":{"hash":"sha256:770194b5fb9da5be69e85212f8e550501c8efb5b8e6c3d980f890d80ca6e62cd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTechnicalMeasure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTechnicalMeasureInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTechnicalMeasure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUnit"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateTechnicalMeasureMutation, CreateTechnicalMeasureMutationVariables>;
export const UpdateTechnicalMeasureDocument = {"__meta__":{"hash":"sha256:47dc21fa22c9dbf8ec454f7c00061f5d2a492495887e90754e37ebe97788ebb5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTechnicalMeasure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTechnicalMeasureInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTechnicalMeasure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUnit"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateTechnicalMeasureMutation, UpdateTechnicalMeasureMutationVariables>;
export const AddMeasureEvidenceDocument = {"__meta__":{"hash":"sha256:be165b964b2934fc8441438e4d51b3ffc77348316fc0cb3e36cbf8af8f1eb53c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddMeasureEvidence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddMeasureEvidenceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addMeasureEvidence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}},{"kind":"Field","name":{"kind":"Name","value":"addedBy"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AddMeasureEvidenceMutation, AddMeasureEvidenceMutationVariables>;
export const ScreeningStatisticsDocument = {"__meta__":{"hash":"sha256:5f39084f94128bf3eb0ddba00af2f22a1a90e84cd6df784e6e943aa6e43d2b66"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScreeningStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScreeningDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ScreeningFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"screeningStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minCellSize"}},{"kind":"Field","name":{"kind":"Name","value":"countRoundingBase"}},{"kind":"Field","name":{"kind":"Name","value":"significantFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"openedYear"}},{"kind":"Field","name":{"kind":"Name","value":"openedQuarter"}},{"kind":"Field","name":{"kind":"Name","value":"openedMonth"}},{"kind":"Field","name":{"kind":"Name","value":"concludedYear"}},{"kind":"Field","name":{"kind":"Name","value":"concludedQuarter"}},{"kind":"Field","name":{"kind":"Name","value":"concludedMonth"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<ScreeningStatisticsQuery, ScreeningStatisticsQueryVariables>;
export const StartReregistrationCampaignDocument = {"__meta__":{"hash":"sha256:98fb0795db2a1d271dac91d5cbfd88e8ad5d8a398cf9874712274e9be52a8fb8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartReregistrationCampaign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"batchSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startReregistrationCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"batchSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"batchSize"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"batchSize"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"resumed"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StartReregistrationCampaignMutation, StartReregistrationCampaignMutationVariables>;
export const ReregistrationProgressDocument = {"__meta__":{"hash":"sha256:64992716ba5998108a516ac29df54c4f24e75ab3ef49500df7c990eb59c88633"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReregistrationProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"arrears"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reregistrationCampaigns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"registration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxArrears"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"arrears"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"taxDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"registration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReregistrationProgressQuery, ReregistrationProgressQueryVariables>;
export const TaxRegimesDocument = {"__meta__":{"hash":"sha256:c674b0a78082bf22dcaf759c768393440927cfcbb70a08c2d7c58027a7d7edfd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaxRegimes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxRegimes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"rateBasisPoints"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<TaxRegimesQuery, TaxRegimesQueryVariables>;
export const TaxRegisterDocument = {"__meta__":{"hash":"sha256:ceaa3e94247635159612ed0516ce2ed5bb8f572b2dc0db116301be06b892df18"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaxRegister"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TaxRegistrationFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxRegistrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"firstRegistration"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"lastReregisteredOn"}},{"kind":"Field","name":{"kind":"Name","value":"statusValidUntil"}},{"kind":"Field","name":{"kind":"Name","value":"regime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<TaxRegisterQuery, TaxRegisterQueryVariables>;
export const TaxRegistrationDetailDocument = {"__meta__":{"hash":"sha256:71f3082920daf3b2d1b2bacb1b1359f42170897452250d580e94962c97782203"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaxRegistrationDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pin"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"declarations"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"8"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxRegistration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"pin"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pin"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"activity"}},{"kind":"Field","name":{"kind":"Name","value":"firstRegistration"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"lastReregisteredOn"}},{"kind":"Field","name":{"kind":"Name","value":"deregisteredOn"}},{"kind":"Field","name":{"kind":"Name","value":"pendingSince"}},{"kind":"Field","name":{"kind":"Name","value":"statusValidUntil"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"regime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"rateBasisPoints"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"campaignId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"declarations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"declarations"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"filedAt"}},{"kind":"Field","name":{"kind":"Name","value":"inArrears"}},{"kind":"Field","name":{"kind":"Name","value":"income"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<TaxRegistrationDetailQuery, TaxRegistrationDetailQueryVariables>;
export const ReregistrationCampaignDocument = {"__meta__":{"hash":"sha256:416a0cf4270811616f974ac5d583bff4db8c5a3828bfc6db49c3e702fe9d59a5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReregistrationCampaign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"failures"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reregistrationCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"batchSize"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedBy"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"failures"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"registration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReregistrationCampaignQuery, ReregistrationCampaignQueryVariables>;
export const RegisterIndividualEntrepreneurDocument = {"__meta__":{"hash":"sha256:320d07a6df81e81174456a0b8f48f8ac6de24f419abf4921d1d200346bcd01c6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterIndividualEntrepreneur"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterIndividualEntrepreneurInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerIndividualEntrepreneur"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"regime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterIndividualEntrepreneurMutation, RegisterIndividualEntrepreneurMutationVariables>;
export const ReregisterIndividualEntrepreneurDocument = {"__meta__":{"hash":"sha256:adce65a1a5a3c4c24c7baeb406381e8d6a8d2d601c43cacf9b22c67216d51052"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReregisterIndividualEntrepreneur"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TaxRegistrationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reregisterIndividualEntrepreneur"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lastReregisteredOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReregisterIndividualEntrepreneurMutation, ReregisterIndividualEntrepreneurMutationVariables>;
export const DeregisterIndividualEntrepreneurDocument = {"__meta__":{"hash":"sha256:e457d9b3ba76169e59a26f70acc0956c302455145aad92659ff990b48d0451a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeregisterIndividualEntrepreneur"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TaxRegistrationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deregisterIndividualEntrepreneur"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"deregisteredOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeregisterIndividualEntrepreneurMutation, DeregisterIndividualEntrepreneurMutationVariables>;
export const ChangeTaxRegimeDocument = {"__meta__":{"hash":"sha256:56f22804d286e33d90931ee40fa20ee18e098cc8a174f3bae62c0bc629cbf3ec"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeTaxRegime"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeTaxRegimeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeTaxRegime"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activity"}},{"kind":"Field","name":{"kind":"Name","value":"regime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rateBasisPoints"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ChangeTaxRegimeMutation, ChangeTaxRegimeMutationVariables>;
export const FileTaxDeclarationDocument = {"__meta__":{"hash":"sha256:c013ad82f7cad0e82b3078fa35d0edd4a1cfd4f920791e56244af59bc8e87a02"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FileTaxDeclaration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FileTaxDeclarationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileTaxDeclaration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declaration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"rateBasisPoints"}},{"kind":"Field","name":{"kind":"Name","value":"income"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<FileTaxDeclarationMutation, FileTaxDeclarationMutationVariables>;
export const RecordTaxPaymentDocument = {"__meta__":{"hash":"sha256:07b3f0e30685e8401d8d63b815309436bba13fb7999ab0bd805317b5d365f291"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordTaxPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordTaxPaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordTaxPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"paidOn"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"declaration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inArrears"}},{"kind":"Field","name":{"kind":"Name","value":"paid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecordTaxPaymentMutation, RecordTaxPaymentMutationVariables>;
export const TaxAggregatesDocument = {"__meta__":{"hash":"sha256:4a5498ff3fb1d28dc63192a051d8d7303d97d6c7f0a4c0cfa487cbf11ff5eeb8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaxAggregates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxAggregates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minCellSize"}},{"kind":"Field","name":{"kind":"Name","value":"countRoundingBase"}},{"kind":"Field","name":{"kind":"Name","value":"significantFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"byState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byRegime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"declarationsByCurrency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"declarations"}},{"kind":"Field","name":{"kind":"Name","value":"inArrears"}},{"kind":"Field","name":{"kind":"Name","value":"income"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TaxAggregatesQuery, TaxAggregatesQueryVariables>;
export const DeclarationStatisticsDocument = {"__meta__":{"hash":"sha256:4a6796952557afe6fd5714d067a014ab0ea49672f3823efd12e5c35951ce2cdf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeclarationStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measures"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclarationMeasure"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclarationDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclarationStatisticsFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currency"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"USD","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declarationStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measures"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measures"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"currency"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currency"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minCellSize"}},{"kind":"Field","name":{"kind":"Name","value":"countRoundingBase"}},{"kind":"Field","name":{"kind":"Name","value":"significantFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"taxpayers"}},{"kind":"Field","name":{"kind":"Name","value":"incomeSum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incomeAverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incomeMedian"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incomeP90"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxDueSum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"quarter"}},{"kind":"Field","name":{"kind":"Name","value":"filedMonth"}},{"kind":"Field","name":{"kind":"Name","value":"regimeCode"}},{"kind":"Field","name":{"kind":"Name","value":"activityCode"}},{"kind":"Field","name":{"kind":"Name","value":"registrationState"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"taxpayers"}},{"kind":"Field","name":{"kind":"Name","value":"incomeSum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incomeAverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incomeMedian"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incomeP90"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxDueSum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<DeclarationStatisticsQuery, DeclarationStatisticsQueryVariables>;
export const ReregistrationStatisticsDocument = {"__meta__":{"hash":"sha256:ba06876fa2d76bad93bca8aec24af01f190a2b5b8aa372ff428fac28d758d434"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReregistrationStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measures"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReregistrationMeasure"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"COUNT"}]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReregistrationDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReregistrationStatisticsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reregistrationStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measures"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measures"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minCellSize"}},{"kind":"Field","name":{"kind":"Name","value":"countRoundingBase"}},{"kind":"Field","name":{"kind":"Name","value":"significantFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaign"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"regimeCode"}},{"kind":"Field","name":{"kind":"Name","value":"activityCode"}},{"kind":"Field","name":{"kind":"Name","value":"registrationState"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<ReregistrationStatisticsQuery, ReregistrationStatisticsQueryVariables>;