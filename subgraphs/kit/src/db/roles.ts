import type postgres from 'postgres';
import { MIGRATION_LOCK_KEY, migrationsTableOf } from './migrate.ts';

function checkedRoleName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid role name ${name}`);
  return name;
}

/**
 * The owner (migration) role of an agency: `nomad_<agency>` unless a prefix is given (tests).
 * It owns the agency's schema and tables and runs its migrations; the service does not serve
 * with it.
 */
export function agencyRoleName(agency: string, prefix = 'nomad'): string {
  return checkedRoleName(`${prefix}_${agency}`);
}

/**
 * The runtime role of an agency: `nomad_<agency>_runtime` unless a prefix is given (tests).
 * The service's pool connects as it: no DDL, no superuser, DML on its own schema only.
 */
export function runtimeRoleName(agency: string, prefix = 'nomad'): string {
  return checkedRoleName(`${prefix}_${agency}_runtime`);
}

export interface ProvisionOptions {
  agency: string;
  /** The role's login password. */
  password: string;
  /** @default 'nomad' */
  rolePrefix?: string;
}

/**
 * Gives an agency its owner (migration) login role on a shared database, able to create and
 * own its schema and its migrations table and nothing else: no other agency's schema is
 * readable by it (schemas are private to their owner unless granted). Idempotent: a second
 * run only resets the password. Run as an administrator. The service migrates with this role
 * (`<AGENCY>_OWNER_DATABASE_URL`) and serves with its runtime role (`ensureRuntimeRole`,
 * `<AGENCY>_DATABASE_URL`); see docs/operators.md.
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

/**
 * Creates (or, when it exists, re-passwords) a runtime role: LOGIN and nothing else (no
 * superuser, CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS), CONNECT on the current database
 * and no CREATE there. It is given its schema by `grantRuntimeAccess`, run by the owner after
 * migrating. An existing role with any of those attributes is refused, not silently kept.
 */
export async function ensureRuntimeRole(admin: postgres.Sql, options: { role: string; password: string }): Promise<string> {
  const role = checkedRoleName(options.role);
  const [db] = await admin<{ name: string }[]>`select current_database() as name`;
  if (!db) throw new Error('no current database');
  const [exists] = await admin`select 1 from pg_roles where rolname = ${role}`;
  const [{ stmt } = { stmt: '' }] = await admin<{ stmt: string }[]>`
    select format(${
      exists
        ? 'alter role %I with login password %L'
        : 'create role %I with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password %L'
    }::text, ${role}::text, ${options.password}::text) as stmt`;
  await admin.unsafe(stmt);
  const [attrs] = await admin<{ super: boolean; createdb: boolean; createrole: boolean; replication: boolean; bypassrls: boolean }[]>`
    select rolsuper as super, rolcreatedb as createdb, rolcreaterole as createrole, rolreplication as replication, rolbypassrls as bypassrls
    from pg_roles where rolname = ${role}`;
  const too = Object.entries(attrs ?? {}).filter(([, on]) => on).map(([name]) => name);
  if (too.length > 0) throw new Error(`runtime role ${role} has ${too.join(', ')}: alter it (nosuperuser, nocreatedb, …) or choose another name`);
  await admin.unsafe(`grant connect on database "${db.name}" to "${role}"`);
  await admin.unsafe(`revoke create on database "${db.name}" from "${role}"`);
  return role;
}

/**
 * Tables of the agency's schema made append-only by a trigger (the access log, the ledger, a
 * case history): a trigger whose function's name ends in `append_only`. The runtime role may
 * only INSERT and SELECT there.
 */
async function appendOnlyTables(sql: postgres.Sql | postgres.ReservedSql, schema: string): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select distinct c.relname as name
    from pg_trigger t
    join pg_class c on c.oid = t.tgrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_proc p on p.oid = t.tgfoid
    where n.nspname = ${schema} and not t.tgisinternal and p.proname like '%append\_only'
    order by 1`;
  return rows.map((r) => r.name);
}

/**
 * Run by the schema's owner (the migration role) after migrating: gives the runtime role what
 * the service needs on the agency's schema and nothing more. USAGE on the schema; SELECT,
 * INSERT, UPDATE, DELETE on its tables, but only SELECT and INSERT on the append-only ones;
 * USAGE, SELECT and UPDATE (setval) on its sequences; the same by default on tables and sequences later migrations create.
 * Everything granted before is revoked first, so a run also takes back what was granted too
 * much. Under the migrations' advisory lock: replicas starting together take turns.
 */
