/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

export type ForeignPartyInput = {
  country: string;
  kind: ForeignPartyKind;
  name: string;
};

export type ForeignPartyKind =
  | 'CLIENT'
  | 'EMPLOYER';

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

/** Where a record came from. */
export type RecordSource =
  /** Imported from the 2022–2024 pilot programme. */
  | 'PILOT_2022_2024'
  /** Submitted through the nomad portal under decree No. 241. */
  | 'PORTAL';

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

/** Whether a campaign still has work. */
export type ReregistrationCampaignState =
  /** No item is pending: every IE was re-registered or failed with a reason. */
  | 'COMPLETED'
  /** Items remain pending; the service works them in the background (and after a restart). */
  | 'RUNNING';

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

/** How a screening was concluded (a conclusion is never PENDING). */
export type ScreeningConclusion =
  /** No objection. */
  | 'CLEARED'
  /** An objection, with at least one reason. */
  | 'FLAGGED';

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

/** Sex as recorded in the passport; it also sets the first digit of the PIN. */
export type Sex =
  | 'FEMALE'
  | 'MALE';

export type StatusActionInput = {
  nomadId: string | number;
  /** Optional remark recorded with the change. */
  reason?: string | null | undefined;
};

export type StatusEventKind =
  | 'EXPIRED'
  | 'EXTENDED'
  | 'GRANTED'
  | 'REINSTATED'
  | 'RENEWED'
  | 'REVOKED'
  | 'SUSPENDED';

export type StatusPeriodKind =
  /** The extension after the initial period: 1 year. */
  | 'EXTENSION_1_YEAR'
  /** The first grant: 60 days. */
  | 'INITIAL_60_DAYS'
  /** A period carried over from the 2022–2024 pilot programme. */
  | 'PILOT_2022_2024'
  /** A further year, up to 10 years in total. */
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

export type WithdrawApplicationInput = {
  applicationId: string | number;
  /** The version you last read; the withdrawal fails with CONFLICT if the application changed since. */
  expectedVersion?: number | null | undefined;
};

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

export type StartReregistrationCampaignMutationVariables = Exact<{
  batchSize?: number | null | undefined;
}>;


export type StartReregistrationCampaignMutation = { startReregistrationCampaign: { resumed: boolean, campaign: { id: string, state: ReregistrationCampaignState, batchSize: number, progress: { total: number } } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type ReregistrationProgressQueryVariables = Exact<{
  arrears?: number | null | undefined;
}>;


export type ReregistrationProgressQuery = { reregistrationCampaigns: { edges: Array<{ node: { id: string, state: ReregistrationCampaignState, startedAt: string, progress: { total: number, done: number, pending: number, failed: number }, failures: { edges: Array<{ node: { reason: string, registration: { id: string } } }> } } }> }, taxArrears: { edges: Array<{ node: { period: string, dueOn: string, taxDue: { amountMinor: number, currency: string }, balance: { amountMinor: number }, registration: { pin: string, state: TaxRegistrationState } } }> } };


export const LaborCasesDocument = {"__meta__":{"hash":"sha256:7cfb960701a3c280b5554bce8f1b3f91e38589bf3cafb23249fb911c99e7b485"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LaborCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"missingPeriod"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportPeriodInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"queue"},"name":{"kind":"Name","value":"evaluations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"UNASSIGNED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"highRisk"},"name":{"kind":"Name","value":"monitoringCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OPEN"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"riskLevels"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"HIGH"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusValidUntil"}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"activityReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"4"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"quarter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"income"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"missing"},"name":{"kind":"Name","value":"missingActivityReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"missingPeriod"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"experts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ENGAGED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"nomadId"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LaborCasesQuery, LaborCasesQueryVariables>;
export const ExpertQueueDocument = {"__meta__":{"hash":"sha256:0a4cff7378d5aa01d6b24580a88d734baab13580387e1ebf48f3d8fca58f42a5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExpertQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myExpertRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"evaluations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ASSIGNED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"4"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"quarter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"income"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExpertQueueQuery, ExpertQueueQueryVariables>;
export const SubmitEvaluationFindingsDocument = {"__meta__":{"hash":"sha256:126a6ad9990fc2f1c4c9cee01cbfb7c44890f3e5a181a2aaa5bec1e4be96b80e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitEvaluationFindings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitEvaluationFindingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitEvaluationFindings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"concludedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitEvaluationFindingsMutation, SubmitEvaluationFindingsMutationVariables>;
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
export const ScreeningReviewDocument = {"__meta__":{"hash":"sha256:0ad6a12dc19d7e15fa6b9e905af3ec44bd4b6f2b9eb780ce14d4bb9e69a8f701"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScreeningReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"screening"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"concludedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"reasonText"}},{"kind":"Field","name":{"kind":"Name","value":"concludedBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"suspensionRecommended"}},{"kind":"Field","name":{"kind":"Name","value":"screenings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"concludedAt"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"queue"},"name":{"kind":"Name","value":"screenings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"outcomes"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PENDING"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ScreeningReviewQuery, ScreeningReviewQueryVariables>;
export const ConcludeScreeningDocument = {"__meta__":{"hash":"sha256:5008576f593bc5bee81440556d6c785af6c02630a623369b2844734638b3dc47"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConcludeScreening"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConcludeScreeningInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"concludeScreening"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"screening"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"concludedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConcludeScreeningMutation, ConcludeScreeningMutationVariables>;
export const RescreenHolderDocument = {"__meta__":{"hash":"sha256:f1a52183418280d7905d265274f92e0613b84636b9d6518129dbf24091ede608"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RescreenHolder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RescreenHolderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rescreenHolder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"screening"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RescreenHolderMutation, RescreenHolderMutationVariables>;
export const ExitDeadlinesDocument = {"__meta__":{"hash":"sha256:124b8c8d396f37535d54b17fb9c21c1c65e89e0b977ec5fc41fa7141f2af699f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExitDeadlines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overdueDepartures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"exitDeadlineOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"nomad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dependant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"technicalMeasuresDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"technicalMeasures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"overdue"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUnit"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExitDeadlinesQuery, ExitDeadlinesQueryVariables>;
export const ConfirmDepartureDocument = {"__meta__":{"hash":"sha256:03162f00d1491a6bac283e8c1b962aa08984871c061703a0ddf1773377f36627"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmDeparture"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmDepartureInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmDeparture"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exitWatch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departureConfirmedOn"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedBy"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmDepartureMutation, ConfirmDepartureMutationVariables>;
export const StartReregistrationCampaignDocument = {"__meta__":{"hash":"sha256:98fb0795db2a1d271dac91d5cbfd88e8ad5d8a398cf9874712274e9be52a8fb8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartReregistrationCampaign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"batchSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startReregistrationCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"batchSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"batchSize"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"batchSize"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"resumed"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StartReregistrationCampaignMutation, StartReregistrationCampaignMutationVariables>;
export const ReregistrationProgressDocument = {"__meta__":{"hash":"sha256:64992716ba5998108a516ac29df54c4f24e75ab3ef49500df7c990eb59c88633"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReregistrationProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"arrears"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reregistrationCampaigns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"registration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxArrears"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"arrears"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"taxDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"registration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReregistrationProgressQuery, ReregistrationProgressQueryVariables>;