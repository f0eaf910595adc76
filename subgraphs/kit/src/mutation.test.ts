import { and, eq, sql } from 'drizzle-orm';
import { integer, pgSchema, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from './db/database.ts';
import { BUSY, concurrentChange } from './errors.ts';
import { DEFAULT_RETRY, idempotencyTables } from './idempotency.ts';
import { abort, runMutation, type MutationContext } from './mutation.ts';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';

const mut = pgSchema('mutation_test');
const notes = mut.table('notes', { body: text('body').notNull() });
const items = mut.table('items', { id: integer('id').primaryKey(), version: integer('version').notNull() });
const schema = { notes, items, ...idempotencyTables(mut) };
type Schema = typeof schema;

let testDb: TestDatabase;
let database: Database<Schema>;

beforeAll(async () => {
  testDb = await createTestDatabase('kit_mutation');
  database = connect(testDb.url, { agency: 'mutation_test', schema });
  await database.db.execute(sql`create schema mutation_test`);
  await database.db.execute(sql`create table mutation_test.notes (body text not null)`);
  await database.db.execute(sql`create table mutation_test.items (id int primary key, version int not null)`);
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

describe('runMutation when another writer gets there first', () => {
  type Tx = Database<Schema>['db'];
  let nextId = 100;
  async function item(): Promise<number> {
    const id = nextId++;
    await database.db.insert(items).values({ id, version: 1 });
    return id;
  }
  const versionOf = async (id: number) => (await database.db.select().from(items).where(eq(items.id, id)))[0]?.version;
  /** Another writer (its own connection, committed at once) moves the item. */
  const bumpOutside = (id: number) => database.db.update(items).set({ version: sql`${items.version} + 1` }).where(eq(items.id, id));

  /**
   * A versioned change as the services write it: read, then one guarded UPDATE; the row moved
   * meanwhile throws `concurrentChange`. `expectedVersion`, when given, is checked on the read.
   */
  async function change(tx: Tx, id: number, expectedVersion: number | null, between: () => Promise<unknown>) {
    const [current] = await tx.select().from(items).where(eq(items.id, id));
    if (!current) throw abort('ITEM_NOT_FOUND', 'No such item.', 'input.id');
    if (expectedVersion !== null && expectedVersion !== current.version) throw abort('CONFLICT', 'The item changed since you read it.', 'input.expectedVersion');
    await between();
    const [updated] = await tx
      .update(items)
      .set({ version: sql`${items.version} + 1` })
      .where(and(eq(items.id, id), eq(items.version, current.version)))
      .returning();
    if (!updated) throw concurrentChange('Someone else changed the item at the same time.', 'input.id');
    await tx.insert(notes).values({ body: `changed ${id}` });
    return { seen: current.version, now: updated.version };
  }
  const changedNotes = async (id: number) => (await database.db.select().from(notes).where(eq(notes.body, `changed ${id}`))).length;

  it('runs the whole transaction again on a fresh read: no CONFLICT for a caller who sent no version', async () => {
    const id = await item();
    let attempts = 0;
    const outcome = await runMutation(ctx('race-1'), 'changeItem', { id }, async (tx) => {
      attempts += 1;
      // The first two runs lose the race: someone moves the item between the read and the write.
      return change(tx, id, null, () => (attempts <= 2 ? bumpOutside(id) : Promise.resolve()));
    });
    expect(outcome).toEqual({ ok: true, result: { seen: 3, now: 4 } });
    expect(attempts).toBe(3);
    expect(await versionOf(id)).toBe(4);
    // The two lost runs wrote nothing; the idempotency key was claimed once, by the run that won.
    expect(await changedNotes(id)).toBe(1);
    const replay = await runMutation(ctx('race-1'), 'changeItem', { id }, () => Promise.reject(new Error('must not run again')));
    expect(replay).toEqual(outcome);
  });

  it('a caller whose expectedVersion moved during the race gets CONFLICT from the fresh read', async () => {
    const id = await item();
    let attempts = 0;
    const outcome = await runMutation(ctx(null), 'changeItem', { id }, async (tx) => {
      attempts += 1;
      return change(tx, id, 1, () => (attempts === 1 ? bumpOutside(id) : Promise.resolve()));
    });
    expect(attempts).toBe(2);
    expect(outcome).toEqual({ ok: false, userErrors: [expect.objectContaining({ code: 'CONFLICT', field: 'input.expectedVersion' })] });
    expect(await changedNotes(id)).toBe(0);
  });

  it('concurrent writers without a version all succeed, each on the version before it', async () => {
    const id = await item();
    const writers = 8;
    const outcomes = await Promise.all(
      Array.from({ length: writers }, () => runMutation(ctx(null), 'changeItem', { id }, (tx) => change(tx, id, null, () => new Promise((r) => setTimeout(r, 5))))),
    );
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(outcomes.map((o) => (o.ok ? o.result.seen : 0)).sort((a, b) => a - b)).toEqual(Array.from({ length: writers }, (_, i) => i + 1));
    expect(await versionOf(id)).toBe(writers + 1);
  });

  it('retries a serialization failure or deadlock PostgreSQL reports, like a lost race', async () => {
    let attempts = 0;
    const outcome = await runMutation(ctx(null), 'addNote', {}, async (tx) => {
      attempts += 1;
      await tx.insert(notes).values({ body: `attempt ${attempts}` });
      if (attempts === 1) throw Object.assign(new Error('could not serialize access'), { code: '40001' });
      if (attempts === 2) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      return 'third time';
    });
    expect(outcome).toEqual({ ok: true, result: 'third time' });
    const kept = await database.db.select().from(notes).where(sql`${notes.body} like 'attempt %'`);
    expect(kept.map((n) => n.body)).toEqual(['attempt 3']);
  });

  it('gives up after a bounded number of runs with BUSY, writing nothing', async () => {
    const id = await item();
    let attempts = 0;
    const outcome = await runMutation(ctx(null), 'changeItem', { id }, async (tx) => {
      attempts += 1;
      return change(tx, id, null, () => bumpOutside(id));
    });
    expect(attempts).toBe(DEFAULT_RETRY.attempts);
    expect(outcome).toEqual({ ok: false, userErrors: [expect.objectContaining({ code: BUSY, field: 'input.id' })] });
    expect(await changedNotes(id)).toBe(0);
  });
});
