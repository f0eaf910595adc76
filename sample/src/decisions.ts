import { addDays } from '@nomad/kit';
import type { Rnd } from './random.ts';
import type { SampleApplicationState, SampleDecision } from './types.ts';

/**
 * Migration's units that decide in the sample, each with its share in twentieths: the capital
 * most, Naryn rarely (the large program's selective `decidingUnits` filter, src/explain.test.ts).
 */
export const SAMPLE_MIGRATION_UNITS: readonly (readonly [unit: string, twentieths: number])[] = [
  ['bishkek', 8],
  ['osh-region', 4],
  ['chui-region', 3],
  ['jalal-abad-region', 2],
  ['issyk-kul-region', 2],
  ['naryn-region', 1],
];

/**
 * The unit that decided the application numbered `number`: read off the number (a Fibonacci
 * hash), not drawn, so that the rest of the world stays what it was before units were recorded.
 */
export function sampleDecidingUnit(number: string): string {
  let slot = Math.floor(((Math.imul(Number(number), 0x9e3779b1) >>> 0) / 2 ** 32) * 20);
  for (const [unit, twentieths] of SAMPLE_MIGRATION_UNITS) {
    if (slot < twentieths) return unit;
    slot -= twentieths;
  }
  return 'bishkek';
}

/** Review and decision facts consistent with the state; a decision's unit from the application's number. */
export function decisionFields(state: SampleApplicationState, number: string, submittedOn: string, submittedAt: Date, rnd: Rnd, today: string): SampleDecision {
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
      return { reviewer: 'seed:migration_officer', screeningOutcome: 'CLEARED', screeningConcludedAt: clearedAt, decidedAt, decidedBy: 'seed:migration_officer', decidedUnit: sampleDecidingUnit(number) };
    case 'REFUSED': {
      const flagged = rnd.next() < 0.3;
      return {
        reviewer: 'seed:migration_officer',
        screeningOutcome: flagged ? 'FLAGGED' : 'CLEARED',
        screeningConcludedAt: clearedAt,
        decidedAt,
        decidedBy: 'seed:migration_officer',
        decidedUnit: sampleDecidingUnit(number),
        refusalGround: flagged ? 'NATIONAL_SECURITY_THREAT' : rnd.pick(['FALSE_DOCUMENTS', 'ACTIVITY_NOT_ELIGIBLE'] as const),
      };
    }
    case 'CANCELLED':
      return { reviewer: 'seed:migration_officer', corrections: [{ field: null, message: 'Passport scan unreadable.' }], correctionDeadlineOn: addDays(submittedOn, 35) };
    case 'WITHDRAWN':
      return {};
  }
}
