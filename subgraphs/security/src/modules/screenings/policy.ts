import { allowsWithoutRelations, forbidden, hasRole, type Principal } from '@nomad/kit';
import { NEED_TO_KNOW } from '../../policy.ts';
import type { ScreeningReason } from '../../db/schema.ts';

/**
 * Need to know (DOMAIN.md, "Who reads what"): a screening's details (the table in `../../policy.ts`) (reasons, free text,
 * classification, officer) are for security officers alone; its outcome and dates also for the
 * officers who decide on the status (migration), for analysts (pseudonymous aggregates) and
 * for the nomad it is about. Everyone else (labor, tax, auditors, another nomad) reads nothing.
 * Enforced per field, whatever the query's shape (alias, fragment, `_entities`).
 */
export function canReadDetails(principal: Principal, field: DetailField = 'Screening.reasons', nomadId: string | null = null): boolean {
  return allowsWithoutRelations(NEED_TO_KNOW, field, principal, nomadId);
}

/** A screening's personal details, as the need-to-know table names them. */
export type DetailField = 'Screening.reasons' | 'Screening.reasonText' | 'Screening.classification' | 'Screening.concludedBy' | 'Screening.requestNote';

export function canReadOutcome(principal: Principal, nomadId: string): boolean {
  if (hasRole(principal, 'security_officer', 'migration_officer', 'analyst')) return true;
  return principal.roles.includes('nomad') && principal.nomadId === nomadId;
}

export function assertOutcomeReadable(principal: Principal, nomadId: string): void {
  if (!canReadOutcome(principal, nomadId)) throw forbidden('Only the officers concerned and the nomad may read a screening outcome.');
}

export function assertDetailsReadable(principal: Principal, field: DetailField = 'Screening.reasons', nomadId: string | null = null): void {
  if (!canReadDetails(principal, field, nomadId)) throw forbidden('Screening details are visible to security officers only.');
}

/** The decree's grounds a flagged screening maps to: all other agencies ever learn. */
export type DecreeGround = 'NATIONAL_SECURITY_THREAT' | 'CRIMINAL_CONVICTION' | 'FALSE_DOCUMENTS';

const GROUND_OF: Record<ScreeningReason, DecreeGround> = {
  WATCHLIST_MATCH: 'NATIONAL_SECURITY_THREAT',
  EXTREMIST_AFFILIATION: 'NATIONAL_SECURITY_THREAT',
  INTELLIGENCE_REPORT: 'NATIONAL_SECURITY_THREAT',
  ENTRY_BAN: 'NATIONAL_SECURITY_THREAT',
  TERRORISM_CONVICTION: 'CRIMINAL_CONVICTION',
  NATIONAL_SECURITY_OFFENCE_CONVICTION: 'CRIMINAL_CONVICTION',
  CRIMES_AGAINST_HUMANITY_CONVICTION: 'CRIMINAL_CONVICTION',
  FORGED_DOCUMENTS: 'FALSE_DOCUMENTS',
  IDENTITY_MISMATCH: 'FALSE_DOCUMENTS',
  OTHER: 'NATIONAL_SECURITY_THREAT',
};

/** Gravest first: a conviction is a fact, a threat an assessment, false documents the least. */
const PRECEDENCE: readonly DecreeGround[] = ['CRIMINAL_CONVICTION', 'NATIONAL_SECURITY_THREAT', 'FALSE_DOCUMENTS'];

/** The one ground that summarises a flagged screening's reasons for migration. */
export function decreeGround(reasons: readonly ScreeningReason[]): DecreeGround {
  const grounds = new Set(reasons.map((r) => GROUND_OF[r]));
  return PRECEDENCE.find((g) => grounds.has(g)) ?? 'NATIONAL_SECURITY_THREAT';
}
