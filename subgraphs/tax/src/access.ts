import { allowsWithoutRelations, forbidden, hasRole, type Principal } from '@nomad/kit';
import type { PersonalField } from './personal-fields.ts';
import { NEED_TO_KNOW } from './policy.ts';

/**
 * Who reads what in the tax subgraph (DOMAIN.md, "Who reads what"): the tax officer manages
 * everything; a nomad reads their own registration and files their own declarations; an
 * analyst sees aggregates only (never a PIN or an income of one person).
 */
export function isTaxOfficer(principal: Principal): boolean {
  return hasRole(principal, 'tax_officer');
}

/** The nomad the caller is, when the caller is a nomad. */
export function ownNomadId(principal: Principal): string | null {
  return principal.roles.includes('nomad') ? principal.nomadId : null;
}

/** Whether the need-to-know table lets the caller read `field` of the nomad's tax records (a tax officer, or the nomad themself). */
export function mayReadNomadTax(principal: Principal, nomadId: string, field: PersonalField = 'TaxRegistration.pin'): boolean {
  return allowsWithoutRelations(NEED_TO_KNOW, field, principal, nomadId);
}

export function assertMayReadNomadTax(principal: Principal, nomadId: string, field: PersonalField = 'TaxRegistration.pin'): void {
  if (!mayReadNomadTax(principal, nomadId, field)) throw forbidden("Only a tax officer or the nomad themself may read a nomad's tax records.");
}

export function assertTaxOfficer(principal: Principal): void {
  if (!isTaxOfficer(principal)) throw forbidden('Only a tax officer may do this.');
}

export function assertAggregateReader(principal: Principal): void {
  if (!isTaxOfficer(principal) && !hasRole(principal, 'analyst')) throw forbidden('Only analysts and tax officers may read tax aggregates.');
}
