import { randomUUID } from 'node:crypto';

/** A submission that passes every intake rule on 2026-11-24 (the harness's default day). */
export function validApplication(overrides: { passportNumber?: string; citizenship?: string } = {}) {
  const citizenship = overrides.citizenship ?? 'KAZ';
  return {
    applicant: {
      surname: 'Nurlanov',
      givenNames: 'Arman',
      dateOfBirth: '1990-04-12',
      sex: 'MALE',
      citizenship,
      passport: { country: citizenship, number: overrides.passportNumber ?? `N${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`, expiresOn: '2030-01-31' },
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
