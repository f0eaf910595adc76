import type postgres from 'postgres';
import { migrationsTableOf } from './migrate.ts';

/** PostgreSQL role of an agency: `nomad_<agency>` unless a prefix is given (tests). */
export function agencyRoleName(agency: string, prefix = 'nomad'): string {
  const name = `${prefix}_${agency}`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid role name ${name}`);
  return name;
}

export interface ProvisionOptions {
  agency: string;
  /** The role's login password. */
  password: string;
  /** @default 'nomad' */
  rolePrefix?: string;
}

/**
 * Gives an agency its own login role on a shared database, able to create and own its schema
 * and its migrations table and nothing else: no other agency's schema is readable by it
 * (schemas are private to their owner unless granted). Idempotent: a second run only resets
 * the password. Run as an administrator; each agency then connects with its own
 * `<AGENCY>_DATABASE_URL` and migrates its own schema at start-up.
 */
export async function provisionAgencyRole(admin: postgres.Sql, options: ProvisionOptions): Promise<string> {
  const role = agencyRoleName(options.agency, options.rolePrefix);
  const [db] = await admin<{ name: string }[]>`select current_database() as name`;
  if (!db) throw new Error('no current database');
  const [exists] = await admin`select 1 from pg_roles where rolname = ${role}`;
  // Identifiers cannot be bound parameters: the role name is validated above, the password
  // is passed as a literal through format() so PostgreSQL quotes it.
  const [{ stmt } = { stmt: '' }] = await admin<{ stmt: string }[]>`
    select format(${exists ? 'alter role %I with login password %L' : 'create role %I with login password %L'}::text, ${role}::text, ${options.password}::text) as stmt`;
  await admin.unsafe(stmt);
  const { schema } = migrationsTableOf(options.agency);
  await admin.unsafe(`grant connect, create on database "${db.name}" to "${role}"`);
  // drizzle keeps every agency's migrations table in one schema; each table belongs to the
  // agency that created it, so sharing the schema shares nothing else.
  await admin.unsafe(`create schema if not exists "${schema}"`);
  await admin.unsafe(`grant usage, create on schema "${schema}" to "${role}"`);
  return role;
}

/** Removes an agency role and everything it owns in the current database (tests, decommissioning). */
export async function dropAgencyRole(admin: postgres.Sql, role: string): Promise<void> {
  const [exists] = await admin`select 1 from pg_roles where rolname = ${role}`;
  if (!exists) return;
  const [db] = await admin<{ name: string }[]>`select current_database() as name`;
  await admin.unsafe(`drop owned by "${role}" cascade`);
  await admin.unsafe(`revoke all on database "${db?.name ?? ''}" from "${role}"`);
  await admin.unsafe(`drop role "${role}"`);
}
