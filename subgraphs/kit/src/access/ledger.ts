import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { jsonRowsInsert } from '../db/json-insert.ts';
import type { DomainEvent } from '../events/catalog.ts';
import { publishEvent } from '../events/outbox.ts';
import type { EventTables } from '../events/tables.ts';
import type { AgencyKeyring } from '../keys/keyring.ts';
import { anchorLeaf, GENESIS_ROOT, merkleRoot, recordLeaf, sealRoot, type CanonicalRecord, type Seal } from './hash.ts';
import { insertSeal } from './sealer.ts';
import type { SealableLog } from './sealer.ts';
import type { LedgerRootTables, LedgerTables } from './table.ts';

type AnyExecutor = Executor<Record<string, unknown>>;

/** The agency whose database holds the consolidated ledger (DESIGN.md: GKNB). */
export const LEDGER_AGENCY = 'security';
/** The agency whose database anchors the ledger's own roots. */
export const LEDGER_ANCHOR_AGENCY = 'migration';
/** The scope the ledger's own seals are bound to. */
export const LEDGER_SCOPE = 'ledger';

/** Why the ledger refused a seal: the producer's delivery keeps the message (`lastError`) for operators. */
export class LedgerRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerRefusal';
  }
}

/** The checks every receiver of a seal makes: root, signature, and the batch it claims. */
export function checkSeal(scope: string, signer: string, seal: Seal, keyring: AgencyKeyring, leaves?: readonly string[]): void {
  const root = sealRoot(scope, seal);
  if (root !== seal.root) throw new LedgerRefusal(`${scope} seal ${seal.seq}: the root does not match its header`);
  if (!keyring.verify(signer, seal.root, seal.signature, seal.keyId)) throw new LedgerRefusal(`${scope} seal ${seal.seq}: the signature is not ${signer}'s`);
  if (leaves === undefined) return;
  if (leaves.length !== seal.recordCount) throw new LedgerRefusal(`${scope} seal ${seal.seq}: ${leaves.length} records sent, ${seal.recordCount} sealed`);
  if (merkleRoot(leaves) !== seal.recordsRoot) throw new LedgerRefusal(`${scope} seal ${seal.seq}: the records do not match the sealed records root`);
}

/**
 * Where a new seal stands against the last anchored one of its log: the next one (anchor it),
 * one already anchored with the same root (a redelivery: nothing to do), or a break in the chain
 * (a fork, a gap, a re-chained history): refused, so the producer's delivery shows it.
 */
function continuity(scope: string, seal: Seal, last: { seq: number; root: string } | undefined, same: { root: string } | undefined): 'next' | 'known' {
  if (same) {
    if (same.root === seal.root) return 'known';
    throw new LedgerRefusal(`${scope} seal ${seal.seq} differs from the one anchored before (history rewritten?)`);
  }
  const expectedSeq = (last?.seq ?? 0) + 1;
  if (seal.seq !== expectedSeq) throw new LedgerRefusal(`${scope} seal ${seal.seq} arrived, ${expectedSeq} was expected (a seal is missing)`);
  if (seal.prevRoot !== (last?.root ?? GENESIS_ROOT)) throw new LedgerRefusal(`${scope} seal ${seal.seq} does not chain to seal ${seal.seq - 1} as anchored`);
  return 'next';
}

const sealColumnsOf = (s: Seal) => ({
  seq: s.seq,
  xidFrom: s.xidFrom,
  xidTo: s.xidTo,
  firstId: Number(s.firstId),
  lastId: Number(s.lastId),
  recordCount: s.recordCount,
  recordsRoot: s.recordsRoot,
  prevRoot: s.prevRoot,
  root: s.root,
  sealedAt: s.sealedAt,
  keyId: s.keyId,
  signature: s.signature,
});

/**
 * The ledger's handler of `AccessSealed`: checks the seal against the producing agency's key
 * and its chain as anchored so far, then keeps the anchor and a copy of every record (what the
 * data tracker serves), in the inbox transaction.
 */
