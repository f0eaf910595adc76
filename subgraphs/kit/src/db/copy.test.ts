import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boolean, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { copyRows } from './copy.ts';

const s = pgSchema('copy_test');
const things = s.table('things', {
  id: uuid('id').primaryKey(),
  label: text('label').notNull(),
  tags: text('tags').array().notNull().default([]),
  detail: jsonb('detail').$type<{ a: number; b: string }>(),
  flag: boolean('flag').notNull().default(false),
  count: integer('count_value'),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  when: timestamp('when_date', { withTimezone: true, mode: 'date' }),
});

let db: TestDatabase;
let client: postgres.Sql;

beforeAll(async () => {
  db = await createTestDatabase('copy');
  client = postgres(db.url, { max: 2, onnotice: () => undefined });
  await client.unsafe(`create schema copy_test;
    create table copy_test.things (id uuid primary key, label text not null, tags text[] not null default '{}', detail jsonb,
      flag boolean not null default false, count_value integer, at timestamptz not null default now(), when_date timestamptz)`);
});
afterAll(async () => {
  await client.end();
  await db.drop();
});

describe('copyRows', () => {
  it('loads every kind of value as an INSERT would: escapes, nulls, jsonb, arrays, dates, booleans, column names', async () => {
    const rows = [
      { id: '00000000-0000-4000-8000-000000000001', label: 'tab\there, new\nline, back\\slash, \\N, "quote"', tags: ['a b', 'c,d', 'e"f'], detail: { a: 1, b: 'x\ty' }, flag: true, count: 7, when: new Date('2025-05-01T06:00:00Z') },
      { id: '00000000-0000-4000-8000-000000000002', label: 'plain', detail: null, count: null },
    ];
    expect(await copyRows(client, things, rows)).toBe(2);
    const back = await client`select id, label, tags, detail, flag, count_value, when_date, at is not null as has_at from copy_test.things order by id`;
    expect(back).toEqual([
      { id: rows[0]!.id, label: rows[0]!.label, tags: ['a b', 'c,d', 'e"f'], detail: { a: 1, b: 'x\ty' }, flag: true, count_value: 7, when_date: new Date('2025-05-01T06:00:00Z'), has_at: true },
      // Left out in this row but given in the other: drizzle's literal default (flag), null where it has none.
      { id: rows[1]!.id, label: 'plain', tags: [], detail: null, flag: false, count_value: null, when_date: null, has_at: true },
    ]);
  });

  it('refuses a column with an SQL default left out of some rows only, before writing anything', async () => {
    const rows = [
      { id: '00000000-0000-4000-8000-000000000003', label: 'one', at: '2026-01-02T03:04:05.000Z' },
      { id: '00000000-0000-4000-8000-000000000004', label: 'two' },
    ];
    await expect(copyRows(client, things, rows)).rejects.toThrow(/at is left out of some rows/);
  });

  it('writes nothing for no rows', async () => {
    expect(await copyRows(client, things, [])).toBe(0);
  });
});
