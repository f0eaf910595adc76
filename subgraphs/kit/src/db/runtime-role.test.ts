import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../testing/index.ts';
import { openDatabase, type Database } from './database.ts';
import { ensureRuntimeRole, provisionAgencyRole, RuntimeRoleError, runtimeRoleName, agencyRoleName } from './roles.ts';

const fixtures = (name: string) => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));
const logger = pino({ level: 'silent' });

function asRole(url: string, role: string, password: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = password;
  return u.toString();
}

/**
 * Two agencies on one database (the shared-server case), each with its owner (migration) role
 * and its runtime role, opened as a service opens its database. `gamma` has an append-only
 * access log like the agencies'.
 */
describe('the runtime role a service serves with', () => {
  let testDb: TestDatabase;
  let admin: postgres.Sql;
  // Role names are cluster-wide: unique per run, dropped afterwards.
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const roles: string[] = [];
  const open: Database[] = [];
  let gamma: Database;
  const urls = { gammaOwner: '', gammaRuntime: '', alphaOwner: '', alphaRuntime: '' };

  beforeAll(async () => {
    testDb = await createTestDatabase('runtime_role');
    admin = postgres(testDb.url, { max: 1, onnotice: () => undefined });
    for (const agency of ['gamma', 'alpha'] as const) {
      const owner = await provisionAgencyRole(admin, { agency, password, rolePrefix: prefix });
      const runtime = await ensureRuntimeRole(admin, { role: runtimeRoleName(agency, prefix), password });
      roles.push(runtime, owner);
      urls[`${agency}Owner`] = asRole(testDb.url, owner, password);
      urls[`${agency}Runtime`] = asRole(testDb.url, runtime, password);
    }
    const alpha = await openDatabase({ agency: 'alpha', url: urls.alphaRuntime, migrationUrl: urls.alphaOwner, migrationsFolder: fixtures('alpha'), schema: {}, logger });
    open.push(alpha);
    gamma = await openDatabase({ agency: 'gamma', url: urls.gammaRuntime, migrationUrl: urls.gammaOwner, migrationsFolder: fixtures('gamma'), schema: {}, logger });
    open.push(gamma);
  });
  afterAll(async () => {
    for (const d of open) await d.close();
    await admin?.end();
    await testDb?.drop();
    // The database is gone, and with it every grant and object of the roles: only the roles remain.
    const server = postgres(testServerUrl(), { max: 1, onnotice: () => undefined });
    try {
      for (const r of roles) await server.unsafe(`drop role if exists "${r}"`);
    } finally {
      await server.end();
    }
  });

  it('is the runtime role, not the owner, and no superuser', async () => {
    const [me] = await gamma.client<{ role: string; superuser: boolean }[]>`
      select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user`;
    expect(me).toEqual({ role: `${prefix}_gamma_runtime`, superuser: false });
    const [schema] = await gamma.client<{ owner: string }[]>`select nspowner::regrole::text as owner from pg_namespace where nspname = 'gamma'`;
    expect(schema?.owner).toBe(agencyRoleName('gamma', prefix));
  });

  it('does what the service needs: reads and writes its tables, appends to its access log', async () => {
    const [item] = await gamma.client<{ id: number }[]>`insert into gamma.items (label) values ('written by the runtime role') returning id`;
    expect(item?.id).toBeGreaterThan(1);
    await gamma.client`update gamma.items set label = 'changed' where id = ${item?.id ?? 0}`;
    expect(await gamma.client`select label from gamma.items where id = ${item?.id ?? 0}`).toEqual([{ label: 'changed' }]);
    await gamma.client`delete from gamma.items where id = ${item?.id ?? 0}`;
    await gamma.client`insert into gamma.access_records (purpose) values ('a read')`;
    expect(await gamma.client`select purpose from gamma.access_records`).toEqual([{ purpose: 'a read' }]);
  });

  it('may not switch a trigger off, leave triggers behind by replication role, or change any table', async () => {
    const refused = [
      'alter table gamma.access_records disable trigger access_records_append_only',
      'alter table gamma.access_records disable trigger all',
      'set session_replication_role = replica',
      'alter table gamma.items add column extra text',
      'drop table gamma.items',
      'create table gamma.extra (id int)',
      'create table public.extra (id int)',
      'create schema extra',
      'truncate gamma.items',
    ];
    expect(refused.length).toBeGreaterThan(0);
    for (const statement of refused) {
      await expect(gamma.client.unsafe(statement), statement).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('may only append to the access log: UPDATE, DELETE and TRUNCATE are refused by grant, before any trigger', async () => {
    for (const statement of [
      "update gamma.access_records set purpose = 'forged'",
      'delete from gamma.access_records',
      'truncate gamma.access_records',
    ]) {
      // "permission denied", not the trigger's "is append-only": the grant alone refuses it.
      await expect(gamma.client.unsafe(statement), statement).rejects.toMatchObject({ code: '42501', message: 'permission denied for table access_records' });
    }
  });

  it("may not read another agency's schema or its migrations", async () => {
    for (const statement of ['select * from alpha.items', 'select * from drizzle.__migrations_alpha']) {
      await expect(gamma.client.unsafe(statement), statement).rejects.toMatchObject({ code: '42501' });
    }
    // …while alpha's own runtime role reads it.
    const alpha = open[0];
    if (!alpha) throw new Error('alpha not open');
    expect([...(await alpha.client`select count(*)::int as n from alpha.items`)]).toEqual([{ n: 1 }]);
  });

  it('is granted what a later migration creates, by default privileges', async () => {
    const owner = postgres(urls.gammaOwner, { max: 1, onnotice: () => undefined });
    try {
      await owner`create table gamma.later (id serial primary key, note text not null)`;
    } finally {
      await owner.end();
    }
    await gamma.client`insert into gamma.later (note) values ('no restart needed')`;
    expect(await gamma.client`select note from gamma.later`).toEqual([{ note: 'no restart needed' }]);
  });

  it('refuses to start when the runtime URL is the owner or may create', async () => {
    await expect(
      openDatabase({ agency: 'gamma', url: urls.gammaOwner, migrationUrl: urls.gammaOwner, migrationsFolder: fixtures('gamma'), schema: {}, logger }),
    ).rejects.toThrow(new RuntimeRoleError(`the service's database role ${prefix}_gamma is not a runtime role: it is (a member of) the owner of schema gamma (${prefix}_gamma), may CREATE in the database`));
    await admin.unsafe(`grant create on database "${testDb.name}" to "${runtimeRoleName('gamma', prefix)}"`);
    try {
      await expect(
        openDatabase({ agency: 'gamma', url: urls.gammaRuntime, migrationUrl: urls.gammaOwner, migrationsFolder: fixtures('gamma'), schema: {}, logger }),
      ).rejects.toThrow(/is not a runtime role: it may CREATE in the database$/);
    } finally {
      await admin.unsafe(`revoke create on database "${testDb.name}" from "${runtimeRoleName('gamma', prefix)}"`);
    }
  });
});
