import { allows, assertNotAnalystLookup, badUserInput, forbidden, hasRole, isUuid, PIN_PATTERN, toConnection, toPage, type CountedConnection, type PageArgs, type Principal, type RelationChecks, type Role, type Rule } from '@nomad/kit';
import type { Context } from '../../context.ts';
import type { NomadRow } from '../../db/schema.ts';
import type { PersonalField } from '../../personal-fields.ts';
import { isLinked, NEED_TO_KNOW } from '../../policy.ts';
import { countNomads, listNomads, type NomadFilterParams } from './queries.ts';

/** The identity fields of a nomad (names, birth date, sex, passport, email, PIN). */
export type IdentityField = 'Nomad.surname' | 'Nomad.givenNames' | 'Nomad.dateOfBirth' | 'Nomad.sex' | 'Nomad.passport' | 'Nomad.email' | 'Nomad.pin';
/** The fields of a nomad's own record (identity and status): what opening a nomad is for. */
const NOMAD_FIELDS = (Object.keys(NEED_TO_KNOW) as PersonalField[]).filter((f) => f.startsWith('Nomad.'));

/** Roles whose cell for one of `fields` is `any` or a relation: each may reach some nomad's value. */
export function rolesReaching(fields: readonly PersonalField[], rules: readonly Rule[] = ['any', 'assigned', 'linked']): Role[] {
  return [...new Set(fields.flatMap((f) => (Object.entries(NEED_TO_KNOW[f]) as [Role, Rule][]).filter(([, rule]) => rules.includes(rule)).map(([role]) => role)))];
}

/** Roles that may look a nomad up by PIN: those who read some nomad's PIN (`any`, or a relation checked on the row found). */
const PIN_LOOKERS: readonly Role[] = rolesReaching(['Nomad.pin']);
/**
 * Roles that may open a nomad by id: those who read some field of some nomad's record, but
 * analysts: they read status fields of every nomad, through the lists only. A lookup by id would
 * tie their pseudonymous rows back to a person an officer knows (issue 16).
 */
const OPENERS: readonly Role[] = rolesReaching(NOMAD_FIELDS).filter((role) => role !== 'analyst');
/** Roles that reach a nomad only through a relation (another agency's officers): for them a nomad they do not reach does not exist. */
export const RELATION_OPENERS: readonly Role[] = OPENERS.filter((role) => !rolesReaching(NOMAD_FIELDS, ['any']).includes(role));
/** Roles that may list nomads: analysts get pseudonymous records (identity fields refused). */
const LISTERS: readonly Role[] = ['migration_officer', 'analyst'];

export function isSelf(principal: Principal, nomadId: string): boolean {
  return principal.roles.includes('nomad') && principal.nomadId === nomadId;
}

/**
 * The relations of migration's table, for this request: `linked` from migration's own facts
 * (`policy.ts`), read through the request's loader (one statement for all the nomads asked about).
 */
export function relationsOf(ctx: Context): RelationChecks {
  return { linked: async (nomadId, role) => isLinked(await ctx.loaders.linkFactsByNomad.load(nomadId), role) };
}

/** Whether the need-to-know table lets the caller read `field` of `nomadId`, relations included. */
export function canRead(ctx: Context, nomadId: string, field: PersonalField): Promise<boolean> {
  return allows(NEED_TO_KNOW, field, ctx.principal, nomadId, relationsOf(ctx));
}

/** Whether the caller may read `field` (an identity field) of `nomadId`. */
export function canReadIdentity(ctx: Context, nomadId: string, field: IdentityField = 'Nomad.surname'): Promise<boolean> {
  return canRead(ctx, nomadId, field);
}

/** Whether the caller may open the nomad's record at all: some field of it is theirs to read. */
export async function canOpen(ctx: Context, nomadId: string): Promise<boolean> {
  for (const field of NOMAD_FIELDS) if (await canRead(ctx, nomadId, field)) return true;
  return false;
}

/** Throws FORBIDDEN unless the caller may see `field` of the identity of `nomadId`. */
export async function assertIdentityReadable(ctx: Context, nomadId: string, field: IdentityField = 'Nomad.surname'): Promise<void> {
  if (!(await canReadIdentity(ctx, nomadId, field))) {
    throw forbidden('Personal data of this nomad is not visible to you.');
  }
}

