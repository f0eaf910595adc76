import { createHash } from 'node:crypto';
import { parsePgTimestamp } from '../graphql/shared.ts';

/** `prevRoot` of a log's first seal. */
export const GENESIS_ROOT = '0'.repeat(64);

/** The processing kinds of Data Tracker v3 that occur here. */
export const PROCESSING_TYPES = ['INTERNAL_PROCESSING', 'DATA_RESPONSE', 'DATA_PROCESSING'] as const;
export type ProcessingType = (typeof PROCESSING_TYPES)[number];

/**
 * A record as it is hashed, forwarded to the ledger and compared: every column, timestamps in
 * ISO form (millisecond precision, as stored), ids and transaction ids as decimal strings.
 */
export interface CanonicalRecord {
  id: string;
  xid: string;
  at: string;
  requestId: string;
  readerSub: string;
  readerName: string | null;
  readerRoles: string[];
  readerOrg: string;
  purpose: string | null;
  legalBasis: string;
  caseRef: string | null;
  processingType: ProcessingType;
  bulk: boolean;
  bySubject: boolean;
  operation: string;
  subjectId: string;
  fields: string[];
  hiddenUntil: string | null;
  hiddenReason: string | null;
}

/** A seal's header: what its root is computed over. */
export interface SealHeader {
  seq: number;
  xidFrom: string;
  xidTo: string;
  firstId: string;
  lastId: string;
  recordCount: number;
  recordsRoot: string;
  prevRoot: string;
  sealedAt: string;
}

/** A seal as stored and sent: its header, its root, and the signature over the root. */
export interface Seal extends SealHeader {
  root: string;
  keyId: string;
  signature: string;
}

const sha256 = (...parts: (Buffer | string)[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** PostgreSQL's `2026-11-24 06:00:00.123+00` (or an ISO string) as ISO 8601 UTC; null stays null. */
export function isoInstant(value: string | null): string | null {
  if (value === null) return null;
  const d = parsePgTimestamp(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** A row of a log table: ids as numbers, timestamps as PostgreSQL prints them. */
export type RecordRowLike = Omit<CanonicalRecord, 'id' | 'processingType'> & { id: string | number; processingType: string };

/** Rows of a log table (`at` and `hidden_until` as PostgreSQL prints them) in canonical form. */
export function canonicalRecord(row: RecordRowLike): CanonicalRecord {
  return {
    id: String(row.id),
    xid: String(row.xid),
    at: isoInstant(row.at) ?? row.at,
    requestId: row.requestId,
    readerSub: row.readerSub,
    readerName: row.readerName,
    readerRoles: [...row.readerRoles],
    readerOrg: row.readerOrg,
    purpose: row.purpose,
    legalBasis: row.legalBasis,
    caseRef: row.caseRef,
    // Not checked here: an edited value must still hash (and then fail to match), not crash the verifier.
    processingType: row.processingType as ProcessingType,
    bulk: row.bulk,
    bySubject: row.bySubject,
    operation: row.operation,
    subjectId: row.subjectId,
    fields: [...row.fields],
    hiddenUntil: isoInstant(row.hiddenUntil),
    hiddenReason: row.hiddenReason,
  };
}

/** The bytes a record contributes to its seal: every column in a fixed order. */
export function recordLeaf(r: RecordRowLike): string {
  const c = canonicalRecord(r);
  return JSON.stringify([
    c.id, c.xid, c.at, c.requestId, c.readerSub, c.readerName, c.readerRoles, c.readerOrg, c.purpose, c.legalBasis,
    c.caseRef, c.processingType, c.bulk, c.bySubject, c.operation, c.subjectId, c.fields, c.hiddenUntil, c.hiddenReason,
  ]);
}

/** The bytes an anchored seal contributes to the ledger's own seal. */
export function anchorLeaf(a: { agency: string; seq: number; root: string }): string {
  return JSON.stringify([a.agency, a.seq, a.root]);
}

/** Merkle Tree Hash of RFC 6962 (certificate transparency): leaves 0x00-prefixed, nodes 0x01-prefixed. */
export function merkleRoot(leaves: readonly string[]): string {
  const hashes = leaves.map((l) => sha256(Buffer.from([0]), l));
  const tree = (from: number, to: number): Buffer => {
    const n = to - from;
    if (n === 0) return sha256('');
    if (n === 1) return hashes[from] ?? sha256('');
    let k = 1;
    while (k * 2 < n) k *= 2;
    return sha256(Buffer.from([1]), tree(from, from + k), tree(from + k, to));
  };
  return tree(0, hashes.length).toString('hex');
}

/**
 * The root of a seal: SHA-256 over the scope (the agency, or `ledger`) and the header, so a
 * seal of one log can never pass for a seal of another.
 */
export function sealRoot(scope: string, h: SealHeader): string {
  const canonical = JSON.stringify([scope, h.seq, h.xidFrom, h.xidTo, h.firstId, h.lastId, h.recordCount, h.recordsRoot, h.prevRoot, isoInstant(h.sealedAt)]);
  return sha256('nomad-seal-v1\n', canonical).toString('hex');
}
