import { and, asc, count, eq, inArray, lt, lte, ne, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/database.ts';
import { afterCursor, type Page } from '../../pagination.ts';
import type { DeliveryState, EventTables } from '../tables.ts';

// The outbox deliveries: what the relay claims and records, and what operators list and retry.

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

export async function countOpenDeliveriesByState(db: Db, params: { tables: EventTables }): Promise<{ state: string; count: number }[]> {
  const { outboxDeliveries: d } = params.tables;
  return db.select({ state: d.state, count: count() }).from(d).where(ne(d.state, 'DELIVERED')).groupBy(d.state);
}
