import { sql } from 'drizzle-orm';
import { pgSchema, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from './db/database.ts';
import { idempotencyTables } from './idempotency.ts';
import { abort, runMutation, type MutationContext } from './mutation.ts';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';

const mut = pgSchema('mutation_test');
const notes = mut.table('notes', { body: text('body').notNull() });
const schema = { notes, ...idempotencyTables(mut) };
type Schema = typeof schema;

let testDb: TestDatabase;
let database: Database<Schema>;

beforeAll(async () => {
  testDb = await createTestDatabase('kit_mutation');
  database = connect(testDb.url, { agency: 'mutation_test', schema });
  await database.db.execute(sql`create schema mutation_test`);
  await database.db.execute(sql`create table mutation_test.notes (body text not null)`);
  await database.db.execute(sql`create table mutation_test.idempotency_keys (
    principal_sub text not null, key text not null, operation text not null, request_hash char(64) not null,
    response jsonb, created_at timestamptz not null default now(), primary key (principal_sub, key))`);
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

function ctx(key: string | null): MutationContext<Database<Schema>['db']> {
  return { db: database.db, principal: { sub: 'officer-1' }, idempotencyKey: key, idempotency: { idempotencyKeys: schema.idempotencyKeys } };
}

async function noteCount(): Promise<number> {
  return (await database.db.select().from(notes)).length;
}

describe('runMutation', () => {
  it('commits the writes and returns the result', async () => {
    const outcome = await runMutation(ctx(null), 'addNote', { body: 'a' }, async (tx) => {
      await tx.insert(notes).values({ body: 'a' });
      return 'written';
    });
    expect(outcome).toEqual({ ok: true, result: 'written' });
    expect(await noteCount()).toBe(1);
  });

  it('turns an abort into userErrors and rolls back what was written before it', async () => {
    const before = await noteCount();
    const outcome = await runMutation(ctx(null), 'addNote', { body: 'b' }, async (tx) => {
      await tx.insert(notes).values({ body: 'b' });
      throw abort('NOTE_REFUSED', 'Not this note.', 'input.body');
    });
    expect(outcome).toEqual({ ok: false, userErrors: [{ code: 'NOTE_REFUSED', message: 'Not this note.', field: 'input.body' }] });
    expect(await noteCount()).toBe(before);
  });

  it('lets an unexpected error through (and still writes nothing)', async () => {
    const before = await noteCount();
    await expect(
      runMutation(ctx(null), 'addNote', {}, async (tx) => {
        await tx.insert(notes).values({ body: 'c' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await noteCount()).toBe(before);
  });

  it('answers a retry with the same Idempotency-Key from memory, and refuses the key for other input', async () => {
    const before = await noteCount();
    const write = (body: string) =>
      runMutation(ctx('retry-1'), 'addNote', { body }, async (tx) => {
        await tx.insert(notes).values({ body });
        return body;
      });
    expect(await write('d')).toEqual({ ok: true, result: 'd' });
    expect(await write('d')).toEqual({ ok: true, result: 'd' });
    expect(await noteCount()).toBe(before + 1);
    const reused = await write('e');
    expect(reused.ok).toBe(false);
    expect(reused.ok ? [] : reused.userErrors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it('refuses to run without the idempotency table', async () => {
    const { idempotency: _none, ...bare } = ctx(null);
    await expect(runMutation(bare, 'addNote', {}, () => Promise.resolve(1))).rejects.toThrow(/idempotency table/);
  });
});
