import { needToKnowRow, type NeedToKnowTable } from '@nomad/kit';
import type { PersonalField } from './personal-fields.ts';

/**
 * Need-to-know in labor: personal field × role → `never`, `any` nomad, `self` (the nomad
 * themself) or `assigned` (the engaged expert one of the nomad's evaluations is assigned to; for
 * `Evaluation.findings`, that evaluation). The services read it on every path (`access.ts`);
 * `docs/security.md` shows it; `test/e2e/personal-reads.test.ts` compares every value the graph
 * returns against it.
 */
const MONITORING = needToKnowRow({ nomad: 'self', labor_officer: 'any', labor_expert: 'assigned' });
/** Findings are the recommendation migration officers decide on. */
const FINDINGS = needToKnowRow({ nomad: 'self', labor_officer: 'any', labor_expert: 'assigned', migration_officer: 'any' });

export const NEED_TO_KNOW = {
  'MonitoringCase.riskLevel': MONITORING,
  'CaseAction.note': MONITORING,
  'ActivityReport.clients': MONITORING,
  'ActivityReport.income': MONITORING,
  'Evaluation.findings': FINDINGS,
} as const satisfies NeedToKnowTable<PersonalField>;
