import { randomUUID } from 'node:crypto';

/** A submission that passes every intake rule on 2026-11-24 (the harness's default day). */
export function validApplication(overrides: { passportNumber?: string; citizenship?: string; passportExpiresOn?: string } = {}) {
  const citizenship = overrides.citizenship ?? 'KAZ';
  return {
    applicant: {
      surname: 'Nurlanov',
      givenNames: 'Arman',
      dateOfBirth: '1990-04-12',
      sex: 'MALE',
      citizenship,
      passport: { country: citizenship, number: overrides.passportNumber ?? `N${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`, expiresOn: overrides.passportExpiresOn ?? '2030-01-31' },
      email: 'arman@example.org',
    },
    activityCode: 'SOFTWARE_DEVELOPMENT',
    foreignParties: [{ kind: 'EMPLOYER', name: 'Northwind Labs GmbH', country: 'DEU' }],
    declaredAnnualIncome: { amountMinor: 2_400_000, currency: 'USD' },
    requestedStartOn: '2026-12-15',
    documents: [
      { kind: 'PASSPORT', fileName: 'passport.pdf', language: 'ru' },
      { kind: 'PHOTO', fileName: 'photo.jpg', language: 'ru' },
      { kind: 'EMPLOYMENT_CONTRACT', fileName: 'contract.pdf', language: 'ru' },
    ],
  };
}

export type ApplicationInput = ReturnType<typeof validApplication>;

/**
 * The PIN ZHAAK must give the applicant of `validApplication`, written out by hand (not with
 * the kit's PIN functions): 2 for a man, the birth date 12 April 1990 as DDMMYYYY, a 5-digit serial.
 */
export const FIXTURE_PIN = /^212041990[0-9]{5}$/;

export const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitApplicationInput!) {
    submitApplication(input: $input) {
      application { id number state reviewDeadlineOn version nomad { id surname citizenship } }
      userErrors { code field message }
    }
  }
`;

export const WITHDRAW = /* GraphQL */ `
  mutation Withdraw($input: WithdrawApplicationInput!) {
    withdrawApplication(input: $input) {
      application { id state version }
      userErrors { code field message }
    }
  }
`;

export const APPLICATION_FIELDS = 'id number state version clearance evaluationRequested expertVerdict reviewDeadlineOn correctionDeadlineOn corrections { field message } refusalGround nomad { id pin }';

/** One mutation document per application action, all with the same payload shape. */
export function actionMutation(name: string, inputType: string): string {
  return `mutation Act($input: ${inputType}!) { ${name}(input: $input) { application { ${APPLICATION_FIELDS} } userErrors { code field message } } }`;
}

export const ACTIONS = {
  startReview: actionMutation('startReview', 'ApplicationActionInput'),
  returnForCorrection: actionMutation('returnForCorrection', 'ReturnForCorrectionInput'),
  resubmitApplication: actionMutation('resubmitApplication', 'ResubmitApplicationInput'),
  requestEvaluation: actionMutation('requestEvaluation', 'ApplicationActionInput'),
  approveApplication: actionMutation('approveApplication', 'ApproveApplicationInput'),
  refuseApplication: actionMutation('refuseApplication', 'RefuseApplicationInput'),
  withdrawApplication: `mutation Act($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { application { ${APPLICATION_FIELDS} } userErrors { code field message } } }`,
} as const;

export const STATUS_FIELDS = 'state asOf validUntil grantedSince ceilingOn revokedOn exitDeadlineOn period { kind validFrom validUntil }';

export function statusMutation(name: string, inputType: string): string {
  return `mutation S($input: ${inputType}!) { ${name}(input: $input) { nomad { id status { ${STATUS_FIELDS} } } userErrors { code field message } } }`;
}

export const STATUS_ACTIONS = {
  extendStatus: statusMutation('extendStatus', 'StatusActionInput'),
  renewStatus: statusMutation('renewStatus', 'StatusActionInput'),
  suspendStatus: statusMutation('suspendStatus', 'SuspendStatusInput'),
  reinstateStatus: statusMutation('reinstateStatus', 'StatusActionInput'),
  revokeStatus: statusMutation('revokeStatus', 'RevokeStatusInput'),
} as const;

export interface ApplicationView {
  id: string;
  number: string;
  state: string;
  version: number;
  clearance: string;
  evaluationRequested: boolean;
  expertVerdict: string | null;
  reviewDeadlineOn: string;
  correctionDeadlineOn: string | null;
  corrections: { field: string | null; message: string }[] | null;
  refusalGround: string | null;
  nomad: { id: string; pin: string | null };
}

export interface StatusView {
  state: string;
  asOf: string;
  validUntil: string;
  grantedSince: string;
  ceilingOn: string;
  revokedOn: string | null;
  exitDeadlineOn: string | null;
  period: { kind: string; validFrom: string; validUntil: string };
}

export interface UserErrorView {
  code: string;
  field: string | null;
  message: string;
}
