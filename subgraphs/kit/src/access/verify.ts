import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/database.ts';
import type { AgencyKeyring } from '../keys/keyring.ts';
import { loadAccessRules } from './agency-log.ts';
import { auditLog, type AuditedItem, type AuditReport } from './audit.ts';
import { anchorLeaf, canonicalRecord, isoInstant, recordLeaf, type Seal } from './hash.ts';
import { LEDGER_AGENCY, LEDGER_SCOPE } from './ledger.ts';
import { listSeals } from './sealer.ts';
import { agencyAccessTables } from './wiring.ts';

type AnyExecutor = Executor<Record<string, unknown>>;

export interface VerifyOptions {
  keyring: AgencyKeyring;
  /** @default new Date() */
  now?: Date;
  /** Slack on top of the seal delay. @default 5_000 */
  graceMs?: number;
}

const inRange = (xid: PgColumn, from: string, to: string) => and(sql`${xid} >= ${from}::xid8`, sql`${xid} < ${to}::xid8`);
const fromXid = (xid: PgColumn, from: string) => sql`${xid} >= ${from}::xid8`;

/** Seals of `agency` as the ledger anchored them. */
async function anchorsOf(ledgerDb: AnyExecutor, agency: string): Promise<Seal[]> {
  const a = agencyAccessTables(LEDGER_AGENCY).ledger.ledgerAnchors;
  const rows = await ledgerDb.select().from(a).where(eq(a.agency, agency)).orderBy(asc(a.seq));
  return rows.map((r) => ({
    seq: r.seq,
    xidFrom: r.xidFrom,
    xidTo: r.xidTo,
    firstId: String(r.firstId),
    lastId: String(r.lastId),
    recordCount: r.recordCount,
    recordsRoot: r.recordsRoot,
    prevRoot: r.prevRoot,
    root: r.root,
    sealedAt: isoInstant(r.sealedAt) ?? r.sealedAt,
    keyId: r.keyId,
    signature: r.signature,
  }));
}

/** The ledger's copies of an agency's records, of one seal or of a transaction-id range. */
async function ledgerCopies(ledgerDb: AnyExecutor, agency: string, where: { seq: number } | { from: string; to: string }): Promise<AuditedItem[]> {
  const r = agencyAccessTables(LEDGER_AGENCY).ledger.ledgerRecords;
  const rows = await ledgerDb
    .select()
    .from(r)
    .where(and(eq(r.agency, agency), 'seq' in where ? eq(r.sealSeq, where.seq) : inRange(r.xid, where.from, where.to)))
    .orderBy(asc(r.xid), asc(r.recordId));
  return rows.map((row) => ({ id: String(row.recordId), leaf: recordLeaf(canonicalRecord({ ...row, id: row.recordId })) }));
}

/**
 * `audit:verify <agency>`: the agency's seals and records in its own database, and its seals
 * against the roots (and record copies) anchored in the ledger, when `ledgerDb` is given.
 */
export async function verifyAgency(agency: string, db: AnyExecutor, ledgerDb: AnyExecutor | null, options: VerifyOptions): Promise<AuditReport> {
  const { access } = agencyAccessTables(agency);
  const t = access.accessRecords;
  const rules = await loadAccessRules(db, access);
  return auditLog(
    {
      scope: agency,
      signer: agency,
      seals: await listSeals(db, access.accessSeals),
      async itemsIn(from, to) {
        const rows = await db.select().from(t).where(inRange(t.xid, from, to)).orderBy(asc(t.xid), asc(t.id));
        return rows.map((row) => ({ id: String(row.id), leaf: recordLeaf(row) }));
      },
      async unsealedBefore(from, before) {
        const rows = await db.select({ id: t.id, at: t.at }).from(t).where(and(fromXid(t.xid, from), lt(t.at, before.toISOString()))).orderBy(asc(t.id)).limit(20);
        return rows.map((r) => ({ id: String(r.id), at: isoInstant(r.at) ?? r.at }));
      },
      anchored: ledgerDb ? await anchorsOf(ledgerDb, agency) : null,
      ...(ledgerDb ? { copiesOf: (seq: number) => ledgerCopies(ledgerDb, agency, { seq }) } : {}),
    },
    options.keyring,
    { sealDelayMs: rules.sealDelayMs, ...(options.now ? { now: options.now } : {}), ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}) },
  );
}

/**
 * `audit:verify ledger`: the ledger's own seals over its anchors (and against the roots
 * migration anchored, when `anchorDb` is given), then every agency's anchored seals against
 * the ledger's copies of their records.
 */
export async function verifyLedger(ledgerDb: AnyExecutor, anchorDb: AnyExecutor | null, options: VerifyOptions): Promise<AuditReport> {
  const { ledger, access } = agencyAccessTables(LEDGER_AGENCY);
  const a = ledger.ledgerAnchors;
  const rules = await loadAccessRules(ledgerDb, access);
  const timing = { sealDelayMs: rules.sealDelayMs, ...(options.now ? { now: options.now } : {}), ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}) };
  const roots = anchorDb ? await listSeals(anchorDb, agencyAccessTables('migration').ledgerRoots.ledgerRoots) : null;
  const report = await auditLog(
    {
      scope: LEDGER_SCOPE,
      signer: LEDGER_AGENCY,
      seals: await listSeals(ledgerDb, ledger.ledgerSeals),
      async itemsIn(from, to) {
        const rows = await ledgerDb.select().from(a).where(inRange(a.xid, from, to)).orderBy(asc(a.xid), asc(a.id));
        return rows.map((row) => ({ id: String(row.id), leaf: anchorLeaf(row) }));
      },
      async unsealedBefore(from, before) {
        const rows = await ledgerDb.select({ id: a.id, at: a.receivedAt }).from(a).where(and(fromXid(a.xid, from), lt(a.receivedAt, before.toISOString()))).limit(20);
        return rows.map((r) => ({ id: String(r.id), at: isoInstant(r.at) ?? r.at }));
      },
      anchored: roots,
    },
    options.keyring,
    timing,
  );
  const agencies = await ledgerDb.selectDistinct({ agency: a.agency }).from(a).orderBy(asc(a.agency));
  for (const { agency } of agencies) {
    const anchored = await auditLog(
      {
        scope: agency,
        signer: agency,
        seals: await anchorsOf(ledgerDb, agency),
        itemsIn: (from, to) => ledgerCopies(ledgerDb, agency, { from, to }),
        unsealedBefore: () => Promise.resolve([]),
        anchored: null,
      },
      options.keyring,
      timing,
    );
    report.problems.push(...anchored.problems);
  }
  return report;
}
