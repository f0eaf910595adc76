import { userError, type UserError } from '@nomad/kit';
import type { Classification, ScreeningOutcome, ScreeningReason } from '../../db/schema.ts';

// A screening's conclusion rules, pure: the life cycle as data and the input's own checks.

/** Longest free text an officer may attach: enough for a paragraph, not a dossier. */
export const MAX_REASON_TEXT = 2_000;

/** The screening life cycle as data: PENDING is the only state a conclusion leaves. */
export const SCREENING_TRANSITIONS: Record<ScreeningOutcome, readonly ScreeningOutcome[]> = {
  PENDING: ['CLEARED', 'FLAGGED'],
  CLEARED: [],
  FLAGGED: [],
};

/** What an officer concludes a screening with. */
export interface ConcludeInput {
  screeningId: string;
  expectedVersion?: number | null;
  outcome: 'CLEARED' | 'FLAGGED';
  reasons?: ScreeningReason[] | null;
  reasonText?: string | null;
  classification: Classification;
}

/**
 * The rules a conclusion must meet on its own, before any row is read (pure, every broken rule
 * reported at once): a FLAGGED outcome names at least one reason; a CLEARED one names none (a
 * reason on a clearance would be a flag in disguise); `OTHER` needs the free text that says what.
 */
export function checkConclusion(input: Pick<ConcludeInput, 'outcome' | 'reasons' | 'reasonText'>): UserError[] {
  const errors: UserError[] = [];
  const reasons = input.reasons ?? [];
  const text = input.reasonText?.trim() ?? '';
  if (input.outcome === 'FLAGGED' && reasons.length === 0) {
    errors.push(userError('REASONS_REQUIRED', 'A FLAGGED outcome needs at least one reason.', 'input.reasons'));
  }
  if (input.outcome === 'CLEARED' && reasons.length > 0) {
    errors.push(userError('REASONS_NOT_ALLOWED', 'A CLEARED outcome carries no reasons.', 'input.reasons'));
  }
  if (new Set(reasons).size !== reasons.length) {
    errors.push(userError('DUPLICATE_REASON', 'Each reason may be given once.', 'input.reasons'));
  }
  if (reasons.includes('OTHER') && text.length === 0) {
    errors.push(userError('REASON_TEXT_REQUIRED', 'The reason OTHER needs a free-text explanation.', 'input.reasonText'));
  }
  if (text.length > MAX_REASON_TEXT) {
    errors.push(userError('REASON_TEXT_TOO_LONG', `The free text is limited to ${MAX_REASON_TEXT} characters.`, 'input.reasonText'));
  }
  return errors;
}

/** Whether a screening in `from` may be concluded as `to` (the transition table). */
export function canTransition(from: ScreeningOutcome, to: ScreeningOutcome): boolean {
  return SCREENING_TRANSITIONS[from].includes(to);
}
