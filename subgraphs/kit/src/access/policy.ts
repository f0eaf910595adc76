import type { Principal, Role } from '../auth.ts';
import type { ProcessingType } from './hash.ts';

/** One personal field of an agency: why the agency may process it. */
export interface PersonalField {
  /** What the field holds, for the docs and the auditors. */
  description: string;
  /** The legal basis recorded with every read of it (`legalBasis` of Data Tracker v3). */
  legalBasis: string;
}

/**
 * An agency's table of personal fields, by GraphQL coordinate (`Nomad.surname`). Every read of
 * one is recorded; the coverage test walks every entry through every path; the need-to-know
 * policies key on the same coordinates.
 */
export type PersonalFieldTable<TField extends string = string> = Readonly<Record<TField, PersonalField>>;

/** How an agency records reads: its name, its personal fields, and who is withheld from the nomad. */
export interface AccessPolicy<TField extends string = string> {
  agency: string;
  fields: PersonalFieldTable<TField>;
  /**
   * Days a read by a GKNB officer is withheld from the nomad it concerns (a security
   * investigation must not be tipped off); an auditor may disclose it earlier.
   * @default 365
   */
  securityHiddenDays?: number;
}

/** Why a GKNB officer's read is withheld, as auditors (and later the nomad) see it. */
export const SECURITY_HIDDEN_REASON =
  'Read by GKNB in the course of screening or a security investigation: withheld from the data subject until the date shown, or until an auditor discloses it.';

const ROLE_ORGANISATION: Record<Role, string> = {
  nomad: 'subject',
  migration_officer: 'migration',
  labor_officer: 'labor',
  labor_expert: 'labor',
  tax_officer: 'tax',
  security_officer: 'security',
  analyst: 'analytics',
  auditor: 'audit',
};

/**
 * The organisation a reader acts for (`initiatorOrg`): the agency of their officer role (the
 * holding agency's own role first), else `audit`/`analytics`, else `subject` for a nomad.
 */
export function readerOrganisation(principal: Principal, agency: string): string {
  const orgs = principal.roles.map((r) => ROLE_ORGANISATION[r]);
  if (orgs.includes(agency)) return agency;
  return orgs.find((o) => o !== 'subject') ?? orgs[0] ?? 'unknown';
}

/**
 * Data Tracker's processing type: the agency's own staff processing its data is internal;
 * anyone else (another agency, an auditor, the nomad) received a response from it.
 */
export function processingTypeOf(readerOrg: string, agency: string): ProcessingType {
  return readerOrg === agency ? 'INTERNAL_PROCESSING' : 'DATA_RESPONSE';
}

/** The legal bases of the fields read, each once, in field order. */
export function legalBasisOf<TField extends string>(table: PersonalFieldTable<TField>, fields: readonly TField[]): string {
  return [...new Set(fields.map((f) => table[f].legalBasis))].join('; ');
}
