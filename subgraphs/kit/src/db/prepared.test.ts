import { PgDialect, pgTable, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { anyOf, prepared } from './prepared.ts';

describe('prepared', () => {
  it('builds a statement once per database handle and runs it with each call’s values', async () => {
    const built: object[] = [];
    const run = prepared((db: { name: string }) => {
      built.push(db);
      return { execute: (values: Record<string, unknown>) => Promise.resolve(`${db.name}:${JSON.stringify(values)}`) };
    });
    const pool = { name: 'pool' };
    const transaction = { name: 'tx' };
    expect(await run(pool, { ids: ['a'] })).toBe('pool:{"ids":["a"]}');
    expect(await run(pool, { ids: ['b', 'c'] })).toBe('pool:{"ids":["b","c"]}');
    expect(built).toEqual([pool]);
    // A transaction is its own handle: a statement prepared on the pool would run outside it.
    expect(await run(transaction, { ids: ['d'] })).toBe('tx:{"ids":["d"]}');
    expect(built).toEqual([pool, transaction]);
  });
});

describe('anyOf', () => {
  const table = pgTable('t', { id: uuid('id').primaryKey() });
  it('is one array placeholder, the same text whatever the number of keys', () => {
    const query = new PgDialect().sqlToQuery(anyOf(table.id, 'ids'));
    expect(query.sql).toBe('"t"."id" = any($1)');
    expect(query.params).toHaveLength(1);
  });
});
