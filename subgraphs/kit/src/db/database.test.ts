import { afterAll, describe, expect, it } from 'vitest';
import { eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { integer, pgTable } from 'drizzle-orm/pg-core';
import { connect, type Db } from './database.ts';
import { jsonRowsInsert } from './json-insert.ts';
import { prepared } from './prepared.ts';
import { countStatements } from './metrics.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';

const numbers = pgTable('kit_numbers', { n: integer('n').primaryKey() });

describe('connect', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  it('counts statements per unit of work', async () => {
    const t = await createTestDatabase('kit_db');
    dbs.push(t);
    const database = connect(t.url, { agency: 'kit', schema: {} });
    try {
      const { counter, result } = countStatements(database.db, async (db) => {
        await db.execute(sql`select 1`);
        await Promise.all([db.execute(sql`select 2`), db.transaction((tx) => tx.execute(sql`select 3`))]);
      });
      // Beside it, on the pool: not this unit's.
      const other = countStatements(database.db, (db) => db.execute(sql`select 'other'`));
      await Promise.all([result, other.result, database.db.execute(sql`select 4`)]);
      expect(counter.count).toBe(3);
      expect(other.counter.count).toBe(1);
      expect(database.statementCount()).toBe(5);
    } finally {
      await database.close();
    }
  });

  it('counts the relational queries of a view too', async () => {
    const t = await createTestDatabase('kit_db');
    dbs.push(t);
    const database = connect(t.url, { agency: 'kit', schema: { numbers } });
    try {
      await database.db.execute(sql`create table kit_numbers (n int primary key)`);
      await database.db.insert(numbers).values([{ n: 1 }, { n: 2 }]);
      const { counter, result } = countStatements(database.db, (db) => db.query.numbers.findMany());
      expect((await result).map((r) => r.n).sort()).toEqual([1, 2]);
      expect(counter.count).toBe(1);
    } finally {
      await database.close();
    }
  });

  it("counts a prepared statement on the view that ran it, built once on the view's pool", async () => {
    const t = await createTestDatabase('kit_db');
    dbs.push(t);
    const database = connect(t.url, { agency: 'kit', schema: {} });
    const built: object[] = [];
    const run = prepared((db: Db) => {
      built.push(db);
      return db.select({ n: numbers.n }).from(numbers).where(eq(numbers.n, sql.placeholder('n'))).prepare('kit_counted');
    });
    try {
      await database.db.execute(sql`create table kit_numbers (n int primary key)`);
      const before = database.statementCount();
      const first = countStatements(database.db, (db) => run(db, { n: 1 }));
      const second = countStatements(database.db, async (db) => [await run(db, { n: 2 }), await run(db, { n: 3 })]);
      await Promise.all([first.result, second.result]);
      expect(first.counter.count).toBe(1);
      expect(second.counter.count).toBe(2);
      expect(built).toEqual([database.db]);
      expect(database.statementCount() - before).toBe(3);
    } finally {
      await database.close();
    }
  });

  it('writes JSON rows as a statement prepared on the connection, counted once on the view, and in a transaction when given one', async () => {
    const t = await createTestDatabase('kit_db');
    dbs.push(t);
    // One connection, so that the statements it prepared are the pool's.
    const database = connect(t.url, { agency: 'kit', schema: {}, maxConnections: 1 });
    const insert = jsonRowsInsert(numbers, []);
    try {
      await database.db.execute(sql`create table kit_numbers (n int primary key)`);
      const { counter, result } = countStatements(database.db, (db) => insert(db, [{ n: 1 }, { n: 2 }]));
      await result;
      expect(counter.count).toBe(1);
      await insert(database.db, [{ n: 3 }]);
      const statements = [...(await database.db.execute<{ statement: string }>(sql`select statement from pg_prepared_statements`))].map((r) => r.statement);
      expect(statements.filter((s) => s.includes('jsonb_to_recordset'))).toHaveLength(1);
      // Given a transaction, the rows are the transaction's: rolled back with it.
      await database.db
        .transaction(async (tx) => {
          await insert(tx, [{ n: 4 }]);
          expect([...(await tx.execute<{ n: number }>(sql`select n from kit_numbers where n = 4`))]).toHaveLength(1);
          tx.rollback();
        })
        .catch((err: unknown) => {
          // The rollback asked for; anything else (a failed write or assertion) fails the test.
          if (!(err instanceof TransactionRollbackError)) throw err;
        });
      expect([...(await database.db.execute<{ n: number }>(sql`select n from kit_numbers order by n`))].map((r) => r.n)).toEqual([1, 2, 3]);
    } finally {
      await database.close();
    }
  });
});