export async function anchorAccessSeal(tx: AnyExecutor, tables: LedgerTables, keyring: AgencyKeyring, event: DomainEvent<'AccessSealed'>): Promise<void> {
  const { agency, seal, records } = event.payload;
  if (agency !== event.producer) throw new LedgerRefusal(`AccessSealed from ${event.producer} claims to seal ${agency}'s log`);
  checkSeal(agency, agency, seal, keyring, records.map(recordLeaf));
  const { ledgerAnchors: a, ledgerRecords } = tables;
  const [last] = await tx.select({ seq: a.seq, root: a.root }).from(a).where(eq(a.agency, agency)).orderBy(desc(a.seq)).limit(1);
  const [same] = last && seal.seq <= last.seq ? await tx.select({ root: a.root }).from(a).where(and(eq(a.agency, agency), eq(a.seq, seal.seq))) : [];
  if (continuity(agency, seal, last, same) === 'known') return;
  await tx.insert(a).values({ agency, ...sealColumnsOf(seal) });
  // Up to `seal_max_records` (500) rows: as one JSON parameter, not a placeholder per value.
  await jsonRowsInsert(ledgerRecords, [])(
    tx,
    records.map(({ id, ...record }: CanonicalRecord) => ({ agency, recordId: Number(id), ...record, sealSeq: seal.seq })),
  );
}

/** Migration's handler of `LedgerSealed`: keeps the ledger's root outside GKNB's database. */
export async function anchorLedgerSeal(tx: AnyExecutor, tables: LedgerRootTables, keyring: AgencyKeyring, event: DomainEvent<'LedgerSealed'>): Promise<void> {
  const { seal } = event.payload;
  if (event.producer !== LEDGER_AGENCY) throw new LedgerRefusal(`LedgerSealed from ${event.producer}: only ${LEDGER_AGENCY} keeps the ledger`);
  checkSeal(LEDGER_SCOPE, LEDGER_AGENCY, seal, keyring);
  const r = tables.ledgerRoots;
  const [last] = await tx.select({ seq: r.seq, root: r.root }).from(r).orderBy(desc(r.seq)).limit(1);
  const [same] = last && seal.seq <= last.seq ? await tx.select({ root: r.root }).from(r).where(eq(r.seq, seal.seq)) : [];
  if (continuity(LEDGER_SCOPE, seal, last, same) === 'known') return;
  await insertSeal(tx, r, seal);
}

/** The anchors a ledger seal commits to, in seal order. */
export interface AnchorRef {
  agency: string;
  seq: number;
  root: string;
}

/** The ledger's own log (its anchors) as its sealer sees it; its seals go to migration as `LedgerSealed`. */
export function ledgerLog(options: { tables: LedgerTables; events: EventTables }): SealableLog<AnchorRef> {
  const { tables, events } = options;
  const a = tables.ledgerAnchors;
  return {
    scope: LEDGER_SCOPE,
    seals: tables.ledgerSeals,
    async batch(tx, from, limit) {
      const rows = await tx
        .select({ id: a.id, xid: a.xid, agency: a.agency, seq: a.seq, root: a.root, horizon: sql<string>`pg_snapshot_xmin(pg_current_snapshot())::text` })
        .from(a)
        .where(and(sql`${a.xid} >= ${from}::xid8`, sql`${a.xid} < pg_snapshot_xmin(pg_current_snapshot())`))
        .orderBy(asc(a.xid), asc(a.id))
        .limit(limit);
      return {
        rows: rows.map((r) => ({ id: String(r.id), xid: r.xid, row: { agency: r.agency, seq: r.seq, root: r.root } })),
        horizon: rows[0]?.horizon ?? from,
      };
    },
    leaf: anchorLeaf,
    publish: async (tx, seal) => {
      await publishEvent(tx, events, LEDGER_AGENCY, { type: 'LedgerSealed', aggregateId: 'access-ledger', payload: { seal } });
    },
  };
}
