import { and, asc, count, desc, eq, inArray, lt, lte, ne, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/database.ts';
import { afterCursor, type Page } from '../pagination.ts';
import type { DeliveryState, EventTables, InboxRow, InboxState } from './tables.ts';

type Db = Executor<Record<string, unknown>>;

/** A delivery as the relay and the operators see it: the delivery row with its event's facts. */
export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  aggregateId: string;
  producer: string;
  subscriber: string;
  seq: number;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  occurredAt: string;
  deliveredAt: string | null;
}

/** A claimed delivery carries the payload it must send. */
export interface ClaimedDelivery extends DeliveryView {
  payload: unknown;
}

function deliveryColumns(tables: EventTables) {
  const { outbox: o, outboxDeliveries: d } = tables;
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: o.type,
    aggregateId: d.aggregateId,
    producer: o.producer,
    subscriber: d.subscriber,
    seq: d.seq,
    state: d.state,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    lastError: d.lastError,
    occurredAt: o.occurredAt,
    deliveredAt: d.deliveredAt,
  };
}

/**
 * A delivery the relay may send (now or when its `next_attempt_at` comes): open, and no
 * earlier event of the same aggregate to the same subscriber is undelivered (pending, failing
 * or dead), so that order per aggregate is kept.
 */
function sendable(db: Db, tables: EventTables) {
  const { outboxDeliveries: d } = tables;
  const earlier = alias(d, 'earlier');
  return and(
    inArray(d.state, ['PENDING', 'FAILED']),
    notExists(
      db
        .select({ one: sql`1` })
        .from(earlier)
        .where(and(eq(earlier.subscriber, d.subscriber), eq(earlier.aggregateId, d.aggregateId), lt(earlier.seq, d.seq), ne(earlier.state, 'DELIVERED'))),
    ),
  );
}

/**
 * Locks up to `limit` due deliveries for this transaction, oldest event first. Rows another
 * relay holds are skipped (`SKIP LOCKED`), and a delivery is not due while an earlier event of
 * the same aggregate to the same subscriber is undelivered (pending, failing or dead), so a
 * batch holds at most one delivery per (subscriber, aggregate) and order is kept. Two
 * statements: the lock is taken on the delivery rows alone (PostgreSQL's `FOR UPDATE OF`
 * does not take the schema-qualified name drizzle writes), then the events are read.
 */
export async function claimDueDeliveries(db: Db, params: { tables: EventTables; limit: number }): Promise<ClaimedDelivery[]> {
  const { outbox: o, outboxDeliveries: d } = params.tables;
  const claimed = await db
    .select()
    .from(d)
    .where(and(sendable(db, params.tables), lte(d.nextAttemptAt, sql`now()`)))
    .orderBy(asc(d.seq), asc(d.id))
    .limit(params.limit)
    .for('update', { skipLocked: true });
  if (claimed.length === 0) return [];
  const events = await db
    .select({ id: o.id, type: o.type, producer: o.producer, occurredAt: o.occurredAt, payload: o.payload })
    .from(o)
    .where(inArray(o.id, [...new Set(claimed.map((c) => c.eventId))]));
  const byId = new Map(events.map((e) => [e.id, e]));
  return claimed.flatMap((c) => {
    const e = byId.get(c.eventId);
    // The foreign key guarantees the event; a miss would be a bug, and sending nothing is safe.
    if (!e) return [];
    return [
      {
        id: c.id,
        eventId: c.eventId,
        eventType: e.type,
        aggregateId: c.aggregateId,
        producer: e.producer,
        subscriber: c.subscriber,
        seq: c.seq,
        state: c.state,
        attempts: c.attempts,
        nextAttemptAt: c.nextAttemptAt,
        lastError: c.lastError,
        occurredAt: e.occurredAt,
        deliveredAt: c.deliveredAt,
        payload: e.payload,
      },
    ];
  });
}

export async function markDelivered(db: Db, params: { tables: EventTables; ids: string[] }): Promise<void> {
  if (params.ids.length === 0) return;
  const { outboxDeliveries: d } = params.tables;
  await db
    .update(d)
    .set({ state: 'DELIVERED', attempts: sql`${d.attempts} + 1`, deliveredAt: sql`now()`, lastError: null })
    .where(inArray(d.id, params.ids));
}

/** Records a failed attempt: FAILED with the next attempt `delayMs` from now, or DEAD. */
export async function markFailed(
  db: Db,
  params: { tables: EventTables; id: string; dead: boolean; delayMs: number; error: string },
): Promise<void> {
  const { outboxDeliveries: d } = params.tables;
  await db
    .update(d)
    .set({
      state: params.dead ? 'DEAD' : 'FAILED',
      attempts: sql`${d.attempts} + 1`,
      lastError: params.error,
      nextAttemptAt: sql`now() + make_interval(secs => ${params.delayMs / 1000})`,
    })
    .where(eq(d.id, params.id));
}

