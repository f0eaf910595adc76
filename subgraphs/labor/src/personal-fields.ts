import type { AccessPolicy, PersonalFieldTable } from '@nomad/kit';

/** [I] Our reading of what entitles the Ministry of Labor to process the data (Data Tracker's `legalBasis`). */
const DECREE = 'Cabinet decree No. 241 of 30.04.2025: monitoring of the digital nomad status by the Ministry of Labor';

/**
 * Every personal field the labor subgraph serves, by GraphQL coordinate: recorded on every
 * read, walked by `test/e2e/personal-reads.test.ts`, keyed on by need-to-know policies.
 */
export const PERSONAL_FIELDS = {
  'MonitoringCase.riskLevel': { description: "The ministry's risk assessment of the nomad.", legalBasis: DECREE },
  'CaseAction.note': { description: 'Notes in a case history: risk levels and their reasons, verdicts, periods.', legalBasis: DECREE },
  'ActivityReport.clients': { description: 'Foreign clients the nomad reported.', legalBasis: DECREE },
  'ActivityReport.income': { description: 'Income the nomad reported for a quarter.', legalBasis: DECREE },
  'Evaluation.findings': { description: "An expert's findings on the nomad's activity.", legalBasis: DECREE },
} as const satisfies PersonalFieldTable;

export type PersonalField = keyof typeof PERSONAL_FIELDS;

export const ACCESS_POLICY: AccessPolicy<PersonalField> = { agency: 'labor', fields: PERSONAL_FIELDS };
