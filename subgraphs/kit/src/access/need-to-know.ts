import { forbidden } from '../errors.ts';
import { ROLES, type Principal, type Role } from '../auth.ts';

/**
 * Need-to-know as data: for every personal field of an agency (by GraphQL coordinate) and every
 * role, whether a caller holding that role may read the field's value, and under which relation
 * to the nomad it concerns. The services consult the table on every path (root lookups, nested
 * fields, `_entities`, lists); `docs/security.md` shows it (a test keeps the two equal); the
 * end-to-end policy matrix compares every value the graph returns against it.
 */

/**
 * The relations a cell may require between the reader and the nomad the value concerns:
 * - `self`: the reader is that nomad (role `nomad`, the token's `nomadId`);
 * - `assigned`: the reader is the expert one of that nomad's evaluations is (or was) assigned to;
 * - `linked`: the nomad is linked to the reader's agency through that agency's own records (a
 *   labor officer's nomad has a monitoring case or an evaluation in labor; a tax officer's, an
 *   IE registration; a GKNB officer's, a screening or an exit watch). The agency holding the
 *   field decides it from the facts that created those records (migration: `policy.ts`).
 */
export const RELATIONS = ['self', 'assigned', 'linked'] as const;
export type Relation = (typeof RELATIONS)[number];

/** A cell: `never`, `any` nomad's value, or only under a relation. */
export type Rule = 'never' | 'any' | Relation;

/** One agency's table: personal field × role → rule. Every role has a cell: nothing is allowed by omission. */
export type NeedToKnowTable<TField extends string = string> = Readonly<Record<TField, Readonly<Record<Role, Rule>>>>;

/** A row of a table: every role `never` but those given. */
export function needToKnowRow(cells: Partial<Record<Role, Rule>>): Readonly<Record<Role, Rule>> {
  return { ...(Object.fromEntries(ROLES.map((r) => [r, 'never'])) as Record<Role, Rule>), ...cells };
}

/**
 * How an agency tells whether a relation holds between the caller and a nomad. `self` the kit
 * checks itself; an agency whose table names another relation implements it here. `role` is the
 * caller's role whose cell names the relation (`linked` depends on which agency the role is of).
 */
export type RelationChecks = Partial<Record<Exclude<Relation, 'self'>, (nomadId: string, role: Role) => boolean | Promise<boolean>>>;

/** The rules the caller's roles give for a field (one per role held). */
export function rulesOf<TField extends string>(table: NeedToKnowTable<TField>, field: TField, principal: Principal): Rule[] {
  const row = table[field];
  return principal.roles.map((role) => row[role]);
}

export function isNomadThemself(principal: Principal, nomadId: string | null): boolean {
  return nomadId !== null && principal.roles.includes('nomad') && principal.nomadId === nomadId;
}

/**
 * Whether the table lets the caller read `field` of `nomadId` without asking an agency's
 * relation (`any`, `self`). `null`: no nomad in particular, so only `any` allows.
 */
export function allowsWithoutRelations<TField extends string>(table: NeedToKnowTable<TField>, field: TField, principal: Principal, nomadId: string | null): boolean {
  return rulesOf(table, field, principal).some((rule) => rule === 'any' || (rule === 'self' && isNomadThemself(principal, nomadId)));
}

/**
 * Whether the table lets the caller read `field` of `nomadId`: a role of theirs has `any`, or a
 * relation that holds. A relation the table names but the agency does not implement never holds.
 */
export async function allows<TField extends string>(
  table: NeedToKnowTable<TField>,
  field: TField,
  principal: Principal,
  nomadId: string,
  relations: RelationChecks = {},
): Promise<boolean> {
  if (allowsWithoutRelations(table, field, principal, nomadId)) return true;
  const row = table[field];
  for (const role of principal.roles) {
    const rule = row[role];
    if (rule === 'never' || rule === 'any' || rule === 'self') continue;
    const check = relations[rule];
    if (check && (await check(nomadId, role))) return true;
  }
  return false;
}

/** Throws FORBIDDEN (with `message`) unless the table lets the caller read `field` of `nomadId`. */
export async function assertAllowed<TField extends string>(
  table: NeedToKnowTable<TField>,
  field: TField,
  principal: Principal,
  nomadId: string,
  message: string,
  relations: RelationChecks = {},
): Promise<void> {
  if (!(await allows(table, field, principal, nomadId, relations))) throw forbidden(message);
}

/** The roles whose cell for `field` is `any`: those who read every nomad's value. */
export function rolesWithAny<TField extends string>(table: NeedToKnowTable<TField>, field: TField): Role[] {
  return (Object.entries(table[field]) as [Role, Rule][]).filter(([, rule]) => rule === 'any').map(([role]) => role);
}

/**
 * The table as Markdown, one row per field, one column per role (in `roles` order), as
 * `docs/security.md` shows it: `—` never, `any`, or the relation.
 */
export function needToKnowMarkdown<TField extends string>(table: NeedToKnowTable<TField>, roles: readonly Role[]): string {
  const head = `| field | ${roles.map((r) => `\`${r}\``).join(' | ')} |`;
  const rule = `|---|${roles.map(() => '---').join('|')}|`;
  const rows = (Object.keys(table) as TField[]).map((field) => `| \`${field}\` | ${roles.map((r) => (table[field][r] === 'never' ? '—' : table[field][r])).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}
