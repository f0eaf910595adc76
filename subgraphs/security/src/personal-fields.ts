import type { AccessPolicy, PersonalFieldTable } from '@nomad/kit';

/** [I] Our reading of what entitles GKNB to process the data (Data Tracker's `legalBasis`). */
const DECREE = 'Cabinet decree No. 241 of 30.04.2025: screening of applicants and exit control by GKNB';
const LEDGER = 'Law of the Kyrgyz Republic on personal information: the data subject\'s right to know who processed their data';

/**
 * Every personal field the security subgraph serves, by GraphQL coordinate: recorded on every
 * read, walked by `test/e2e/personal-reads.test.ts`, keyed on by need-to-know policies.
 */
export const PERSONAL_FIELDS = {
  'Screening.reasons': { description: 'Grounds GKNB flagged the person on.', legalBasis: DECREE },
  'Screening.reasonText': { description: "GKNB's free-text reasons.", legalBasis: DECREE },
  'Screening.classification': { description: "Classification of the screening's file.", legalBasis: DECREE },
  'Screening.concludedBy': { description: 'The officer who concluded the screening.', legalBasis: DECREE },
  'Screening.requestNote': { description: 'Why a re-screening was asked for.', legalBasis: DECREE },
  'ExitWatch.pin': { description: 'PIN of a former holder who must leave.', legalBasis: DECREE },
  'ExitWatch.ground': { description: 'Why the status was revoked.', legalBasis: DECREE },
  'ExitWatch.note': { description: "The officer's note on the departure (e.g. the border-crossing record).", legalBasis: DECREE },
  'Nomad.accessLog': { description: "Who read the nomad's data (the consolidated ledger).", legalBasis: LEDGER },
} as const satisfies PersonalFieldTable;

export type PersonalField = keyof typeof PERSONAL_FIELDS;

export const ACCESS_POLICY: AccessPolicy<PersonalField> = { agency: 'security', fields: PERSONAL_FIELDS };
