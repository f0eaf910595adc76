import { and, eq, gt, lt, or, type AnyColumn, type SQL } from 'drizzle-orm';
import { assertCursor, cursorKindOf } from './cursor-check.ts';
import { badUserInput } from './errors.ts';

/** Relay connection arguments, forward pagination only. */
export interface PageArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
}

export interface PageLimits {
  /** @default 20 */
  defaultSize?: number;
  /** Larger requests are refused (not silently cut) so a client knows it got less than it asked. @default 100 */
  maxSize?: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Page {
  limit: number;
  /** Decoded keyset position: the sort value and the id of the last row of the previous page. */
  after: Cursor | null;
}

/** A keyset position: the sort key (as text) and the row id that breaks ties. */
export interface Cursor {
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(value: string, field = 'after'): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === 'string')) {
      return { key: parsed[0] as string, id: parsed[1] as string };
    }
  } catch {
    // fall through to the coded error
  }
  throw badUserInput(`\`${field}\` is not a cursor returned by this field.`, field);
}

/** Validates `first`/`after`; errors name the argument. */
export function toPage(args: PageArgs, limits: PageLimits = {}): Page {
  const maxSize = limits.maxSize ?? MAX_PAGE_SIZE;
  const first = args.first ?? limits.defaultSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > maxSize) {
    throw badUserInput(`\`first\` must be between 0 and ${maxSize}.`, 'first');
  }
  return { limit: first, after: args.after ? decodeCursor(args.after) : null };
}

/**
 * The keyset condition "after this cursor" for an order of (`keyColumn`, `idColumn`) in
 * `direction`. Both columns must be in the ORDER BY in the same direction, and `idColumn`
 * must be unique, so that the order is total and a page never repeats or skips a row.
 */
export function afterCursor(
  keyColumn: AnyColumn,
  idColumn: AnyColumn,
  cursor: Cursor | null,
  direction: 'asc' | 'desc',
): SQL | undefined {
  if (!cursor) return undefined;
  assertCursor(cursor, { key: cursorKindOf(keyColumn), id: cursorKindOf(idColumn) });
  const beyond = direction === 'asc' ? gt : lt;
  return or(beyond(keyColumn, cursor.key), and(eq(keyColumn, cursor.key), beyond(idColumn, cursor.id)));
}

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/**
 * A connection with `totalCount`: the number of items on all pages, counted (one COUNT
 * statement, under the same conditions as the page but no cursor) only when a client selects
 * the field; the default field resolver calls the function.
 */
export type CountedConnection<T> = Connection<T> & { totalCount: () => Promise<number> };

/**
 * Shapes rows fetched with `LIMIT limit + 1` into a connection: the extra row only tells
 * whether a next page exists.
 */
export function toConnection<T>(rows: readonly T[], page: Page, cursorOf: (row: T) => Cursor): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
