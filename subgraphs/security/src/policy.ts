import { allowsWithoutRelations, forbidden, needToKnowRow, type NeedToKnowTable } from '@nomad/kit';
import type { Context } from './context.ts';
import type { PersonalField } from './personal-fields.ts';

/**
 * Need-to-know in GKNB: personal field × role → `never`, `any` nomad, or `self` (the nomad
 * themself). A screening's details and exit watches are for security officers alone (the
 * outcome, not personal data of this table, is `modules/screenings/policy.ts`); the
 * consolidated access log is for auditors and the nomad it concerns. The services read it on
 * every path; `docs/security.md` shows it; `test/e2e/personal-reads.test.ts` compares every value
 * the graph returns against it.
 */
const GKNB_ONLY = needToKnowRow({ security_officer: 'any' });

export const NEED_TO_KNOW = {
  'Screening.reasons': GKNB_ONLY,
  'Screening.reasonText': GKNB_ONLY,
  'Screening.classification': GKNB_ONLY,
  'Screening.concludedBy': GKNB_ONLY,
  'Screening.requestNote': GKNB_ONLY,
  'ExitWatch.pin': GKNB_ONLY,
  'ExitWatch.ground': GKNB_ONLY,
  'ExitWatch.note': GKNB_ONLY,
  'Nomad.accessLog': needToKnowRow({ nomad: 'self', auditor: 'any' }),
} as const satisfies NeedToKnowTable<PersonalField>;

/** Throws FORBIDDEN unless the table lets the caller read `field` of `nomadId` (no relation here needs more than the token). */
export function assertAllowedByTable(ctx: Context, field: PersonalField, nomadId: string): void {
  if (!allowsWithoutRelations(NEED_TO_KNOW, field, ctx.principal, nomadId)) throw forbidden(`\`${field}\` is not visible to you.`);
}
