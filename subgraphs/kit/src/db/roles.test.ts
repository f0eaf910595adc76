import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { connect, type Database } from './database.ts';
import { runMigrations } from './migrate.ts';
import { dropAgencyRole, provisionAgencyRole } from './roles.ts';

const fixtures = (name: string) => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));

function asRole(url: string, role: string, password: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = password;
  return u.toString();
}

describe('per-agency roles on a shared database', () => {
  let testDb: TestDatabase;
  let admin: postgres.Sql;
  const prefix = `t${randomBytes(3).toString('hex')}`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const roles: string[] = [];
  const open: Database[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase('roles');
    admin = postgres(testDb.url, { max: 1, onnotice: () => undefined });
  });
  afterAll(async () => {
    for (const d of open) await d.close();
    for (const r of roles) await dropAgencyRole(admin, r);
    await admin?.end();
    await testDb?.drop();
  });

  it("lets each agency migrate its own schema and refuses it the other's tables", async () => {
    for (const agency of ['alpha', 'beta']) roles.push(await provisionAgencyRole(admin, { agency, password, rolePrefix: prefix }));
    const [alphaRole, betaRole] = roles as [string, string];
    const alpha = connect(asRole(testDb.url, alphaRole, password), { agency: 'alpha', schema: {} });
    const beta = connect(asRole(testDb.url, betaRole, password), { agency: 'beta', schema: {} });
    open.push(alpha, beta);
    await runMigrations(alpha, { agency: 'alpha', migrationsFolder: fixtures('alpha') });
    await runMigrations(beta, { agency: 'beta', migrationsFolder: fixtures('beta') });

    const own = await alpha.db.execute<{ n: number }>(sql`select count(*)::int as n from alpha.items`);
    expect(own[0]?.n).toBeGreaterThan(0);
    await expect(alpha.db.execute(sql`select * from beta.items`)).rejects.toMatchObject({ cause: { code: '42501' } });
    await expect(beta.db.execute(sql`select * from alpha.items`)).rejects.toMatchObject({ cause: { code: '42501' } });
    await expect(alpha.db.execute(sql.raw('select * from drizzle.__migrations_beta'))).rejects.toMatchObject({ cause: { code: '42501' } });
  });

  it('is idempotent', async () => {
    const again = await provisionAgencyRole(admin, { agency: 'alpha', password, rolePrefix: prefix });
    expect(again).toBe(roles[0]);
  });
});
