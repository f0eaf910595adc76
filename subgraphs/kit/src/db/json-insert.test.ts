import { boolean, customType, pgSchema, serial, text, type PgColumnBuilderBase } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { fakeExecutor, type FakeStatement } from '../__fixtures__/fake-executor.ts';
import { jsonRowsInsert } from './json-insert.ts';

const things = pgSchema('demo').table('things', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  tags: text('tags').array().notNull(),
  done: boolean('done').notNull().default(false),
  note: text('note'),
});

/** A fake executor keeping each statement's text and parameters, and what was prepared on it. */
function recording() {
  const statements: FakeStatement[] = [];
  const { db, prepares } = fakeExecutor((statement) => {
    statements.push(statement);
    return Promise.resolve();
  });
  return { db, statements, prepares };
}

describe('jsonRowsInsert', () => {
  it('writes any number of rows with the same text and one JSON parameter', async () => {
    const insert = jsonRowsInsert(things, ['id']);
    const { db, statements, prepares } = recording();
    await insert(db, [{ name: 'a', tags: ['x'] }]);
    await insert(db, [
      { name: 'b', tags: [], done: true, note: 'n' },
      { name: 'c', tags: ['y', 'z'] },
      { name: 'd', tags: ['w'] },
    ]);
    expect(statements).toHaveLength(2);
    expect(statements[0]?.text).toBe(statements[1]?.text);
    expect(statements[0]?.text).toBe(
      'insert into "demo"."things" ("name", "tags", "done", "note") select "name", "tags", "done", "note" from jsonb_to_recordset($1::jsonb) as r("name" text, "tags" text[], "done" boolean, "note" text)',
    );
    expect(statements.map((s) => s.params.length)).toEqual([1, 1]);
    // Prepared once on the handle, then run with each write's rows.
    expect(prepares).toEqual([statements[0]?.text]);
    // A value left out takes the column's literal default (done), else null (note).
    expect(JSON.parse(String(statements[1]?.params[0]))).toEqual([
      { name: 'b', tags: [], done: true, note: 'n' },
      { name: 'c', tags: ['y', 'z'], done: false, note: null },
      { name: 'd', tags: ['w'], done: false, note: null },
    ]);
  });

  it('is built once per table and columns left out', () => {
    expect(jsonRowsInsert(things, ['id'])).toBe(jsonRowsInsert(things, ['id']));
    expect(jsonRowsInsert(things, ['id', 'note'])).not.toBe(jsonRowsInsert(things, ['id']));
  });

  it('sends nothing for no rows', async () => {
    const { db, statements } = recording();
    await jsonRowsInsert(things, ['id'])(db, []);
    expect(statements).toEqual([]);
  });

  it('refuses to leave out a column the table lacks, and a table left with no column', () => {
    expect(() => jsonRowsInsert(things, ['id', 'nmae'])).toThrow(/things has no column nmae/);
    expect(() => jsonRowsInsert(things, ['id', 'name', 'tags', 'done', 'note'])).toThrow(/no column left/);
  });

  it('refuses a column whose value Drizzle would compute or map, and takes a custom type without a mapping', () => {
    const table = (extra: Record<string, PgColumnBuilderBase>) => pgSchema('demo').table('others', { name: text('name').notNull(), ...extra });
    const upper = customType<{ data: string; driverData: string }>({ dataType: () => 'text', toDriver: (v) => v.toUpperCase() });
    const plain = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });
    expect(() => jsonRowsInsert(table({ ref: text('ref').$defaultFn(() => 'r') }), [])).toThrow(/others\.ref has a \$defaultFn/);
    expect(() => jsonRowsInsert(table({ seen: text('seen').$onUpdateFn(() => 'now') }), [])).toThrow(/others\.seen has an \$onUpdateFn/);
    expect(() => jsonRowsInsert(table({ code: upper('code') }), [])).toThrow(/others\.code is a custom type with a toDriver/);
    expect(() => jsonRowsInsert(table({ xid: plain('xid') }), [])).not.toThrow();
    // Left out, they are the database's: no refusal.
    expect(() => jsonRowsInsert(table({ ref: text('ref').$defaultFn(() => 'r') }), ['ref'])).not.toThrow();
  });
});
