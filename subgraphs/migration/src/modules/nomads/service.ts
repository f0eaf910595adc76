import { allowsWithoutRelations, badUserInput, forbidden, hasRole, isUuid, PIN_PATTERN, rolesWithAny, toConnection, toPage, type Connection, type PageArgs, type Principal, type Role } from '@nomad/kit';
import type { Context } from '../../context.ts';
import type { NomadRow } from '../../db/schema.ts';
import type { PersonalField } from '../../personal-fields.ts';
import { NEED_TO_KNOW } from '../../policy.ts';
import { countNomads, listNomads, type NomadFilterParams } from './queries.ts';

/** The identity fields of a nomad (names, birth date, sex, passport, email, PIN). */
export type IdentityField = 'Nomad.surname' | 'Nomad.givenNames' | 'Nomad.dateOfBirth' | 'Nomad.sex' | 'Nomad.passport' | 'Nomad.email' | 'Nomad.pin';

/** Roles that may look a nomad up by PIN: those who read anyone's PIN (the table's `any`). */
const PIN_LOOKERS: readonly Role[] = rolesWithAny(NEED_TO_KNOW, 'Nomad.pin');
/**
 * Roles that may open any nomad by id: those who read some field of anyone's record
 * (analysts: a pseudonymous record whose identity fields stay refused).
 */
const OPENERS: readonly Role[] = [...new Set([...rolesWithAny(NEED_TO_KNOW, 'Nomad.surname'), ...rolesWithAny(NEED_TO_KNOW, 'Nomad.status')])];
/** Roles that may list nomads: analysts get pseudonymous records (identity fields refused). */
const LISTERS: readonly Role[] = ['migration_officer', 'analyst'];

export function isSelf(principal: Principal, nomadId: string): boolean {
  return principal.roles.includes('nomad') && principal.nomadId === nomadId;
}

/** Whether the need-to-know table lets the caller read `field` (an identity field) of `nomadId`. */
export function canReadIdentity(principal: Principal, nomadId: string, field: IdentityField = 'Nomad.surname'): boolean {
  return allowsWithoutRelations(NEED_TO_KNOW, field, principal, nomadId);
}

/** Throws FORBIDDEN unless the caller may see `field` of the identity of `nomadId`. */
export function assertIdentityReadable(ctx: Context, nomadId: string, field: IdentityField = 'Nomad.surname'): void {
  if (!canReadIdentity(ctx.principal, nomadId, field)) {
    throw forbidden('Personal data of this nomad is not visible to you.');
  }
}

/** Throws FORBIDDEN unless the table lets the caller read `field` (a status field) of `nomadId`. */
export function assertStatusReadable(ctx: Context, nomadId: string, field: PersonalField = 'Nomad.status'): void {
  if (!allowsWithoutRelations(NEED_TO_KNOW, field, ctx.principal, nomadId)) {
    throw forbidden("This nomad's status is not visible to you.");
  }
}

/** One nomad by id or PIN. A nomad may ask only for themself. */
export async function getNomad(ctx: Context, args: { id?: string | null; pin?: string | null }): Promise<NomadRow | null> {
  const { id, pin } = args;
  if ((id == null) === (pin == null)) throw badUserInput('Give exactly one of `id` or `pin`.', id == null ? 'id' : 'pin');
  const { principal } = ctx;
  if (id != null) {
    if (!isUuid(id)) throw badUserInput('`id` must be a UUID.', 'id');
    // Analysts may open a pseudonymous record by id; its identity fields stay refused.
    if (!hasRole(principal, ...OPENERS) && !isSelf(principal, id)) {
      throw forbidden('A nomad may read only their own record.');
    }
    return ctx.loaders.nomadById.load(id);
  }
  if (!PIN_PATTERN.test(pin ?? '')) throw badUserInput('`pin` must be 14 digits: a sex digit, the birth date DDMMYYYY and a serial.', 'pin');
  // A PIN is personal data: looking a record up by it is for those who may read identities.
  const mayLookUpAnyone = hasRole(principal, ...PIN_LOOKERS);
  if (!mayLookUpAnyone && !principal.roles.includes('nomad')) throw forbidden('Looking up a nomad by PIN is for officers.');
  const row = await ctx.loaders.nomadByPin.load(pin ?? '');
  // A nomad asking for someone else's PIN learns nothing, not even that it exists: the same
  // null as an unknown PIN (no oracle for guessing PINs).
  if (row && !mayLookUpAnyone && !isSelf(principal, row.id)) return null;
  return row;
}

export async function getMe(ctx: Context): Promise<NomadRow | null> {
  const { nomadId } = ctx.principal;
  if (!ctx.principal.roles.includes('nomad') || !nomadId) throw forbidden('Only a nomad has an own record.');
  return ctx.loaders.nomadById.load(nomadId);
}

export interface NomadListArgs extends PageArgs {
  filter?: { citizenships?: string[] | null; hasPin?: boolean | null; source?: NomadRow['source'] | null } | null;
}

export async function listNomadsFor(ctx: Context, args: NomadListArgs): Promise<Connection<NomadRow> & { totalCount: () => Promise<number> }> {
  const page = toPage(args);
  const { principal } = ctx;
  const filter: NomadFilterParams = {
    citizenships: args.filter?.citizenships ?? undefined,
    hasPin: args.filter?.hasPin ?? undefined,
    source: args.filter?.source ?? undefined,
  };
  if (!hasRole(principal, ...LISTERS)) {
    if (!principal.roles.includes('nomad') || !principal.nomadId) throw forbidden('Listing nomads is for migration officers and analysts.');
    filter.onlyId = principal.nomadId;
  }
  const rows = await listNomads(ctx.db, { filter, page });
  for (const row of rows) ctx.loaders.nomadById.prime(row.id, row);
  return {
    ...toConnection(rows, page, (r) => ({ key: r.createdAt, id: r.id })),
    totalCount: () => countNomads(ctx.db, { filter }),
  };
}

