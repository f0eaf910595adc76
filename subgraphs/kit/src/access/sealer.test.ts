import { pgTable, text } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { Executor } from '../db/database.ts';
import { nextBatch, type SealableLog, type SealableRow } from './sealer.ts';

// The sealer's cut of a batch, over a log in memory: what each pass seals, and what it reads.

/** A log holding `rows` (in xid, id order), all below `horizon`; it keeps the limit of every read. */
function memoryLog(rows: SealableRow<string>[], horizon: string) {
  const limits: number[] = [];
  const log: SealableLog<string> = {
    scope: 'demo',
    seals: pgTable('seals', { root: text('root') }),
    batch(_tx, fromXid, limit) {
      limits.push(limit);
      return Promise.resolve({ rows: rows.filter((r) => BigInt(r.xid) >= BigInt(fromXid)).slice(0, limit), horizon });
    },
    leaf: (row) => row,
    publish: () => Promise.resolve(),
  };
  return { log, limits };
}

/** `count` rows of the transaction `xid`, ids from `first`. */
const rowsOf = (xid: number, count: number, first: number): SealableRow<string>[] =>
  Array.from({ length: count }, (_, i) => ({ id: String(first + i), xid: String(xid), row: `${xid}/${first + i}` }));

const tx = {} as Executor<Record<string, unknown>>;

describe('nextBatch', () => {
  it('seals what waits up to the horizon when it fits', async () => {
    const { log } = memoryLog([...rowsOf(10, 2, 1), ...rowsOf(11, 1, 3)], '12');
    const batch = await nextBatch(tx, log, '10', 5);
    expect(batch.rows.map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(batch.xidTo).toBe('12');
  });

  it('cuts at a transaction boundary, never inside one', async () => {
    const { log } = memoryLog([...rowsOf(10, 2, 1), ...rowsOf(11, 3, 3)], '12');
    const batch = await nextBatch(tx, log, '10', 3);
    expect(batch.rows.map((r) => r.id)).toEqual(['1', '2']);
    expect(batch.xidTo).toBe('11');
  });

  it('seals one transaction larger than the batch whole, without reading the backlog behind it', async () => {
    const { log, limits } = memoryLog([...rowsOf(10, 7, 1), ...rowsOf(11, 5_000, 8)], '12');
    const batch = await nextBatch(tx, log, '10', 2);
    expect(batch.rows.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(batch.xidTo).toBe('11');
    expect(Math.max(...limits)).toBeLessThan(100);
  });

  it('seals one large transaction whole when nothing follows it', async () => {
    const { log } = memoryLog(rowsOf(10, 7, 1), '11');
    const batch = await nextBatch(tx, log, '9', 2);
    expect(batch.rows).toHaveLength(7);
    expect(batch.xidTo).toBe('11');
  });
});
