import { AsyncLocalStorage } from 'node:async_hooks';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, or, type AnyColumn, type SQL } from 'drizzle-orm';
import { DEV_GATEWAY_SECRET } from '@nomad/contract';
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

/**
 * Cursors are opaque: AES-256-GCM over the keyset position (the sort key and the row's id),
 * with a fresh nonce each time. A client (an analyst above all, who must never see a raw id)
 * cannot read the id inside by decoding it, nor forge a position: a cursor it did not get back
 * from this agency fails authentication and is refused with BAD_USER_INPUT. A fresh nonce
 * makes two cursors of one row differ, so a cursor cannot serve as a stable handle on a person
 * across queries either. The key is derived from the agency's gateway credential
 * (`<AGENCY>_GATEWAY_SECRET`, refused in production when left at its development default),
 * which each server puts in scope for its requests (`withCursorKey`): a cursor pages on any
 * replica of the same agency, and only there.
 */
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const CURSOR_KEY_LABEL = 'nomad-graph cursor key v1';

/** The cursor key of a server whose gateway credential is `secret`. */
export function cursorKeyOf(secret: string): Buffer {
  return createHmac('sha256', secret).update(CURSOR_KEY_LABEL, 'utf8').digest();
}

/** Outside a request (tests, tools), the development credential's key, as a development server has. */
const DEFAULT_CURSOR_KEY = cursorKeyOf(DEV_GATEWAY_SECRET);

/**
 * The key of the one agency this process serves (`runSubgraph`, a service's own process):
 * every request of it and every job uses it, with nothing put in scope per request.
 */
let processKey: Buffer | undefined;
/**
 * Keys put in scope per request, for a process that serves several agencies (the in-process
 * test harness), created only then: an AsyncLocalStorage turns on Node 20's promise hooks for
 * every promise of the process, a tenth of a subgraph's CPU on an officer's case view.
 */
let scopedKeys: AsyncLocalStorage<Buffer> | undefined;

/**
 * Declares that this process serves one agency, whose cursor key is `key` (derived from its
 * gateway credential, `cursorKeyOf`): its requests seal and open cursors with it, and so does
 * anything else the process runs.
 */
export function useProcessCursorKey(key: Buffer | undefined): void {
  processKey = key;
}

/** Runs `work` (a request) with `key` encrypting and checking every cursor it hands out or reads. */
export function withCursorKey<T>(key: Buffer, work: () => T): T {
  if (processKey !== undefined && key.equals(processKey)) return work();
  scopedKeys ??= new AsyncLocalStorage<Buffer>();
  return scopedKeys.run(key, work);
}

let cursorKeyRequired = false;

/**
 * From now on, a cursor sealed or opened outside a request (no key in scope) is an error, not
 * the development key: a production server calls it at start, since a cursor sealed with the
 * development key would be readable by anyone who derives it. A process that serves one
 * agency (`useProcessCursorKey`) always has its key in scope.
 */
export function requireCursorKeyInScope(required = true): void {
  cursorKeyRequired = required;
}

function currentCursorKey(): Buffer {
  const key = scopedKeys?.getStore() ?? processKey;
  if (key) return key;
  if (cursorKeyRequired) throw new Error('a cursor was sealed or opened outside a request (no cursor key in scope)');
  return DEFAULT_CURSOR_KEY;
}

export function encodeCursor(cursor: Cursor): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', currentCursorKey(), nonce);
  const sealed = Buffer.concat([cipher.update(JSON.stringify([cursor.key, cursor.id]), 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The position inside a cursor this agency handed out; anything else: BAD_USER_INPUT naming `field`. */
export function decodeCursor(value: string, field = 'after'): Cursor {
  try {
    const raw = Buffer.from(value, 'base64url');
    if (raw.length > NONCE_BYTES + TAG_BYTES) {
      const decipher = createDecipheriv('aes-256-gcm', currentCursorKey(), raw.subarray(0, NONCE_BYTES));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      const parsed: unknown = JSON.parse(plain);
      if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === 'string')) {
        return { key: parsed[0] as string, id: parsed[1] as string };
      }
    }
  } catch {
    // fall through to the coded error: not base64, not ours (authentication failed), not JSON
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
 * whether a next page exists. Each cursor is sealed when first read (the default field
 * resolver reads `cursor`, `startCursor` and `endCursor` only when a client selects them), then
 * kept: sealing costs a nonce and an AES-GCM encryption per row, which a list that asks for its
 * nodes alone should not pay. Read inside the request, like the rest of the answer.
 */
export function toConnection<T>(rows: readonly T[], page: Page, cursorOf: (row: T) => Cursor): Connection<T> {
  const edges = rows.slice(0, page.limit).map((node) => lazyEdge(node, cursorOf));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.after !== null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
  };
}

/** An edge whose cursor is sealed on first read, and the same string after. */
function lazyEdge<T>(node: T, cursorOf: (row: T) => Cursor): Edge<T> {
  let sealed: string | undefined;
  return {
    node,
    get cursor() {
      sealed ??= encodeCursor(cursorOf(node));
      return sealed;
    },
  };
}
