import type { AgencyKeyring } from '../keys/keyring.ts';
import { GENESIS_ROOT, merkleRoot, sealRoot, type Seal } from './hash.ts';

/** What `audit:verify` can find wrong with a log. */
export type ProblemKind = 'edited' | 'deleted' | 'inserted' | 're-chained' | 'unsealed' | 'unanchored';

export interface Problem {
  kind: ProblemKind;
  /** The log: an agency, or `ledger`. */
  scope: string;
  seal?: number;
  recordId?: string;
  message: string;
}

/** One item of a sealed batch: its id and its canonical bytes. */
export interface AuditedItem {
  id: string;
  leaf: string;
}

/** A sealed log as the auditor reads it. */
export interface LogUnderAudit {
  /** What the roots are bound to (an agency, or `ledger`). */
  scope: string;
  /** Whose key signs the seals. */
  signer: string;
  /** The log's seals as stored beside it, in `seq` order. */
  seals: Seal[];
  /** The items whose transaction id lies in [from, to), in seal order. */
  itemsIn(fromXid: string, toXid: string): Promise<AuditedItem[]>;
  /** Items not covered by any seal (transaction id ≥ `fromXid`) written before `before`. */
  unsealedBefore(fromXid: string, before: Date): Promise<{ id: string; at: string }[]>;
  /** The same log's seals as anchored outside its database; null when there is no anchor to compare with. */
  anchored: Seal[] | null;
  /** The copies of a seal's items kept outside the database (the ledger's), to name the record that changed. */
  copiesOf?: (seq: number) => Promise<AuditedItem[]>;
}

export interface AuditOptions {
  /** @default new Date() */
  now?: Date;
  /** The rule `seal_delay_ms`. */
  sealDelayMs: number;
  /** Slack on top of the delay before an unsealed record or an unanchored seal counts as a problem. @default 5_000 */
  graceMs?: number;
}

/** Names what differs between the items of a seal and the copies the ledger holds of them. */
function diffItems(scope: string, seq: number, local: AuditedItem[], copies: AuditedItem[]): Problem | null {
  const here = new Map(local.map((i) => [i.id, i.leaf]));
  const there = new Map(copies.map((i) => [i.id, i.leaf]));
  const ids = [...new Set([...here.keys(), ...there.keys()])].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  for (const id of ids) {
    const a = here.get(id);
    const b = there.get(id);
    if (a === undefined) return { kind: 'deleted', scope, seal: seq, recordId: id, message: `${scope}: record ${id} of seal ${seq} was deleted` };
    if (b === undefined) return { kind: 'inserted', scope, seal: seq, recordId: id, message: `${scope}: record ${id} was inserted into sealed batch ${seq}` };
    if (a !== b) return { kind: 'edited', scope, seal: seq, recordId: id, message: `${scope}: record ${id} of seal ${seq} was edited` };
  }
  return null;
}

/** The items of one seal against its header: none missing, none added, none changed. */
async function auditBatch(log: LogUnderAudit, seal: Seal): Promise<{ items: number; problem: Problem | null }> {
  const items = await log.itemsIn(seal.xidFrom, seal.xidTo);
  return { items: items.length, problem: await batchProblem(log, seal, items) };
}

async function batchProblem(log: LogUnderAudit, seal: Seal, items: AuditedItem[]): Promise<Problem | null> {
  if (items.length === seal.recordCount && merkleRoot(items.map((i) => i.leaf)) === seal.recordsRoot) return null;
  const copies = log.copiesOf ? await log.copiesOf(seal.seq) : [];
  const named = copies.length > 0 ? diffItems(log.scope, seal.seq, items, copies) : null;
  if (named) return named;
  const at = { scope: log.scope, seal: seal.seq };
  if (items.length < seal.recordCount) return { kind: 'deleted', ...at, message: `${log.scope}: seal ${seal.seq} holds ${seal.recordCount} records, ${items.length} remain (deleted)` };
  if (items.length > seal.recordCount) return { kind: 'inserted', ...at, message: `${log.scope}: seal ${seal.seq} holds ${seal.recordCount} records, ${items.length} found (inserted)` };
  return { kind: 'edited', ...at, message: `${log.scope}: a record of seal ${seal.seq} was edited (its records no longer match the sealed root)` };
}

