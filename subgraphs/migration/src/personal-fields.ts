import type { AccessPolicy, PersonalFieldTable } from '@nomad/kit';

/**
 * [I] Our reading of what entitles the migration authority to process the data; a rule value,
 * recorded with every read (Data Tracker's `legalBasis`).
 */
const DECREE = 'Cabinet decree No. 241 of 30.04.2025: granting and keeping the digital nomad status';

/**
 * Every personal field the migration subgraph serves, by GraphQL coordinate. Each read of one
 * is recorded in the access log before its value is returned; `test/e2e/personal-reads.test.ts`
 * reads each through every path and finds its record; need-to-know policies key on the same
 * coordinates.
 */
export const PERSONAL_FIELDS = {
  'Nomad.surname': { description: 'Surname as in the passport.', legalBasis: DECREE },
  'Nomad.givenNames': { description: 'Given names as in the passport.', legalBasis: DECREE },
  'Nomad.dateOfBirth': { description: 'Date of birth.', legalBasis: DECREE },
  'Nomad.sex': { description: 'Sex as in the passport.', legalBasis: DECREE },
  'Nomad.passport': { description: 'Passport country, number and expiry.', legalBasis: DECREE },
  'Nomad.email': { description: 'Contact e-mail.', legalBasis: DECREE },
  'Nomad.pin': { description: 'Personal identification number (ZHAAK), also the taxpayer number.', legalBasis: DECREE },
  'Nomad.status': { description: 'Current status of the nomad.', legalBasis: DECREE },
  'Nomad.statusOn': { description: 'Status of the nomad on a given day.', legalBasis: DECREE },
  'Nomad.statusPeriods': { description: 'Every granted status period.', legalBasis: DECREE },
  'Nomad.statusHistory': { description: 'Suspensions, reinstatements, revocations and their grounds.', legalBasis: DECREE },
  'Dependant.surname': { description: "A dependant's surname as in the passport.", legalBasis: DECREE },
  'Dependant.givenNames': { description: "A dependant's given names as in the passport.", legalBasis: DECREE },
  'Dependant.dateOfBirth': { description: "A dependant's date of birth (and the day a child comes of age).", legalBasis: DECREE },
  'Dependant.sex': { description: "A dependant's sex as in the passport.", legalBasis: DECREE },
  'Dependant.passport': { description: "A dependant's passport country, number and expiry.", legalBasis: DECREE },
  'Dependant.pin': { description: "A dependant's personal identification number (ZHAAK).", legalBasis: DECREE },
  'Dependant.documents': { description: 'The marriage or birth certificate and the other documents filed for a dependant.', legalBasis: DECREE },
  'Dependant.screening': { description: "The outcome of GKNB's screening of an adult dependant (not its reasons).", legalBasis: DECREE },
  'Dependant.status': { description: "A dependant's current status (the principal's).", legalBasis: DECREE },
  'Dependant.statusOn': { description: "A dependant's status on a given day.", legalBasis: DECREE },
  'Application.foreignParties': { description: 'Foreign employers and clients named in the application.', legalBasis: DECREE },
  'Application.declaredIncome': { description: 'Declared annual income.', legalBasis: DECREE },
  'Application.declaredIncomeUsd': { description: 'Declared annual income in USD.', legalBasis: DECREE },
  'Application.documents': { description: 'Documents filed with the application.', legalBasis: DECREE },
} as const satisfies PersonalFieldTable;

export type PersonalField = keyof typeof PERSONAL_FIELDS;

export const ACCESS_POLICY: AccessPolicy<PersonalField> = { agency: 'migration', fields: PERSONAL_FIELDS };
