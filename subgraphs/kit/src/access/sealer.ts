import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/database.ts';
import type { AgencyKeyring } from '../keys/keyring.ts';
import type { Logger } from '../logger.ts';
import { GENESIS_ROOT, isoInstant, merkleRoot, sealRoot, type Seal, type SealHeader } from './hash.ts';

type AnyExecutor = Executor<Record<string, unknown>>;

/** A row of a sealed log, with the two columns the sealer orders and cuts by. */
export interface SealableRow<TRow> {
  id: string;
  xid: string;
  row: TRow;
}

/**
 * A log the sealer seals: an agency's `access_records`, or the ledger's `ledger_anchors`.
 *
 * Order with concurrent writers: ids come from a sequence, taken before commit, so a record
 * with a lower id may commit after one with a higher id. The sealer therefore never cuts by
 * id. Each row carries the id of the transaction that wrote it (`xid`, stamped by a trigger),
 * and a batch is every row whose `xid` lies in [the previous seal's `xidTo`, horizon), where
 * the horizon is `pg_snapshot_xmin(pg_current_snapshot())` taken in the same statement: every
 * transaction below it has ended, and no transaction can be given an id below it any more, so
 * the set of rows in the range is final when it is sealed. A row written by a transaction
 * still running waits for the next seal; none is ever skipped.
 */
export interface SealableLog<TRow> {
  /** What the root is bound to: the agency's name, or `ledger`. */
  scope: string;
  /** The seal table (columns of `access_seals`). */
  seals: PgTable;
  /**
   * The rows with `xid >= fromXid` and `xid < horizon`, in (xid, id) order, at most `limit`,
   * and the horizon, from ONE statement (the visibility snapshot and the horizon must agree).
   */
  batch(tx: AnyExecutor, fromXid: string, limit: number): Promise<{ rows: SealableRow<TRow>[]; horizon: string }>;
  /** The canonical bytes of a row. */
  leaf(row: TRow): string;
  /** Sends the seal out (the outbox, in the sealing transaction). */
  publish(tx: AnyExecutor, seal: Seal, rows: TRow[]): Promise<void>;
}

interface SealSqlRow extends Record<string, unknown> {
  seq: number;
  xid_from: string;
  xid_to: string;
  first_id: string;
  last_id: string;
  record_count: number;
  records_root: string;
  prev_root: string;
  root: string;
  sealed_at: string;
  key_id: string;
  signature: string;
}

function sealOf(r: SealSqlRow): Seal {
  return {
    seq: Number(r.seq),
    xidFrom: r.xid_from,
    xidTo: r.xid_to,
    firstId: r.first_id,
    lastId: r.last_id,
    recordCount: Number(r.record_count),
    recordsRoot: r.records_root,
    prevRoot: r.prev_root,
    root: r.root,
    sealedAt: isoInstant(r.sealed_at) ?? r.sealed_at,
    keyId: r.key_id,
    signature: r.signature,
  };
}

const SEAL_COLUMNS = sql.raw(
  'seq, xid_from::text as xid_from, xid_to::text as xid_to, first_id::text as first_id, last_id::text as last_id, record_count, records_root, prev_root, root, sealed_at::text as sealed_at, key_id, signature',
);

/** Every seal of a log, oldest first. */
export async function listSeals(db: AnyExecutor, seals: PgTable): Promise<Seal[]> {
  const rows = await db.execute<SealSqlRow>(sql`select ${SEAL_COLUMNS} from ${seals} order by seq`);
  return [...rows].map(sealOf);
}

async function lastSeal(db: AnyExecutor, seals: PgTable): Promise<Seal | null> {
  const rows = await db.execute<SealSqlRow>(sql`select ${SEAL_COLUMNS} from ${seals} order by seq desc limit 1`);
  const [row] = [...rows];
  return row ? sealOf(row) : null;
}

/** Writes a seal row (the seal tables share their columns). */
export async function insertSeal(db: AnyExecutor, seals: PgTable, s: Seal): Promise<void> {
  await db.execute(sql`insert into ${seals} (seq, xid_from, xid_to, first_id, last_id, record_count, records_root, prev_root, root, sealed_at, key_id, signature)
    values (${s.seq}, ${s.xidFrom}::xid8, ${s.xidTo}::xid8, ${s.firstId}, ${s.lastId}, ${s.recordCount}, ${s.recordsRoot}, ${s.prevRoot}, ${s.root}, ${s.sealedAt}, ${s.keyId}, ${s.signature})`);
}

/** The batch a pass seals: at most `max` rows, never splitting one transaction's rows (one transaction with more is sealed whole). */
export async function nextBatch<TRow>(tx: AnyExecutor, log: SealableLog<TRow>, from: string, max: number): Promise<{ rows: SealableRow<TRow>[]; xidTo: string }> {
  const { rows, horizon } = await log.batch(tx, from, max + 1);
  if (rows.length <= max) return { rows, xidTo: horizon };
  const cut = rows[max]?.xid ?? horizon;
  const before = rows.filter((r) => BigInt(r.xid) < BigInt(cut));
  if (before.length > 0) return { rows: before, xidTo: cut };
  // One transaction (the first waiting) wrote more than `max` rows: seal all of them together.
  // Its rows come first from its own xid on; the limit doubles until a later transaction's row
  // (or the end) shows, so that a backlog behind it is not read with it.
  for (let limit = 2 * (max + 1); ; limit *= 2) {
    const next = (await log.batch(tx, cut, limit)).rows;
    const same = next.filter((r) => r.xid === cut);
    if (same.length < next.length || next.length < limit) return { rows: same, xidTo: (BigInt(cut) + 1n).toString() };
  }
}

