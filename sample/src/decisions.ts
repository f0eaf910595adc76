import { addDays } from '@nomad/kit';
import type { Rnd } from './random.ts';
import type { SampleApplicationState, SampleDecision } from './types.ts';

/** Review and decision facts consistent with the state. */
export function decisionFields(state: SampleApplicationState, submittedOn: string, submittedAt: Date, rnd: Rnd, today: string): SampleDecision {
  const decidedAt = new Date(submittedAt.getTime() + rnd.int(3, 9) * 86_400_000).toISOString();
  const clearedAt = new Date(submittedAt.getTime() + rnd.int(1, 3) * 86_400_000).toISOString();
  switch (state) {
    case 'SUBMITTED':
      return {};
    case 'UNDER_REVIEW': {
      const outcome = rnd.next() < 0.6 ? 'CLEARED' : rnd.next() < 0.5 ? 'PENDING' : 'FLAGGED';
      const evaluation = rnd.next() < 0.25;
      return {
        reviewer: 'seed:migration_officer',
        screeningOutcome: outcome,
        screeningConcludedAt: outcome === 'PENDING' ? null : clearedAt,
        evaluationRequestedAt: evaluation ? clearedAt : null,
        ...(evaluation && rnd.next() < 0.5 ? { evaluationVerdict: rnd.pick(['COMPLIANT', 'NON_COMPLIANT', 'INSUFFICIENT_EVIDENCE'] as const), evaluationConcludedAt: decidedAt } : {}),
      };
    }
    case 'RETURNED_FOR_CORRECTION':
      return {
        reviewer: 'seed:migration_officer',
        corrections: [{ field: 'documents', message: 'The bank statement must cover the last 12 months.' }],
        correctionDeadlineOn: addDays(today, rnd.int(3, 28)),
      };
    case 'APPROVED':
      return { reviewer: 'seed:migration_officer', screeningOutcome: 'CLEARED', screeningConcludedAt: clearedAt, decidedAt, decidedBy: 'seed:migration_officer' };
    case 'REFUSED': {
      const flagged = rnd.next() < 0.3;
      return {
        reviewer: 'seed:migration_officer',
        screeningOutcome: flagged ? 'FLAGGED' : 'CLEARED',
        screeningConcludedAt: clearedAt,
        decidedAt,
        decidedBy: 'seed:migration_officer',
        refusalGround: flagged ? 'NATIONAL_SECURITY_THREAT' : rnd.pick(['FALSE_DOCUMENTS', 'ACTIVITY_NOT_ELIGIBLE'] as const),
      };
    }
    case 'CANCELLED':
      return { reviewer: 'seed:migration_officer', corrections: [{ field: null, message: 'Passport scan unreadable.' }], correctionDeadlineOn: addDays(submittedOn, 35) };
    case 'WITHDRAWN':
      return {};
  }
}
