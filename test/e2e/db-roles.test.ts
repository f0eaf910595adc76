import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type TestGraph } from '../src/harness.ts';

/**
 * Every running agency's pool is its runtime role (opened as a service opens it), which may not
 * undo the append-only guarantees of its access log or change its schema. The kit's
 * runtime-role.test.ts covers the rules on one database shared by two agencies.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

describe('least privilege in the database', () => {
  it("serves every agency as its runtime role, which may not touch its access log's triggers, rows or tables", async () => {
    const agencies = Object.entries(graph.agencies);
    expect(agencies.map(([name]) => name).sort()).toEqual(['labor', 'migration', 'security', 'tax']);
    for (const [name, handle] of agencies) {
      const [me] = [
        ...(await handle.database.db.execute<{ role: string; superuser: boolean; owner: string }>(sql`
          select current_user as role, r.rolsuper as superuser, n.nspowner::regrole::text as owner
          from pg_roles r, pg_namespace n where r.rolname = current_user and n.nspname = ${name}`)),
      ];
      expect(me?.role, name).toMatch(new RegExp(`_${name}_runtime$`));
      expect(me?.superuser, name).toBe(false);
      expect(me?.owner, name).not.toBe(me?.role);
      for (const statement of [
        `alter table ${name}.access_records disable trigger user`,
        `alter table ${name}.access_seals disable trigger all`,
        'set session_replication_role = replica',
        `alter table ${name}.access_records add column forged text`,
        `create table ${name}.forged (id int)`,
        `update ${name}.access_records set purpose = 'forged'`,
        `delete from ${name}.access_seals`,
      ]) {
        await expect(handle.database.client.unsafe(statement), `${name}: ${statement}`).rejects.toMatchObject({ code: '42501' });
      }
    }
  });
});
