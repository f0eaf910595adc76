import { and, count, desc, eq, gte, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SecurityDb } from '../../db/index.ts';
import { ledgerDisclosures, ledgerRecords } from '../../db/schema.ts';

/** A consolidated record with its disclosure, if any. */
export type LedgerEntryRow = typeof ledgerRecords.$inferSelect & { disclosedAt: string | null };

/** Which entries a nomad's access log lists, on every page. */
export interface AccessLogFilter {
  subjectId: string;
  from?: string | undefined;
  to?: string | undefined;
  agency?: string | undefined;
  /** The nomad's own view: no reads by themself, no read still withheld. */
  asSubject: boolean;
}

export interface AccessLogParams extends AccessLogFilter {
  /** Keyset: entries strictly older than this (at, agency, record id). */
  after?: { at: string; agency: string; recordId: number } | undefined;
  limit: number;
}

const SELECTION = { record: ledgerRecords, disclosedAt: ledgerDisclosures.disclosedAt };

function joined(db: SecurityDb) {
  return db
    .select(SELECTION)
    .from(ledgerRecords)
    .leftJoin(ledgerDisclosures, and(eq(ledgerDisclosures.agency, ledgerRecords.agency), eq(ledgerDisclosures.recordId, ledgerRecords.recordId)));
}

/** One page of a nomad's access log, newest first (one statement, on `ledger_records_subject_idx`). */
function accessLogConditions(p: AccessLogFilter): SQL | undefined {
  const r = ledgerRecords;
  return and(
    eq(r.subjectId, p.subjectId),
    p.from ? gte(r.at, p.from) : undefined,
    p.to ? lt(r.at, p.to) : undefined,
    p.agency ? eq(r.agency, p.agency) : undefined,
    p.asSubject ? eq(r.bySubject, false) : undefined,
    p.asSubject ? or(isNull(r.hiddenUntil), lte(r.hiddenUntil, sql`now()`), isNotNull(ledgerDisclosures.disclosedAt)) : undefined,
  );
}

export async function listAccessLog(db: SecurityDb, p: AccessLogParams): Promise<LedgerEntryRow[]> {
  const r = ledgerRecords;
  const rows = await joined(db)
    .where(
      and(
        accessLogConditions(p),
        p.after ? sql`(${r.at}, ${r.agency}, ${r.recordId}) < (${p.after.at}::timestamptz, ${p.after.agency}, ${p.after.recordId})` : undefined,
      ),
    )
    .orderBy(desc(r.at), desc(r.agency), desc(r.recordId))
    .limit(p.limit);
  return rows.map((row) => ({ ...row.record, disclosedAt: row.disclosedAt }));
}

/** How many entries `listAccessLog` lists on all its pages (one statement). */
export async function countAccessLog(db: SecurityDb, p: AccessLogFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(ledgerRecords)
    .leftJoin(ledgerDisclosures, and(eq(ledgerDisclosures.agency, ledgerRecords.agency), eq(ledgerDisclosures.recordId, ledgerRecords.recordId)))
    .where(accessLogConditions(p));
  return row?.n ?? 0;
}

/** Records by (agency, record id), with their disclosures. */
export async function getLedgerEntries(db: SecurityDb, params: { keys: { agency: string; recordId: number }[] }): Promise<LedgerEntryRow[]> {
  if (params.keys.length === 0) return [];
  const r = ledgerRecords;
  const rows = await joined(db).where(
    or(...params.keys.map((k) => and(eq(r.agency, k.agency), eq(r.recordId, k.recordId)))),
  );
  return rows.map((row) => ({ ...row.record, disclosedAt: row.disclosedAt }));
}

/** Discloses records early; a record already disclosed keeps its first disclosure. */
export async function insertDisclosures(
  db: SecurityDb,
  params: { keys: { agency: string; recordId: number }[]; by: string; note: string | null },
): Promise<void> {
  if (params.keys.length === 0) return;
  await db
    .insert(ledgerDisclosures)
    .values(params.keys.map((k) => ({ agency: k.agency, recordId: k.recordId, disclosedBy: params.by, note: params.note })))
    .onConflictDoNothing();
}
