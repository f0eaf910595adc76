import { createHash } from 'node:crypto';
import DataLoader from 'dataloader';
import { asc, eq, sql } from 'drizzle-orm';
import type { Principal } from '../auth.ts';
import type { Executor } from '../db/database.ts';
import type { AccessLogTables } from './table.ts';
import { parsePgTimestamp } from '../graphql/shared.ts';

/** Who is reading, and why: taken from the request. */
export interface ReadRequest {
  principal: Principal;
  purpose: string | null;
  requestId: string;
  operationName: string | null;
}

export interface AccessRecordInput {
  at: string;
  requestId: string;
  principalSub: string;
  principalRoles: string[];
  purpose: string | null;
  operation: string;
  subjectId: string;
  fields: string[];
}

export const GENESIS_HASH = '0'.repeat(64);

/** PostgreSQL prints `2026-11-24 21:50:00.123+00`; the hash is over the ISO form of the instant. */
function toIsoInstant(value: string): string {
  const d = parsePgTimestamp(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** The chain hash of a record: sha256 over the previous hash and the record's canonical JSON. */
export function chainHash(prevHash: string, record: AccessRecordInput): string {
  const canonical = JSON.stringify([
    toIsoInstant(record.at),
    record.requestId,
    record.principalSub,
    [...record.principalRoles].sort(),
    record.purpose,
    record.operation,
    record.subjectId,
    [...record.fields].sort(),
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/**
 * Appends records in one transaction: lock the head, chain the hashes, insert, move the head.
 * Three statements whatever the number of records.
 */
export async function appendAccessRecords(
  db: Executor<Record<string, unknown>>,
  tables: AccessLogTables,
  records: AccessRecordInput[],
): Promise<void> {
  if (records.length === 0) return;
  const { accessLog, accessLogHead } = tables;
  await db.transaction(async (tx) => {
    const [head] = await tx
      .insert(accessLogHead)
      .values({ id: 1, hash: GENESIS_HASH })
      .onConflictDoUpdate({ target: accessLogHead.id, set: { id: sql`${accessLogHead.id}` } })
      .returning({ hash: accessLogHead.hash });
    let prev = head?.hash ?? GENESIS_HASH;
    const rows = records.map((r) => {
      const hash = chainHash(prev, r);
      const row = { ...r, prevHash: prev, hash };
      prev = hash;
      return row;
    });
    await tx.insert(accessLog).values(rows);
    await tx.update(accessLogHead).set({ hash: prev }).where(eq(accessLogHead.id, 1));
  });
}

/**
 * Re-computes the chain from the first record: returns the sequence number of the first
 * record whose hash does not follow, or null when the whole chain holds.
 */
export async function verifyAccessChain(
  db: Executor<Record<string, unknown>>,
  tables: AccessLogTables,
): Promise<{ ok: true; records: number } | { ok: false; brokenAt: number }> {
  const rows = await db.select().from(tables.accessLog).orderBy(asc(tables.accessLog.seq));
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const expected = chainHash(prev, {
      at: row.at,
      requestId: row.requestId,
      principalSub: row.principalSub,
      principalRoles: row.principalRoles,
      purpose: row.purpose,
      operation: row.operation,
      subjectId: row.subjectId,
      fields: row.fields,
    });
    if (row.prevHash !== prev || row.hash !== expected) return { ok: false, brokenAt: row.seq };
    prev = row.hash;
  }
  return { ok: true, records: rows.length };
}

/**
 * Per request: personal-field resolvers call `record(subjectId, field)` and await it before
 * returning the value. All fields read in one tick are written as one batch, one record per
 * subject, before any of them is returned: no record, no data.
 */
export function createAccessRecorder(
  db: Executor<Record<string, unknown>>,
  tables: AccessLogTables,
  request: ReadRequest,
  now: () => Date = () => new Date(),
): { record(subjectId: string, field: string): Promise<void> } {
  const loader = new DataLoader<string, true>(async (keys) => {
    const bySubject = new Map<string, Set<string>>();
    for (const key of keys) {
      const sep = key.indexOf('\u0000');
      const subject = key.slice(0, sep);
      const fields = bySubject.get(subject) ?? new Set<string>();
      fields.add(key.slice(sep + 1));
      bySubject.set(subject, fields);
    }
    const at = now().toISOString();
    await appendAccessRecords(
      db,
      tables,
      [...bySubject].map(([subjectId, fields]) => ({
        at,
        requestId: request.requestId,
        principalSub: request.principal.sub,
        principalRoles: request.principal.roles,
        purpose: request.purpose,
        operation: request.operationName ?? 'anonymous',
        subjectId,
        fields: [...fields].sort(),
      })),
    );
    return keys.map(() => true as const);
  });
  return {
    async record(subjectId, field) {
      await loader.load(`${subjectId}\u0000${field}`);
    },
  };
}