/** One seal against the one before it, its own root and its signature. */
function auditHeader(log: LogUnderAudit, seal: Seal, prev: Seal | undefined, keyring: AgencyKeyring): Problem | null {
  const at = { scope: log.scope, seal: seal.seq };
  const expectedSeq = (prev?.seq ?? 0) + 1;
  if (seal.seq !== expectedSeq) return { kind: 'deleted', ...at, message: `${log.scope}: seal ${expectedSeq} is missing` };
  if (seal.prevRoot !== (prev?.root ?? GENESIS_ROOT) || seal.xidFrom !== (prev?.xidTo ?? '0')) {
    return { kind: 're-chained', ...at, message: `${log.scope}: seal ${seal.seq} does not chain to seal ${seal.seq - 1}` };
  }
  if (sealRoot(log.scope, seal) !== seal.root) return { kind: 'edited', ...at, message: `${log.scope}: the header of seal ${seal.seq} was edited` };
  if (!keyring.verify(log.signer, seal.root, seal.signature, seal.keyId)) {
    return { kind: 're-chained', ...at, message: `${log.scope}: seal ${seal.seq} is not signed by ${log.signer}'s key (re-sealed without it?)` };
  }
  return null;
}

/** The log's seals against the copies anchored outside: same roots, none missing on either side. */
function auditAnchors(log: LogUnderAudit, anchored: Seal[], cutoff: Date): Problem[] {
  const problems: Problem[] = [];
  const anchoredBySeq = new Map(anchored.map((s) => [s.seq, s]));
  const localSeqs = new Set(log.seals.map((s) => s.seq));
  for (const seal of log.seals) {
    const anchor = anchoredBySeq.get(seal.seq);
    const at = { scope: log.scope, seal: seal.seq };
    if (!anchor) {
      if (new Date(seal.sealedAt) < cutoff) problems.push({ kind: 'unanchored', ...at, message: `${log.scope}: seal ${seal.seq} was never anchored outside` });
    } else if (anchor.root !== seal.root) {
      problems.push({ kind: 're-chained', ...at, message: `${log.scope}: seal ${seal.seq} differs from the root anchored outside (history rewritten)` });
    }
  }
  for (const anchor of anchored) {
    if (!localSeqs.has(anchor.seq)) problems.push({ kind: 'deleted', scope: log.scope, seal: anchor.seq, message: `${log.scope}: seal ${anchor.seq} is anchored outside but missing here` });
  }
  return problems;
}

/** What an audit of a log found. */
export interface AuditReport {
  scope: string;
  /** Seals checked. */
  seals: number;
  /** Items (records, anchors) found in them. */
  items: number;
  /** Every problem, in order: the first is the one to name. */
  problems: Problem[];
}

/**
 * Checks a sealed log: every seal's chain, root and signature; every seal's items against its
 * records root; every item written more than the seal delay (plus grace) ago is sealed; and the
 * seals against the roots anchored outside.
 */
export async function auditLog(log: LogUnderAudit, keyring: AgencyKeyring, options: AuditOptions): Promise<AuditReport> {
  const now = options.now ?? new Date();
  const grace = options.graceMs ?? 5_000;
  const problems: Problem[] = [];
  let prev: Seal | undefined;
  let items = 0;
  for (const seal of log.seals) {
    const header = auditHeader(log, seal, prev, keyring);
    if (header) problems.push(header);
    const batch = await auditBatch(log, seal);
    if (batch.problem) problems.push(batch.problem);
    items += batch.items;
    prev = seal;
  }
  const cutoff = new Date(now.getTime() - options.sealDelayMs - grace);
  for (const item of await log.unsealedBefore(prev?.xidTo ?? '0', cutoff)) {
    problems.push({ kind: 'unsealed', scope: log.scope, recordId: item.id, message: `${log.scope}: record ${item.id} written at ${item.at} is still unsealed (seal delay ${options.sealDelayMs} ms)` });
  }
  if (log.anchored) problems.push(...auditAnchors(log, log.anchored, cutoff));
  return { scope: log.scope, seals: log.seals.length, items, problems };
}
