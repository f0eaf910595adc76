import type { AccessPolicy, PersonalFieldTable } from '@nomad/kit';

/** [I] Our reading of what entitles the State Tax Service to process the data (Data Tracker's `legalBasis`). */
const DECREE = 'Cabinet decree No. 241 of 30.04.2025 and the Tax Code: register of foreign individual entrepreneurs';

/**
 * Every personal field the tax subgraph serves, by GraphQL coordinate: recorded on every read,
 * walked by `test/e2e/personal-reads.test.ts`, keyed on by need-to-know policies.
 */
export const PERSONAL_FIELDS = {
  'TaxRegistration.pin': { description: 'PIN of the registered individual entrepreneur.', legalBasis: DECREE },
  'TaxDeclaration.income': { description: 'Declared income of a period.', legalBasis: DECREE },
  'TaxDeclaration.taxDue': { description: 'Tax due for a period.', legalBasis: DECREE },
  'TaxDeclaration.paid': { description: 'Tax paid for a period.', legalBasis: DECREE },
  'TaxDeclaration.balance': { description: 'Tax still owed for a period.', legalBasis: DECREE },
  'TaxDeclaration.payments': { description: 'Payments made for a period.', legalBasis: DECREE },
} as const satisfies PersonalFieldTable;

export type PersonalField = keyof typeof PERSONAL_FIELDS;

export const ACCESS_POLICY: AccessPolicy<PersonalField> = { agency: 'tax', fields: PERSONAL_FIELDS };
