import type postgres from 'postgres';
import { expect } from 'vitest';
import type { GraphResponse, TestGraph } from './harness.ts';

type Sql = postgres.Sql;

/**
 * Faults injected into an agency's database, as a full disk, a revoked grant or a broken table
 * would cause them. Triggers rather than REVOKE: they are made by the test server's superuser
 * (the service's runtime role may not), and a trigger binds whoever writes. Each returns the
 * function that removes it; call it in `finally`.
 */

/** The superuser's client on an agency's database in the running graph (for DDL and checks, not for the service's queries). */
export function clientOf(graph: TestGraph, agency: string): Sql {
  const handle = graph.agencies[agency];
  if (!handle) throw new Error(`the harness did not start ${agency}`);
  return handle.admin;
}

/** `schema.table`, both plain identifiers (they are spliced into DDL). */
type Table = `${string}.${string}`;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function parts(table: Table): { schema: string; name: string; quoted: string } {
  const [schema = '', name = ''] = table.split('.');
  if (!IDENTIFIER.test(schema) || !IDENTIFIER.test(name)) throw new Error(`not a plain schema.table: ${table}`);
  return { schema, name, quoted: `"${schema}"."${name}"` };
}

async function raisingFunction(client: Sql, schema: string): Promise<string> {
  const fn = `"${schema}"."nomad_test_fault"`;
  await client.unsafe(
    `create or replace function ${fn}() returns trigger language plpgsql as $$ begin raise exception 'test fault: % refuses the write', TG_TABLE_NAME; end $$`,
  );
  return fn;
}

/** Every INSERT into `table` fails until the returned function is called. */
export async function failInserts(client: Sql, table: Table): Promise<() => Promise<void>> {
  const { schema, quoted } = parts(table);
  const fn = await raisingFunction(client, schema);
  await client.unsafe(`create trigger nomad_test_fail_insert before insert on ${quoted} for each statement execute function ${fn}()`);
  return async () => {
    await client.unsafe(`drop trigger if exists nomad_test_fail_insert on ${quoted}`);
  };
}

/**
 * A transaction that inserts (or updates) in `table` a row whose `column` equals `value` fails
 * at COMMIT, after everything it wrote, its outbox event included: a deferred constraint
 * trigger. Put it on a table the mutation changes other than the outbox, so that an event
 * written outside the mutation's transaction would survive and be seen.
 */
export async function failCommitOnWrite(client: Sql, table: Table, write: 'insert' | 'update', column: string, value: string): Promise<() => Promise<void>> {
  const { schema, quoted } = parts(table);
  if (!IDENTIFIER.test(column)) throw new Error(`not a plain column: ${column}`);
  const fn = await raisingFunction(client, schema);
  const literal = `'${value.replace(/'/g, "''")}'`;
  await client.unsafe(
    `create constraint trigger nomad_test_fail_commit after ${write} on ${quoted} deferrable initially deferred for each row when (new."${column}"::text = ${literal}) execute function ${fn}()`,
  );
  return async () => {
    await client.unsafe(`drop trigger if exists nomad_test_fail_commit on ${quoted}`);
  };
}

/** A masked internal error: the code, and nothing of the fault, the SQL or the table. */
export function expectInternalError(res: GraphResponse): void {
  expect(res.body.errors?.length ?? 0, res.text).toBeGreaterThan(0);
  expect(res.body.errors?.map((e) => e.extensions?.code)).toContain('INTERNAL_SERVER_ERROR');
  expect(res.text).not.toMatch(/test fault|refuses the write|access_records|insert into|select /i);
}
