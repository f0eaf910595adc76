import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, desc, sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { GraphQLError } from 'graphql';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  afterCursor,
  cursorKeyOf,
  decodeCursor,
  encodeCursor,
  requireCursorKeyInScope,
  toConnection,
  toPage,
  useProcessCursorKey,
  withCursorKey,
  type Connection,
  type Cursor,
  type Page,
} from './pagination.ts';
import { connect, type Database } from './db/database.ts';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';

/** Runs `fn` and returns the GraphQLError it throws (failing the test when it does not throw one). */
function caught(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (err) {
    if (err instanceof GraphQLError) return err;
    throw err;
  }
  throw new Error('expected a GraphQLError, nothing was thrown');
}

describe('toPage', () => {
  it('defaults the page size', () => {
    expect(toPage({})).toEqual({ limit: DEFAULT_PAGE_SIZE, after: null });
    expect(toPage({ first: null, after: null })).toEqual({ limit: DEFAULT_PAGE_SIZE, after: null });
    expect(toPage({}, { defaultSize: 7 })).toEqual({ limit: 7, after: null });
  });

  it('accepts sizes from 0 to the maximum', () => {
    expect(toPage({ first: 0 }).limit).toBe(0);
    expect(toPage({ first: MAX_PAGE_SIZE }).limit).toBe(MAX_PAGE_SIZE);
    expect(toPage({ first: 10 }, { maxSize: 10 }).limit).toBe(10);
  });

  it.each([
    ['negative', -1, undefined],
    ['above the default maximum', MAX_PAGE_SIZE + 1, undefined],
    ['above a custom maximum', 11, 10],
    ['not an integer', 2.5, undefined],
    ['NaN', Number.NaN, undefined],
  ])('refuses a size %s with BAD_USER_INPUT naming `first`', (_label, first, maxSize) => {
    const err = caught(() => toPage({ first }, maxSize === undefined ? {} : { maxSize }));
    expect(err.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(err.message).toContain('`first`');
    expect(err.message).toContain(String(maxSize ?? MAX_PAGE_SIZE));
  });

  it('decodes `after` into the keyset position', () => {
    const cursor: Cursor = { key: '2025-03-01 10:00:00.123456+00', id: '1f0c3a9e-8b7d-4c6e-9a55-0d2b7c1e4f11' };
    expect(toPage({ first: 3, after: encodeCursor(cursor) })).toEqual({ limit: 3, after: cursor });
  });
});

/** The cursor with one byte of its ciphertext flipped. */
function tampered(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url');
  raw[14] = (raw[14] ?? 0) ^ 1;
  return raw.toString('base64url');
}

describe('cursors', () => {
  it('round-trip any key and id, including commas, quotes and non-ASCII text', () => {
    for (const cursor of [
      { key: '2025-03-01 10:00:00.123456+00', id: '42' },
      { key: 'Бишкек, "Ала-Тоо"', id: 'a,b]' },
      { key: '', id: '' },
    ]) {
      const encoded = encodeCursor(cursor);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(decodeCursor(encoded)).toEqual(cursor);
    }
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['empty base64', '!!!'],
    ['JSON that is not an array', Buffer.from('{"key":"a","id":"b"}').toString('base64url')],
    ['an array of the wrong length', Buffer.from('["a"]').toString('base64url')],
    ['an array of non-strings', Buffer.from('[1,2]').toString('base64url')],
    // What cursors were before they were sealed: readable, and forgeable.
    ['a plain base64url position', Buffer.from('["2026-01-01","1f0c3a9e-8b7d-4c6e-9a55-0d2b7c1e4f11"]').toString('base64url')],
    ['a sealed cursor with one byte changed', tampered(encodeCursor({ key: '1', id: 'a' }))],
    ['a cursor sealed under another key', withCursorKey(cursorKeyOf('another-agency-gateway-credential'), () => encodeCursor({ key: '1', id: 'a' }))],
  ])('refuse %s with BAD_USER_INPUT naming `after`', (_label, value) => {
    const err = caught(() => toPage({ after: value }));
    expect(err.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(err.message).toContain('`after`');
  });

  it('refuse to fall back to the development key in production, outside a request', () => {
    requireCursorKeyInScope();
    try {
      expect(() => encodeCursor({ key: '1', id: 'a' })).toThrow(/outside a request/);
      const key = cursorKeyOf('a-production-gateway-credential');
      const sealed = withCursorKey(key, () => encodeCursor({ key: '1', id: 'a' }));
      expect(withCursorKey(key, () => decodeCursor(sealed))).toEqual({ key: '1', id: 'a' });
    } finally {
      requireCursorKeyInScope(false);
    }
  });

  it('are opaque: the id inside cannot be read by decoding, and each cursor of a row differs', () => {
    const id = '1f0c3a9e-8b7d-4c6e-9a55-0d2b7c1e4f11';
    const first = encodeCursor({ key: '2026-01-01', id });
    const again = encodeCursor({ key: '2026-01-01', id });
    expect(first).not.toBe(again);
    for (const encoding of ['base64url', 'base64', 'utf8', 'latin1', 'hex'] as const) {
      expect(Buffer.from(first, 'base64url').toString(encoding)).not.toContain(id);
      expect(Buffer.from(first, 'base64url').toString(encoding)).not.toContain('2026-01-01');
    }
    expect(first).not.toContain(Buffer.from(id).toString('base64url').slice(0, 12));
    expect(decodeCursor(first)).toEqual(decodeCursor(again));
  });

  it("page only on the agency whose key sealed them (each server's requests run under its own key)", () => {
    const key = cursorKeyOf('a-production-gateway-credential');
    const sealed = withCursorKey(key, () => encodeCursor({ key: '1', id: 'a' }));
    expect(withCursorKey(key, () => decodeCursor(sealed))).toEqual({ key: '1', id: 'a' });
    expect(caught(() => decodeCursor(sealed)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it("use the process's key everywhere in a process that serves one agency, and a request's own key where another is put in scope", async () => {
    const own = cursorKeyOf('this-agency-gateway-credential');
    const other = cursorKeyOf('another-agency-gateway-credential');
    useProcessCursorKey(own);
    requireCursorKeyInScope();
    try {
      // A request of the process's agency, across an await, and a job outside any request: the same key, required or not.
      const sealed = await withCursorKey(own, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return encodeCursor({ key: '1', id: 'a' });
      });
      expect(decodeCursor(sealed)).toEqual({ key: '1', id: 'a' });
      expect(withCursorKey(own, () => decodeCursor(encodeCursor({ key: '2', id: 'b' })))).toEqual({ key: '2', id: 'b' });
      // Another agency's request in the same process keeps its own key, across an await.
      const foreign = await withCursorKey(other, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        expect(caught(() => decodeCursor(sealed)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
        return encodeCursor({ key: '3', id: 'c' });
      });
      expect(caught(() => decodeCursor(foreign)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
      expect(withCursorKey(other, () => decodeCursor(foreign))).toEqual({ key: '3', id: 'c' });
    } finally {
      useProcessCursorKey(undefined);
      requireCursorKeyInScope(false);
    }
    // Without it, outside a request: the development key, which opens neither.
    expect(caught(() => decodeCursor(withCursorKey(own, () => encodeCursor({ key: '1', id: 'a' })))).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('name the argument they were given for', () => {
    const err = caught(() => decodeCursor('nonsense', 'input.after'));
    expect(err.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.after' });
  });
});

describe('toConnection', () => {
  const rows = [
    { id: 'a', at: '1' },
    { id: 'b', at: '2' },
    { id: 'c', at: '3' },
  ];
  const cursorOf = (r: { id: string; at: string }): Cursor => ({ key: r.at, id: r.id });

  it('uses the extra row only to report a next page', () => {
    const page: Page = { limit: 2, after: null };
    const connection = toConnection(rows, page, cursorOf);
    expect(connection.edges.map((e) => e.node.id)).toEqual(['a', 'b']);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(decodeCursor(connection.pageInfo.startCursor ?? '')).toEqual({ key: '1', id: 'a' });
    expect(decodeCursor(connection.pageInfo.endCursor ?? '')).toEqual({ key: '2', id: 'b' });
    expect(connection.edges[1]?.cursor).toBe(connection.pageInfo.endCursor);
  });

  it('reports the last page and a previous page when `after` was given', () => {
    const page: Page = { limit: 3, after: { key: '0', id: 'z' } };
    const connection = toConnection(rows, page, cursorOf);
    expect(connection.edges).toHaveLength(3);
    expect(connection.pageInfo.hasNextPage).toBe(false);
    expect(connection.pageInfo.hasPreviousPage).toBe(true);
    expect(decodeCursor(connection.pageInfo.endCursor ?? '')).toEqual({ key: '3', id: 'c' });
  });

  it('seals a cursor only when it is read, and hands out the same one after', () => {
    const sealed: string[] = [];
    const connection = toConnection(rows, { limit: 3, after: null }, (r) => {
      sealed.push(r.id);
      return cursorOf(r);
    });
    // Nodes alone cost no cursor.
    expect(connection.edges.map((e) => e.node.id)).toEqual(['a', 'b', 'c']);
    expect(sealed).toEqual([]);
    const end = connection.pageInfo.endCursor;
    expect(sealed).toEqual(['c']);
    expect(connection.edges[2]?.cursor).toBe(end);
    expect(connection.edges[0]?.cursor).toBe(connection.pageInfo.startCursor);
    expect(sealed).toEqual(['c', 'a']);
  });

  it('has null cursors for an empty page', () => {
    const connection = toConnection([], { limit: 5, after: null }, cursorOf);
    expect(connection).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });
});

describe('keyset pagination over a real table', () => {
  // Timestamps in mode 'string' keep PostgreSQL's microseconds in the cursor, as the agencies' tables do.
  const events = pgTable('events', {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    label: text('label').notNull(),
  });
  type Event = typeof events.$inferSelect;

  let testDb: TestDatabase;
  let database: Database<Record<string, unknown>>;
  const TIMES = ['2025-03-01 10:00:00.000001+00', '2025-03-01 10:00:00.000002+00', '2025-03-02 08:30:00.5+00'];
  const ROWS = 25;

  beforeAll(async () => {
    testDb = await createTestDatabase('kit_pagination');
    database = connect<Record<string, unknown>>(testDb.url, { agency: 'kit', schema: {} });
    await database.db.execute(
      sql`create table events (id uuid primary key default gen_random_uuid(), at timestamptz not null, label text not null)`,
    );
    // 25 rows over only 3 distinct timestamps: the key alone cannot order them.
    await database.db.insert(events).values(
      Array.from({ length: ROWS }, (_, i) => ({ at: TIMES[i % TIMES.length] ?? '', label: `event ${i}` })),
    );
  });

  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  async function fetchPage(page: Page, direction: 'asc' | 'desc'): Promise<Connection<Event>> {
    const order = direction === 'asc' ? [asc(events.at), asc(events.id)] : [desc(events.at), desc(events.id)];
    const rows = await database.db
      .select()
      .from(events)
      .where(afterCursor(events.at, events.id, page.after, direction))
      .orderBy(...order)
      .limit(page.limit + 1);
    return toConnection(rows, page, (r) => ({ key: r.at, id: r.id }));
  }

  it.each(['asc', 'desc'] as const)('pages by 4 (%s) return every row exactly once in a stable order', async (direction) => {
    const order = direction === 'asc' ? [asc(events.at), asc(events.id)] : [desc(events.at), desc(events.id)];
    const expected = (await database.db.select({ id: events.id }).from(events).orderBy(...order)).map((r) => r.id);
    expect(new Set(expected).size).toBe(ROWS);

    const seen: string[] = [];
    const pages: Connection<Event>[] = [];
    let after: string | null = null;
    for (;;) {
      const connection = await fetchPage(toPage({ first: 4, after }), direction);
      pages.push(connection);
      seen.push(...connection.edges.map((e) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
      expect(pages.length).toBeLessThanOrEqual(ROWS); // a broken cursor would loop forever
    }

    expect(seen).toEqual(expected);
    expect(pages.map((p) => p.edges.length)).toEqual([4, 4, 4, 4, 4, 4, 1]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true, true, true, true, true]);
  });

  it('returns an empty last page after the final cursor', async () => {
    const all = await fetchPage(toPage({ first: MAX_PAGE_SIZE }), 'asc');
    expect(all.edges).toHaveLength(ROWS);
    const beyond = await fetchPage(toPage({ first: 4, after: all.pageInfo.endCursor }), 'asc');
    expect(beyond.edges).toEqual([]);
    expect(beyond.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, endCursor: null });
  });

  it('adds no condition without a cursor', () => {
    expect(afterCursor(events.at, events.id, null, 'asc')).toBeUndefined();
  });
});