export async function grantRuntimeAccess(owner: postgres.Sql, options: { agency: string; role: string }): Promise<{ appendOnly: string[] }> {
  const schema = options.agency;
  const role = checkedRoleName(options.role);
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const s = `"${schema}"`;
  const r = `"${role}"`;
  const lock = await owner.reserve();
  try {
    await lock`select pg_advisory_lock(hashtext(${MIGRATION_LOCK_KEY}))`;
    try {
      await lock`begin`;
      try {
        await lock.unsafe(`revoke all on all tables in schema ${s} from ${r}`);
        await lock.unsafe(`revoke all on all sequences in schema ${s} from ${r}`);
        await lock.unsafe(`revoke all on schema ${s} from ${r}`);
        await lock.unsafe(`grant usage on schema ${s} to ${r}`);
        await lock.unsafe(`grant select, insert, update, delete on all tables in schema ${s} to ${r}`);
        // UPDATE for setval: the seed moves a number sequence past the numbers it wrote.
        await lock.unsafe(`grant usage, select, update on all sequences in schema ${s} to ${r}`);
        await lock.unsafe(`alter default privileges in schema ${s} grant select, insert, update, delete on tables to ${r}`);
        await lock.unsafe(`alter default privileges in schema ${s} grant usage, select, update on sequences to ${r}`);
        const appendOnly = await appendOnlyTables(lock, schema);
        for (const table of appendOnly) await lock.unsafe(`revoke update, delete on ${s}."${table}" from ${r}`);
        await lock`commit`;
        return { appendOnly };
      } catch (err) {
        await lock`rollback`.catch(() => undefined);
        throw err;
      }
    } finally {
      await lock`select pg_advisory_unlock(hashtext(${MIGRATION_LOCK_KEY}))`.catch(() => undefined);
    }
  } finally {
    lock.release();
  }
}

export class RuntimeRoleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuntimeRoleError';
  }
}

/**
 * Checks, through the service's own pool, that it is a runtime role and not the owner: not a
 * superuser, no CREATEROLE/CREATEDB/BYPASSRLS, not the schema's owner nor a member of it, no
 * CREATE on the database or the schema. Throws `RuntimeRoleError` naming each problem: a
 * service whose wiring fell back to the owner does not start.
 */
export async function assertRuntimeRole(sql: postgres.Sql, agency: string): Promise<string> {
  const [row] = await sql<{
    role: string;
    superuser: boolean;
    createrole: boolean;
    createdb: boolean;
    bypassrls: boolean;
    owner: string | null;
    member_of_owner: boolean;
    create_on_database: boolean;
    create_on_schema: boolean;
  }[]>`
    select current_user as role, r.rolsuper as superuser, r.rolcreaterole as createrole, r.rolcreatedb as createdb,
           r.rolbypassrls as bypassrls, o.rolname as owner,
           coalesce(pg_has_role(current_user, o.oid, 'MEMBER'), false) as member_of_owner,
           has_database_privilege(current_database(), 'CREATE') as create_on_database,
           coalesce(has_schema_privilege(current_user, n.oid, 'CREATE'), false) as create_on_schema
    from pg_roles r
    left join pg_namespace n on n.nspname = ${agency}
    left join pg_roles o on o.oid = n.nspowner
    where r.rolname = current_user`;
  if (!row) throw new RuntimeRoleError('the current role is not in pg_roles');
  if (row.owner === null) throw new RuntimeRoleError(`schema ${agency} does not exist (migrations not run?)`);
  const problems = [
    row.superuser && 'is a superuser',
    row.createrole && 'has CREATEROLE',
    row.createdb && 'has CREATEDB',
    row.bypassrls && 'has BYPASSRLS',
    row.member_of_owner && `is (a member of) the owner of schema ${agency} (${row.owner})`,
    row.create_on_database && 'may CREATE in the database',
    row.create_on_schema && `may CREATE in schema ${agency}`,
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) {
    throw new RuntimeRoleError(`the service's database role ${row.role} is not a runtime role: it ${problems.join(', ')}`);
  }
  return row.role;
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
