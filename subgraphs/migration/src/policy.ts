import { needToKnowRow, type NeedToKnowTable, type Role } from '@nomad/kit';
import type { PersonalField } from './personal-fields.ts';

/**
 * Need-to-know in migration: personal field × role → `never`, `any` nomad, `self` (the nomad
 * themself) or `linked` (the nomad is linked to the reader's agency through that agency's own
 * records: `LINKED_AGENCY`, `linkedAgencies`). The services read it on every path (root
 * lookups, lists, nested fields, `_entities`); `docs/security.md` shows it
 * (test/src/need-to-know-docs.test.ts keeps them equal); `test/e2e/personal-reads.test.ts`
 * compares every value the graph returns against it.
 */
const IDENTITY = needToKnowRow({ nomad: 'self', migration_officer: 'any', labor_officer: 'linked', tax_officer: 'linked', security_officer: 'linked' });
/** Status: the identity readers, and analysts (pseudonymous records). */
const STATUS = needToKnowRow({ nomad: 'self', migration_officer: 'any', labor_officer: 'linked', tax_officer: 'linked', security_officer: 'linked', analyst: 'any' });
/** Employers, clients and documents: the agencies that assess the application. */
const DETAILS = needToKnowRow({ nomad: 'self', migration_officer: 'any', labor_officer: 'linked', security_officer: 'linked' });
/** The declared income: the assessing agencies, and analysts (pseudonymous records). */
const INCOME = needToKnowRow({ nomad: 'self', migration_officer: 'any', labor_officer: 'linked', security_officer: 'linked', analyst: 'any' });

/**
 * A dependant's identity, documents, screening outcome and status: the principal (`self`, who
 * adds them), migration, and GKNB (which screens adult dependants and watches their exit)
 * through the principal's link.
 * Labor and tax keep no record of dependants (tax registers no dependant as an IE, labor monitors
 * none), so they have no need to know them.
 */
const DEPENDANT = needToKnowRow({ nomad: 'self', migration_officer: 'any', security_officer: 'linked' });
/** A dependant's status: the dependant readers, and analysts (pseudonymous records). */
const DEPENDANT_STATUS = needToKnowRow({ nomad: 'self', migration_officer: 'any', security_officer: 'linked', analyst: 'any' });

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
  // A dependant's fields: the principal is `self`; the relation is the principal's.
  'Dependant.surname': DEPENDANT,
  'Dependant.givenNames': DEPENDANT,
  'Dependant.dateOfBirth': DEPENDANT,
  'Dependant.sex': DEPENDANT,
  'Dependant.passport': DEPENDANT,
  'Dependant.pin': DEPENDANT,
  'Dependant.documents': DEPENDANT,
  'Dependant.screening': DEPENDANT,
  'Dependant.status': DEPENDANT_STATUS,
  'Dependant.statusOn': DEPENDANT_STATUS,
  'Application.foreignParties': DETAILS,
  'Application.declaredIncome': INCOME,
  'Application.declaredIncomeUsd': INCOME,
  'Application.documents': DETAILS,
} as const satisfies NeedToKnowTable<PersonalField>;

/** The agencies another agency's officer reads migration's records for, by the officer's role. */
export type LinkedAgency = 'labor' | 'tax' | 'security';
export const LINKED_AGENCY: Readonly<Partial<Record<Role, LinkedAgency>>> = { labor_officer: 'labor', tax_officer: 'tax', security_officer: 'security' };

/**
 * Migration's own facts about a nomad that created the other agencies' records of them
 * (DOMAIN.md, "Cross-agency facts"): one row per nomad, read in one statement per request.
 */
export interface LinkFacts {
  /** A status period was ever granted (imported pilot periods included): StatusGranted/Extended. */
  heldStatus: boolean;
  /** An expert evaluation was requested on one of their applications: EvaluationRequested. */
  evaluationRequested: boolean;
  /** They submitted an application (every application was): ApplicationSubmitted. */
  applied: boolean;
  /** A status of theirs was revoked or expired: StatusRevoked/StatusExpired. */
  exited: boolean;
}

/**
 * The agencies whose own records reach the nomad, from migration's facts:
 * - labor opens a monitoring case per status holder and an evaluation per request;
 * - tax registers an IE per status holder;
 * - GKNB screens every application and watches every exit (a revocation's or expiry's deadline).
 */
export function linkedAgencies(facts: LinkFacts): ReadonlySet<LinkedAgency> {
  const linked = new Set<LinkedAgency>();
  if (facts.heldStatus || facts.evaluationRequested) linked.add('labor');
  if (facts.heldStatus) linked.add('tax');
  if (facts.applied || facts.exited) linked.add('security');
  return linked;
}

/** Whether `role`'s agency reaches the nomad with these facts (`linked`); no agency, no link. */
export function isLinked(facts: LinkFacts | null, role: Role): boolean {
  const agency = LINKED_AGENCY[role];
  return facts !== null && agency !== undefined && linkedAgencies(facts).has(agency);
}