/** The signed seal over a batch, chained to `last`. */
export function makeSeal(scope: string, keyring: AgencyKeyring, last: Seal | null, batch: { xidFrom: string; xidTo: string; ids: string[]; leaves: string[] }, sealedAt: string): Seal {
  const ids = batch.ids.map((i) => BigInt(i));
  const min = ids.reduce((a, b) => (b < a ? b : a));
  const max = ids.reduce((a, b) => (b > a ? b : a));
  const header: SealHeader = {
    seq: (last?.seq ?? 0) + 1,
    xidFrom: batch.xidFrom,
    xidTo: batch.xidTo,
    firstId: min.toString(),
    lastId: max.toString(),
    recordCount: batch.leaves.length,
    recordsRoot: merkleRoot(batch.leaves),
    prevRoot: last?.root ?? GENESIS_ROOT,
    sealedAt,
  };
  const root = sealRoot(scope, header);
  return { ...header, root, keyId: keyring.keyId, signature: keyring.sign(root) };
}

/**
 * One pass: seals what has committed since the last seal (up to `maxRecords`), signs it,
 * writes it and publishes it in one transaction. Replicas take turns through an advisory lock.
 * @returns the new seal, or null when there was nothing to seal (or another replica is sealing)
 */
export async function sealOnce<TRow>(db: AnyExecutor, log: SealableLog<TRow>, keyring: AgencyKeyring, maxRecords: number): Promise<Seal | null> {
  return db.transaction(async (tx) => {
    const [lock] = [...(await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(hashtextextended(${`nomad-seal:${log.scope}`}, 0)) as ok`))];
    if (!lock?.ok) return null;
    const last = await lastSeal(tx, log.seals);
    const from = last?.xidTo ?? '0';
    const { rows, xidTo } = await nextBatch(tx, log, from, maxRecords);
    if (rows.length === 0) return null;
    const seal = makeSeal(log.scope, keyring, last, { xidFrom: from, xidTo, ids: rows.map((r) => r.id), leaves: rows.map((r) => log.leaf(r.row)) }, new Date().toISOString());
    await insertSeal(tx, log.seals, seal);
    await log.publish(tx, seal, rows.map((r) => r.row));
    return seal;
  });
}

export interface SealerOptions<TRow> {
  db: AnyExecutor;
  log: SealableLog<TRow>;
  keyring: AgencyKeyring;
  logger: Logger;
  /** Reads the rule values each pass, so a changed rule applies without a restart. */
  rules: () => Promise<{ sealDelayMs: number; sealMaxRecords: number }>;
  /** Start the loop now; false leaves `runOnce` only (tests). @default true */
  autoStart?: boolean;
}

export interface Sealer {
  /** Seals everything sealable now (several passes when more than one batch is waiting). @returns seals written */
  runOnce(): Promise<number>;
  /** Ends the loop and seals what committed before (a clean stop leaves nothing unsealed). */
  stop(): Promise<void>;
}

/**
 * Runs `sealOnce` every half seal delay, so a record is sealed within the delay (the rule
 * `seal_delay_ms`) unless a transaction stays open longer than that: the horizon cannot pass
 * a running transaction.
 */
export function startSealer<TRow>(options: SealerOptions<TRow>): Sealer {
  const log = options.logger.child({ source: 'sealer', scope: options.log.scope });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;
  const pass = async (): Promise<number> => {
    const { sealMaxRecords } = await options.rules();
    let written = 0;
    // A full batch means more may be waiting: seal again at once.
    for (;;) {
      const seal = await sealOnce(options.db, options.log, options.keyring, sealMaxRecords);
      if (!seal) return written;
      written += 1;
      if (seal.recordCount < sealMaxRecords) return written;
    }
  };
  const runOnce = (): Promise<number> => {
    // One pass at a time in this process; replicas take turns through the advisory lock.
    const next = (running ?? Promise.resolve(0)).catch(() => 0).then(pass);
    running = next;
    return next;
  };
  const schedule = async () => {
    if (stopped) return;
    let delay = 1_000;
    try {
      delay = (await options.rules()).sealDelayMs;
      await runOnce();
    } catch (err) {
      log.error({ err }, 'seal pass failed');
    }
    if (!stopped) timer = setTimeout(() => void schedule(), Math.max(10, Math.floor(delay / 2)));
  };
  if (options.autoStart ?? true) timer = setTimeout(() => void schedule(), 0);
  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await runOnce().catch((err: unknown) => log.error({ err }, 'final seal pass failed'));
    },
  };
}
