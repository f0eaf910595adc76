import { and, asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../db/database.ts';
import { publishEvent } from '../events/outbox.ts';
import type { EventTables } from '../events/tables.ts';
import { canonicalRecord, recordLeaf, type CanonicalRecord } from './hash.ts';
import type { SealableLog, SealableRow } from './sealer.ts';
import type { AccessLogTables } from './table.ts';

type AnyExecutor = Executor<Record<string, unknown>>;

const HORIZON = sql<string>`pg_snapshot_xmin(pg_current_snapshot())::text`;

/** The records with `xid` in [from, horizon), in seal order, and the horizon: one statement. */
export async function recordsSince(
  tx: AnyExecutor,
  tables: Pick<AccessLogTables, 'accessRecords'>,
  from: string,
  limit: number,
): Promise<{ rows: SealableRow<CanonicalRecord>[]; horizon: string }> {
  const t = tables.accessRecords;
  const rows = await tx
    .select({ record: t, horizon: HORIZON })
    .from(t)
    .where(and(sql`${t.xid} >= ${from}::xid8`, sql`${t.xid} < pg_snapshot_xmin(pg_current_snapshot())`))
    .orderBy(asc(t.xid), asc(t.id))
    .limit(limit);
  // With no row the horizon is not needed: nothing is sealed.
  return {
    rows: rows.map((r) => ({ id: String(r.record.id), xid: r.record.xid, row: canonicalRecord(r.record) })),
    horizon: rows[0]?.horizon ?? from,
  };
}

/** An agency's access log as the sealer sees it: sealed batches go to the ledger as `AccessSealed`. */
export function agencyAccessLog(options: { agency: string; tables: AccessLogTables; events: EventTables }): SealableLog<CanonicalRecord> {
  const { agency, tables, events } = options;
  return {
    scope: agency,
    seals: tables.accessSeals,
    batch: (tx, from, limit) => recordsSince(tx, tables, from, limit),
    leaf: recordLeaf,
    publish: async (tx, seal, records) => {
      await publishEvent(tx, events, agency, { type: 'AccessSealed', aggregateId: `access-log:${agency}`, payload: { agency, seal, records } });
    },
  };
}

const AccessRules = z.object({
  seal_delay_ms: z.number().int().positive().default(1_000),
  seal_max_records: z.number().int().positive().max(5_000).default(500),
});

export interface AccessRuleValues {
  /** A record is sealed within this delay (rule `seal_delay_ms`). */
  sealDelayMs: number;
  /** Records per seal at most (rule `seal_max_records`). */
  sealMaxRecords: number;
}

/** The access log's rule values, validated: a bad row fails loudly. */
export async function loadAccessRules(db: AnyExecutor, tables: Pick<AccessLogTables, 'accessRules'>): Promise<AccessRuleValues> {
  const rows = await db.select({ key: tables.accessRules.key, value: tables.accessRules.value }).from(tables.accessRules);
  const r = AccessRules.parse(Object.fromEntries(rows.map((x) => [x.key, x.value])));
  return { sealDelayMs: r.seal_delay_ms, sealMaxRecords: r.seal_max_records };
}
