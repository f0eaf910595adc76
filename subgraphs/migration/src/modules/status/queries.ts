import { and, asc, count, eq, gte, lte, sql } from 'drizzle-orm';
import { anyOf, assertCursor, prepared } from '@nomad/kit';
import type { MigrationDb } from '../../db/index.ts';
import { nomads, statusEvents, statusPeriods, type NomadRow, type StatusEventRow, type StatusPeriodRow } from '../../db/schema.ts';

const periodsByNomadIds = prepared((db: MigrationDb) =>
  db.select().from(statusPeriods).where(anyOf(statusPeriods.nomadId, 'nomadIds')).orderBy(asc(statusPeriods.validFrom)).prepare('status_periods_by_nomad_ids'),
);

export async function getPeriodsByNomadIds(db: MigrationDb, params: { nomadIds: readonly string[] }): Promise<StatusPeriodRow[]> {
  if (params.nomadIds.length === 0) return [];
  return periodsByNomadIds(db, { nomadIds: [...params.nomadIds] });
}

const eventsByNomadIds = prepared((db: MigrationDb) =>
  db.select().from(statusEvents).where(anyOf(statusEvents.nomadId, 'nomadIds')).orderBy(asc(statusEvents.seq)).prepare('status_events_by_nomad_ids'),
);

export async function getEventsByNomadIds(db: MigrationDb, params: { nomadIds: readonly string[] }): Promise<StatusEventRow[]> {
  if (params.nomadIds.length === 0) return [];
  return eventsByNomadIds(db, { nomadIds: [...params.nomadIds] });
}

/** Locks the nomad's row: status changes of one nomad happen one at a time. */
export async function lockNomad(db: MigrationDb, params: { nomadId: string }): Promise<NomadRow | undefined> {
  const [row] = await db.select().from(nomads).where(eq(nomads.id, params.nomadId)).for('update');
  return row;
}

export async function insertPeriod(db: MigrationDb, params: { period: typeof statusPeriods.$inferInsert }): Promise<StatusPeriodRow> {
  const [row] = await db.insert(statusPeriods).values(params.period).returning();
  if (!row) throw new Error('insert of status period returned no row');
  return row;
}

export async function insertStatusEvent(db: MigrationDb, params: { event: typeof statusEvents.$inferInsert }): Promise<StatusEventRow> {
  const [row] = await db.insert(statusEvents).values(params.event).returning();
  if (!row) throw new Error('insert of status event returned no row');
  return row;
}

/**
 * Nomads whose chain of periods ends between `from` and `to` (inclusive), soonest first,
 * with keyset pagination on (last day, nomad id). Revoked chains are excluded.
 */
/** Each nomad's last day of status, and the conditions that make it expire in [from, to] unrevoked. */
function expiringEnds(db: MigrationDb, params: { from: string; to: string }) {
  const ends = db
    .select({
      nomadId: statusPeriods.nomadId,
      validUntil: sql<string>`max(${statusPeriods.validUntil})`.as('valid_until'),
    })
    .from(statusPeriods)
    .groupBy(statusPeriods.nomadId)
    .as('ends');
  const conditions = [
    gte(ends.validUntil, params.from),
    lte(ends.validUntil, params.to),
    sql`not exists (select 1 from ${statusEvents} r where r.nomad_id = ${ends.nomadId} and r.kind = 'REVOKED' and r.effective_on <= ${ends.validUntil} and r.effective_on >= (select max(p.valid_from) from ${statusPeriods} p where p.nomad_id = ${ends.nomadId} and p.kind in ('INITIAL_60_DAYS', 'PILOT_2022_2024')))`,
  ];
  return { ends, conditions };
}

export async function listExpiring(
  db: MigrationDb,
  params: { from: string; to: string; after: { key: string; id: string } | null; limit: number },
): Promise<{ nomadId: string; validUntil: string }[]> {
  if (params.after) assertCursor(params.after, { key: 'date', id: 'uuid' });
  const { ends, conditions } = expiringEnds(db, params);
  return db
    .select({ nomadId: ends.nomadId, validUntil: ends.validUntil })
    .from(ends)
    .where(
      and(
        ...conditions,
        params.after
          ? sql`(${ends.validUntil}, ${ends.nomadId}) > (${params.after.key}::date, ${params.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(ends.validUntil), asc(ends.nomadId))
    .limit(params.limit + 1);
}

/** How many nomads `listExpiring` would return on all pages, with the same conditions. */
export async function countExpiring(db: MigrationDb, params: { from: string; to: string }): Promise<number> {
  const { ends, conditions } = expiringEnds(db, params);
  const [row] = await db.select({ n: count() }).from(ends).where(and(...conditions));
  return row?.n ?? 0;
}

/**
 * Periods that ended before `today` with no expiry recorded, and that are the last of their
 * nomad's chain: the expiry sweeper records them.
 */
export async function findUnrecordedExpiries(db: MigrationDb, params: { today: string; limit: number }): Promise<StatusPeriodRow[]> {
  return db
    .select()
    .from(statusPeriods)
    .where(
      and(
        sql`${statusPeriods.validUntil} < ${params.today}::date`,
        sql`not exists (select 1 from ${statusPeriods} later where later.nomad_id = ${statusPeriods.nomadId} and later.valid_from > ${statusPeriods.validUntil})`,
        sql`not exists (select 1 from ${statusEvents} e where e.period_id = ${statusPeriods.id} and e.kind = 'EXPIRED')`,
        // …and whose chain was not revoked (a revocation ends the status before expiry can).
        sql`not exists (select 1 from ${statusEvents} r where r.nomad_id = ${statusPeriods.nomadId} and r.kind = 'REVOKED' and r.effective_on <= ${statusPeriods.validUntil} and r.effective_on >= (select max(s.valid_from) from ${statusPeriods} s where s.nomad_id = ${statusPeriods.nomadId} and s.kind in ('INITIAL_60_DAYS', 'PILOT_2022_2024') and s.valid_from <= ${statusPeriods.validUntil}))`,
      ),
    )
    .limit(params.limit);
}

/**
 * Records the expiry of a period unless one is recorded already (a unique index allows one per
 * period, so concurrent sweepers record it once). Returns whether this call recorded it.
 */
export async function insertExpiryOnce(db: MigrationDb, params: { nomadId: string; periodId: string; effectiveOn: string; at: string }): Promise<boolean> {
  const rows = await db
    .insert(statusEvents)
    .values({ nomadId: params.nomadId, kind: 'EXPIRED', effectiveOn: params.effectiveOn, actor: 'system', periodId: params.periodId, at: params.at })
    .onConflictDoNothing()
    .returning({ id: statusEvents.id });
  return rows.length > 0;
}
