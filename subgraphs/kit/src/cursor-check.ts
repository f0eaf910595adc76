import type { AnyColumn } from 'drizzle-orm';
import { isIsoDate } from '@nomad/contract';
import { badUserInput } from './errors.ts';
import type { Cursor } from './pagination.ts';
import { isUuid } from './domain/ids.ts';
import { textProblem } from './validation/input-rules.ts';

/** What a cursor part must be to stand where the list's column stands in its SQL. */
export type CursorPartKind = 'uuid' | 'timestamp' | 'date' | 'integer' | 'text';

/** `2026-03-01 08:30:00.123456+00` as PostgreSQL prints a timestamptz, or an ISO instant. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const INTEGER = /^-?\d{1,18}$/;

function fits(value: string, kind: CursorPartKind): boolean {
  switch (kind) {
    case 'uuid':
      return isUuid(value);
    case 'timestamp':
      return TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')));
    case 'date':
      return isIsoDate(value);
    case 'integer':
      return INTEGER.test(value);
    case 'text':
      return textProblem(value, 10_000) === null;
  }
}

/** The kind of a drizzle column, from its SQL type. */
export function cursorKindOf(column: AnyColumn): CursorPartKind {
  const type = column.getSQLType();
  if (type === 'uuid') return 'uuid';
  if (type.startsWith('timestamp')) return 'timestamp';
  if (type === 'date') return 'date';
  if (/^(small|big)?(int|serial)|^integer/.test(type)) return 'integer';
  return 'text';
}

/**
 * Refuses a cursor whose parts cannot stand where the list puts them: a decodable cursor
 * forged by hand, or one taken from another list (an access-log sequence number where an
 * application expects a timestamp). Without this, PostgreSQL fails the cast and the client
 * sees an internal error. Call it before the cursor goes into SQL; `afterCursor` does.
 */
export function assertCursor(cursor: Cursor, kinds: { key: CursorPartKind; id: CursorPartKind }, field = 'after'): void {
  if (!fits(cursor.key, kinds.key) || !fits(cursor.id, kinds.id)) {
    throw badUserInput(`\`${field}\` is not a cursor returned by this field.`, field);
  }
}
