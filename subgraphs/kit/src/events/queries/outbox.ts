import { count, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import type { EventTables } from '../tables.ts';

// The outbox as a whole: events written by type (a metric) and the retention that prunes it (and the inbox).

type Db = Executor<Record<string, unknown>>;

export async function countWrittenByType(db: Db, params: { tables: EventTables }): Promise<{ type: string; count: number }[]> {
  const { outbox: o } = params.tables;
  return db.select({ type: o.type, count: count() }).from(o).groupBy(o.type);
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
