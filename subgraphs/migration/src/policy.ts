import { needToKnowRow, type NeedToKnowTable } from '@nomad/kit';
import type { PersonalField } from './personal-fields.ts';

/**
 * Need-to-know in migration: personal field × role → `never`, `any` nomad, or `self` (the nomad
 * themself). The services read it on every path (root lookups, lists, nested fields,
 * `_entities`); `docs/security.md` shows it (test/src/need-to-know-docs.test.ts keeps them
 * equal); `test/e2e/personal-reads.test.ts` compares every value the graph returns against it.
 *
 * Officers of labor, tax and GKNB read any nomad's identity here: the relation "reached through
 * the agency's own records" crosses subgraphs (migration does not know another agency's cases)
 * and is not built (README, "Not built yet").
 */
const IDENTITY = needToKnowRow({ nomad: 'self', migration_officer: 'any', labor_officer: 'any', tax_officer: 'any', security_officer: 'any' });
/** Status: the identity readers, and analysts (pseudonymous records). */
const STATUS = needToKnowRow({ nomad: 'self', migration_officer: 'any', labor_officer: 'any', tax_officer: 'any', security_officer: 'any', analyst: 'any' });
/** Employers, clients and documents: the agencies that assess the application. */
const DETAILS = needToKnowRow({ nomad: 'self', migration_officer: 'any', labor_officer: 'any', security_officer: 'any' });
/** The declared income: the assessing agencies, and analysts (pseudonymous records). */
const INCOME = needToKnowRow({ nomad: 'self', migration_officer: 'any', labor_officer: 'any', security_officer: 'any', analyst: 'any' });

export const NEED_TO_KNOW = {
  'Nomad.surname': IDENTITY,
  'Nomad.givenNames': IDENTITY,
  'Nomad.dateOfBirth': IDENTITY,
  'Nomad.sex': IDENTITY,
  'Nomad.passport': IDENTITY,
  'Nomad.email': IDENTITY,
  'Nomad.pin': IDENTITY,
  'Nomad.status': STATUS,
  'Nomad.statusOn': STATUS,
  'Nomad.statusPeriods': STATUS,
  'Nomad.statusHistory': STATUS,
  'Application.foreignParties': DETAILS,
  'Application.declaredIncome': INCOME,
  'Application.declaredIncomeUsd': INCOME,
  'Application.documents': DETAILS,
} as const satisfies NeedToKnowTable<PersonalField>;