/** Operators' list, oldest event first; `states` empty means every undelivered state. */
export async function listDeliveries(
  db: Db,
  params: { tables: EventTables; states: DeliveryState[]; page: Page },
): Promise<DeliveryView[]> {
  const { outbox: o, outboxDeliveries: d } = params.tables;
  return db
    .select(deliveryColumns(params.tables))
    .from(d)
    .innerJoin(o, eq(o.id, d.eventId))
    .where(and(inArray(d.state, params.states), afterCursor(d.seq, d.id, params.page.after, 'asc')))
    .orderBy(asc(d.seq), asc(d.id))
    .limit(params.page.limit + 1);
}

/** How many deliveries `listDeliveries` lists on all its pages (a delivery's event always exists: a foreign key). */
export async function countDeliveries(db: Db, params: { tables: EventTables; states: DeliveryState[] }): Promise<number> {
  const { outboxDeliveries: d } = params.tables;
  const [row] = await db.select({ n: count() }).from(d).where(inArray(d.state, params.states));
  return row?.n ?? 0;
}

export async function getDelivery(db: Db, params: { tables: EventTables; id: string }): Promise<DeliveryView | null> {
  const { outbox: o, outboxDeliveries: d } = params.tables;
  const [row] = await db.select(deliveryColumns(params.tables)).from(d).innerJoin(o, eq(o.id, d.eventId)).where(eq(d.id, params.id));
  return row ?? null;
}

/**
 * Puts a DEAD delivery back in the queue, due now, with a fresh allowance of attempts (its
 * last error stays until the next attempt). Returns false when the row is not DEAD (or does
 * not exist): the state check and the change are one statement, so two operators cannot both
 * retry it.
 */
export async function requeueDeadDelivery(db: Db, params: { tables: EventTables; id: string }): Promise<boolean> {
  const { outboxDeliveries: d } = params.tables;
  const rows = await db
    .update(d)
    .set({ state: 'PENDING', attempts: 0, nextAttemptAt: sql`now()` })
    .where(and(eq(d.id, params.id), eq(d.state, 'DEAD')))
    .returning({ id: d.id });
  return rows.length > 0;
}

export async function countWrittenByType(db: Db, params: { tables: EventTables }): Promise<{ type: string; count: number }[]> {
  const { outbox: o } = params.tables;
  return db.select({ type: o.type, count: count() }).from(o).groupBy(o.type);
}

export async function countOpenDeliveriesByState(db: Db, params: { tables: EventTables }): Promise<{ state: string; count: number }[]> {
  const { outboxDeliveries: d } = params.tables;
  return db.select({ state: d.state, count: count() }).from(d).where(ne(d.state, 'DELIVERED')).groupBy(d.state);
}

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

/**
 * Milliseconds until the earliest sendable delivery is due (0 when one is due now), or null
 * when nothing is waiting: how long an idle relay may sleep before it must look again.
 */
export async function msUntilNextDue(db: Db, params: { tables: EventTables }): Promise<number | null> {
  const { outboxDeliveries: d } = params.tables;
  const [row] = await db
    .select({ ms: sql<string | null>`extract(epoch from (min(${d.nextAttemptAt}) - now())) * 1000` })
    .from(d)
    .where(sendable(db, params.tables));
  // Not `greatest(0, …)` in SQL: it ignores a NULL and would turn "nothing waiting" into "due now".
  return row?.ms == null ? null : Math.max(0, Math.ceil(Number(row.ms)));
}

/**
 * Deletes, oldest first and at most `limit` of each, the events whose every delivery was
 * acknowledged (or that nobody receives) and that are older than `olderThanDays`, with their
 * delivery rows; and the inbox entries PROCESSED that long ago. Never touched: an event with a
 * delivery still pending, failing or dead, and a FAILED or POISON inbox entry — what operators
 * and auditors look at. (The effects themselves live in the agency's own tables, and reads of
 * personal data in the access log, neither of which is pruned.)
 * @returns how many outbox and inbox rows were deleted
 */
export async function pruneEvents(
  db: Db,
  params: { tables: EventTables; olderThanDays: number; limit: number },
): Promise<{ outbox: number; inbox: number }> {
  const { outbox: o, outboxDeliveries: d, inbox } = params.tables;
  const cutoff = sql`now() - make_interval(days => ${params.olderThanDays})`;
  // One statement: the deliveries and their events go together (the foreign key is checked at its end).
  const events = await db.execute<{ id: string }>(sql`
    with doomed as (
      select ${o.id} as id from ${o}
      where ${o.occurredAt} < ${cutoff}
        and not exists (select 1 from ${d} where ${d.eventId} = ${o.id} and (${d.state} <> 'DELIVERED' or ${d.deliveredAt} >= ${cutoff}))
      order by ${o.seq}
      limit ${params.limit}
    ), gone as (
      delete from ${d} where ${d.eventId} in (select id from doomed)
    )
    delete from ${o} where ${o.id} in (select id from doomed) returning ${o.id} as id`);
  const received = await db.execute<{ id: string }>(sql`
    delete from ${inbox} where ${inbox.eventId} in (
      select ${inbox.eventId} from ${inbox}
      where ${inbox.state} = 'PROCESSED' and ${inbox.processedAt} < ${cutoff}
      order by ${inbox.processedAt}
      limit ${params.limit}
    ) returning ${inbox.eventId} as id`);
  return { outbox: events.length, inbox: received.length };
}