/** Throws FORBIDDEN unless the table lets the caller read `field` (a status field) of `nomadId`. */
export async function assertStatusReadable(ctx: Context, nomadId: string, field: PersonalField = 'Nomad.status'): Promise<void> {
  if (!(await canRead(ctx, nomadId, field))) {
    throw forbidden("This nomad's status is not visible to you.");
  }
}

/**
 * One nomad by id or PIN. Analysts are refused (FORBIDDEN): they list. A nomad may ask only for themself; another agency's officer finds
 * only the nomads linked to their agency. A nomad the caller may not reach reads as an unknown
 * one: the same null (no oracle for which ids or PINs exist).
 */
export async function getNomad(ctx: Context, args: { id?: string | null; pin?: string | null }): Promise<NomadRow | null> {
  const { id, pin } = args;
  if ((id == null) === (pin == null)) throw badUserInput('Give exactly one of `id` or `pin`.', id == null ? 'id' : 'pin');
  const { principal } = ctx;
  // Analysts never look anyone up, by id or by PIN (the gateway shows them ids as pseudonyms).
  assertNotAnalystLookup(principal, id != null ? 'id' : 'pin');
  if (id != null) {
    if (!isUuid(id)) throw badUserInput('`id` must be a UUID.', 'id');
    if (!hasRole(principal, ...OPENERS) && !isSelf(principal, id)) {
      throw forbidden('A nomad may read only their own record.');
    }
    const row = await ctx.loaders.nomadById.load(id);
    return row && (await canOpen(ctx, row.id)) ? row : null;
  }
  if (!PIN_PATTERN.test(pin ?? '')) throw badUserInput('`pin` must be 14 digits: a sex digit, the birth date DDMMYYYY and a serial.', 'pin');
  // A PIN is personal data: looking a record up by it is for those who may read identities.
  if (!hasRole(principal, ...PIN_LOOKERS) && !principal.roles.includes('nomad')) throw forbidden('Looking up a nomad by PIN is for officers.');
  const row = await ctx.loaders.nomadByPin.load(pin ?? '');
  // Someone else's PIN, or one outside the caller's agency's records, answers as an unknown PIN.
  return row && (await canRead(ctx, row.id, 'Nomad.pin')) ? row : null;
}

/**
 * Federation reference resolution (`_entities`, how the gateway joins other agencies' records
 * to the nomad). By PIN: as `nomad(pin:)`. By id: an officer who reaches nomads only through
 * a relation gets null for one it does not reach, as `nomad(id:)`; other callers get the record
 * and each field refuses them on its own (an auditor reaching `Nomad.accessLog`).
 */
export async function resolveNomadReference(ctx: Context, ref: { id?: string | null | undefined; pin?: string | null | undefined }): Promise<NomadRow | null> {
  if (ref.id) {
    const row = await ctx.loaders.nomadById.load(ref.id);
    if (!row) return null;
    return hasRole(ctx.principal, ...RELATION_OPENERS) && !(await canOpen(ctx, row.id)) ? null : row;
  }
  if (!ref.pin) return null;
  const row = await ctx.loaders.nomadByPin.load(ref.pin);
  return row && (await canRead(ctx, row.id, 'Nomad.pin')) ? row : null;
}

export async function getMe(ctx: Context): Promise<NomadRow | null> {
  const { nomadId } = ctx.principal;
  if (!ctx.principal.roles.includes('nomad') || !nomadId) throw forbidden('Only a nomad has an own record.');
  return ctx.loaders.nomadById.load(nomadId);
}

export interface NomadListArgs extends PageArgs {
  filter?: { citizenships?: string[] | null; hasPin?: boolean | null; source?: NomadRow['source'] | null } | null;
}

/** The `NomadFilter` argument as query parameters (empty: every nomad). */
export function nomadFilterParams(f: NomadListArgs['filter']): NomadFilterParams {
  return { citizenships: f?.citizenships ?? undefined, hasPin: f?.hasPin ?? undefined, source: f?.source ?? undefined };
}

export async function listNomadsFor(ctx: Context, args: NomadListArgs): Promise<CountedConnection<NomadRow>> {
  const page = toPage(args);
  const { principal } = ctx;
  const filter = nomadFilterParams(args.filter);
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

