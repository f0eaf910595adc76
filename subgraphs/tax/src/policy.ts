import { needToKnowRow, type NeedToKnowTable } from '@nomad/kit';
import type { PersonalField } from './personal-fields.ts';

/**
 * Need-to-know in tax: personal field × role → `never`, `any` nomad, or `self` (the nomad
 * themself). Analysts read aggregates only, never a person's PIN or income. The services read it
 * on every path (`access.ts`); `docs/security.md` shows it; `test/e2e/personal-reads.test.ts`
 * compares every value the graph returns against it.
 */
const TAX_RECORD = needToKnowRow({ nomad: 'self', tax_officer: 'any' });

export const NEED_TO_KNOW = {
  'TaxRegistration.pin': TAX_RECORD,
  'TaxDeclaration.income': TAX_RECORD,
  'TaxDeclaration.taxDue': TAX_RECORD,
  'TaxDeclaration.paid': TAX_RECORD,
  'TaxDeclaration.balance': TAX_RECORD,
  'TaxDeclaration.payments': TAX_RECORD,
} as const satisfies NeedToKnowTable<PersonalField>;
