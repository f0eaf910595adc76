import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { connect } from './database.ts';
import { countStatements } from './metrics.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';

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
      const { counter, result } = countStatements(async () => {
        await database.db.execute(sql`select 1`);
        await Promise.all([database.db.execute(sql`select 2`), database.db.execute(sql`select 3`)]);
      });
      await result;
      expect(counter.count).toBe(3);
      await database.db.execute(sql`select 4`);
      expect(counter.count).toBe(3);
      expect(database.statementCount()).toBe(4);
    } finally {
      await database.close();
    }
  });
});
