import type { PersonIdentity } from '@nomad/kit';

// The sample world's rows, in the shape of migration's tables (migration inserts them as they
// are; its typecheck fails if the two drift). Each union lists the values the sample draws.

export type SampleApplicationState = 'SUBMITTED' | 'UNDER_REVIEW' | 'RETURNED_FOR_CORRECTION' | 'APPROVED' | 'REFUSED' | 'WITHDRAWN' | 'CANCELLED';
export type SampleScreeningOutcome = 'PENDING' | 'CLEARED' | 'FLAGGED';
export type SampleEvaluationVerdict = 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_EVIDENCE';
export type SampleRefusalGround = 'FALSE_DOCUMENTS' | 'ACTIVITY_NOT_ELIGIBLE' | 'NATIONAL_SECURITY_THREAT';

/** The rule values the world is drawn with (migration's rule table, or `SAMPLE_RULES`). */
export interface SampleRules {
  eligible_citizenships: readonly string[];
  visa_required_citizenships: readonly string[];
  eligible_activities: readonly { code: string; title: string }[];
  exchange_rates_to_usd: Readonly<Record<string, number>>;
  review_working_days: number;
}

export interface SampleOptions {
  /** @default 400 */
  nomads?: number;
  /** Bishkek "today" the sample is built around. */
  today: string;
  /** @default 241 */
  seed?: number;
}

export interface SampleNomad extends PersonIdentity {
  id: string;
  /** Assigned on approval; null for everyone never approved. */
  pin: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Review and decision facts, present as far as the application's state has them. */
export interface SampleDecision {
  reviewer?: string;
  screeningOutcome?: SampleScreeningOutcome;
  screeningConcludedAt?: string | null;
  evaluationRequestedAt?: string | null;
  evaluationVerdict?: SampleEvaluationVerdict;
  evaluationConcludedAt?: string;
  corrections?: { field: string | null; message: string }[];
  correctionDeadlineOn?: string;
  decidedAt?: string;
  decidedBy?: string;
  /** The deciding officer's unit (a slug of `SAMPLE_MIGRATION_UNITS`). */
  decidedUnit?: string;
  refusalGround?: SampleRefusalGround;
}

export interface SampleApplication extends SampleDecision {
  id: string;
  number: string;
  nomadId: string;
  state: SampleApplicationState;
  activityCode: string;
  foreignParties: { kind: 'EMPLOYER' | 'CLIENT'; name: string; country: string }[];
  declaredIncomeMinor: number;
  incomeCurrency: string;
  declaredIncomeUsdMinor: number;
  requestedStartOn: string;
  submittedAt: string;
  reviewDeadlineOn: string;
  stateChangedAt: string;
}

export interface SampleDocument {
  applicationId: string;
  kind: 'PASSPORT' | 'PHOTO' | 'EMPLOYMENT_CONTRACT' | 'FREELANCE_CONTRACT' | 'TRANSLATION' | 'DN_VISA';
  fileName: string;
  language: string;
  /** A TRANSLATION's document (its file name). */
  translatesFileName?: string;
  addedAt: string;
}

export interface SampleStatusPeriod {
  id: string;
  nomadId: string;
  kind: 'INITIAL_60_DAYS' | 'EXTENSION_1_YEAR' | 'RENEWAL';
  validFrom: string;
  validUntil: string;
  applicationId?: string;
  grantedBy: string;
  grantedAt: string;
}

export interface SampleStatusEvent {
  nomadId: string;
  kind: 'GRANTED' | 'EXTENDED' | 'RENEWED' | 'SUSPENDED' | 'REVOKED' | 'EXPIRED';
  effectiveOn: string;
  actor: string;
  periodId?: string;
  reason?: string;
  revocationGround?: 'ACTIVITY_ENDED';
  exitDeadlineOn?: string;
  at: string;
}

export interface SampleWorld {
  nomadRows: SampleNomad[];
  applicationRows: SampleApplication[];
  documentRows: SampleDocument[];
  periodRows: SampleStatusPeriod[];
  eventRows: SampleStatusEvent[];
  /** The last PIN serial used per birth date, so that ZHAAK continues after them. */
  serials: { dateOfBirth: string; lastSerial: number }[];
  /** The last application number used, so that portal submissions continue after it. */
  lastNumber: number;
}
