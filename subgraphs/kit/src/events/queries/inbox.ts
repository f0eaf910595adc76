import { and, count, desc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { afterCursor, type Page } from '../../pagination.ts';
import type { EventTables, InboxRow, InboxState } from '../tables.ts';

// The inbox: a received event's receipt, recorded in the handler's transaction, and the failures operators list.

type Db = Executor<Record<string, unknown>>;

/** What the inbox records of a received event. */
export interface InboxEntry {
  eventId: string;
  eventType: string;
  producer: string;
  aggregateId: string;
}

/**
 * Marks the event PROCESSED in the handler's transaction, unless it already is. Returns false
 * for an event already processed: a duplicate, to acknowledge without a second effect. A
 * concurrent receipt of the same id waits on the primary key until this transaction ends,
 * then sees PROCESSED (or, if this one rolled back, processes it itself).
 */
export async function claimInboxEntry(db: Db, params: { tables: EventTables; entry: InboxEntry }): Promise<boolean> {
  const { inbox } = params.tables;
  const rows = await db
    .insert(inbox)
    .values({ ...params.entry, state: 'PROCESSED', processedAt: sql`now()` })
    .onConflictDoUpdate({
      target: inbox.eventId,
      set: {
        state: 'PROCESSED',
        processedAt: sql`now()`,
        attempts: sql`${inbox.attempts} + 1`,
        lastReceivedAt: sql`now()`,
      },
      setWhere: ne(inbox.state, 'PROCESSED'),
    })
    .returning({ eventId: inbox.eventId });
  return rows.length > 0;
}

/**
 * Notes, on an entry just claimed PROCESSED in this transaction, why the handler applied
 * nothing (an ignored fact: a repeat, an outcome older than the one recorded). The entry stays
 * PROCESSED: the fact was received and needs nothing more.
 */
export async function noteIgnoredEvent(db: Db, params: { tables: EventTables; eventId: string; reason: string }): Promise<void> {
  const { inbox } = params.tables;
  await db.update(inbox).set({ lastError: `IGNORED: ${params.reason}` }).where(eq(inbox.eventId, params.eventId));
}

/**
 * Records a receipt that had no effect (handler threw, or the payload was refused), keeping
 * the last error. Returns false when the event is already PROCESSED (then nothing changes).
 */
export async function recordInboxFailure(
  db: Db,
  params: { tables: EventTables; entry: InboxEntry; state: Exclude<InboxState, 'PROCESSED'>; error: string },
): Promise<boolean> {
  const { inbox } = params.tables;
  const rows = await db
    .insert(inbox)
    .values({ ...params.entry, state: params.state, lastError: params.error })
    .onConflictDoUpdate({
      target: inbox.eventId,
      set: { state: params.state, lastError: params.error, attempts: sql`${inbox.attempts} + 1`, lastReceivedAt: sql`now()` },
      setWhere: ne(inbox.state, 'PROCESSED'),
    })
    .returning({ eventId: inbox.eventId });
  return rows.length > 0;
}

/** Received events without effect (FAILED, POISON), newest first (by first receipt, which never moves, so pages are stable). */
export async function listInboxFailures(db: Db, params: { tables: EventTables; page: Page }): Promise<InboxRow[]> {
  const { inbox } = params.tables;
  return db
    .select()
    .from(inbox)
    .where(and(ne(inbox.state, 'PROCESSED'), afterCursor(inbox.firstReceivedAt, inbox.eventId, params.page.after, 'desc')))
    .orderBy(desc(inbox.firstReceivedAt), desc(inbox.eventId))
    .limit(params.page.limit + 1);
}

/** How many entries `listInboxFailures` lists on all its pages. */
export async function countInboxFailures(db: Db, params: { tables: EventTables }): Promise<number> {
  const { inbox } = params.tables;
  const [row] = await db.select({ n: count() }).from(inbox).where(ne(inbox.state, 'PROCESSED'));
  return row?.n ?? 0;
}
