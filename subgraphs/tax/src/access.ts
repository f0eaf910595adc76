import { forbidden, hasRole, type Principal } from '@nomad/kit';

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

/** A tax officer, or the nomad the record belongs to. */
export function mayReadNomadTax(principal: Principal, nomadId: string): boolean {
  return isTaxOfficer(principal) || ownNomadId(principal) === nomadId;
}

export function assertMayReadNomadTax(principal: Principal, nomadId: string): void {
  if (!mayReadNomadTax(principal, nomadId)) throw forbidden("Only a tax officer or the nomad themself may read a nomad's tax records.");
}

export function assertTaxOfficer(principal: Principal): void {
  if (!isTaxOfficer(principal)) throw forbidden('Only a tax officer may do this.');
}

export function assertAggregateReader(principal: Principal): void {
  if (!isTaxOfficer(principal) && !hasRole(principal, 'analyst')) throw forbidden('Only analysts and tax officers may read tax aggregates.');
}
