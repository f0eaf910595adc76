import { pgTable, bigserial, date, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { assertCursor, cursorKindOf } from './cursor-check.ts';
import { afterCursor, decodeCursor, encodeCursor } from './pagination.ts';

const rows = pgTable('rows', {
  id: uuid('id').primaryKey(),
  seq: bigserial('seq', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }),
  day: date('day'),
  name: text('name'),
});

const UUID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function code(fn: () => unknown): unknown {
  try {
    fn();
    return 'passed';
  } catch (err) {
    return (err as { extensions?: { code?: unknown; field?: unknown } }).extensions;
  }
}

describe('cursor checks', () => {
  it('reads the kind of each column from its SQL type', () => {
    expect([rows.id, rows.seq, rows.createdAt, rows.day, rows.name].map(cursorKindOf)).toEqual(['uuid', 'integer', 'timestamp', 'date', 'text']);
  });

  it('accepts the cursors this graph hands out', () => {
    expect(code(() => afterCursor(rows.createdAt, rows.id, { key: '2026-11-24 06:00:00.123456+00', id: UUID }, 'desc'))).toBe('passed');
    expect(code(() => afterCursor(rows.day, rows.id, { key: '2026-11-24', id: UUID }, 'asc'))).toBe('passed');
    expect(code(() => afterCursor(rows.seq, rows.seq, { key: '42', id: '42' }, 'desc'))).toBe('passed');
    expect(code(() => assertCursor(decodeCursor(encodeCursor({ key: '2026-Q3', id: UUID })), { key: 'text', id: 'uuid' }))).toBe('passed');
  });

  it('refuses a decodable cursor whose parts cannot stand where the list puts them', () => {
    const refused = { code: 'BAD_USER_INPUT', field: 'after' };
    // Hand-forged, and taken from another list (an access-log sequence number on a timestamp list).
    expect(code(() => afterCursor(rows.createdAt, rows.id, { key: 'yesterday', id: UUID }, 'desc'))).toEqual(refused);
    expect(code(() => afterCursor(rows.createdAt, rows.id, { key: '42', id: '42' }, 'desc'))).toEqual(refused);
    expect(code(() => afterCursor(rows.day, rows.id, { key: '2026-02-30', id: UUID }, 'asc'))).toEqual(refused);
    expect(code(() => afterCursor(rows.seq, rows.seq, { key: '1e9', id: '1' }, 'desc'))).toEqual(refused);
    expect(code(() => afterCursor(rows.name, rows.id, { key: 'a\u0000', id: UUID }, 'asc'))).toEqual(refused);
    expect(code(() => assertCursor({ key: '2026-01-01', id: "x' or 1=1 --" }, { key: 'date', id: 'uuid' }))).toEqual(refused);
  });
});
