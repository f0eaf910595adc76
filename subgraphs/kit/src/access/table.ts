import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, char, customType, index, integer, jsonb, primaryKey, text, timestamp, unique, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * A PostgreSQL `xid8`: the 64-bit id of the transaction that wrote a row (never wraps). The
 * sealer compares it with the oldest transaction still running, so it travels as a decimal
 * string.
 */
export const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string', precision: 3 });

/**
 * The columns of a seal: one signed batch of a log, chained to the seal before it. Shared by
 * every agency's `access_seals`, the ledger's `ledger_seals` and the anchored copies.
 */
function sealColumns() {
  return {
    /** 1, 2, 3, … without gaps. */
    seq: integer('seq').notNull(),
    /** The batch is every row whose transaction id lies in [xidFrom, xidTo). */
    xidFrom: xid8('xid_from').notNull(),
    xidTo: xid8('xid_to').notNull(),
    firstId: bigint('first_id', { mode: 'number' }).notNull(),
    lastId: bigint('last_id', { mode: 'number' }).notNull(),
    recordCount: integer('record_count').notNull(),
    /** Merkle root (RFC 6962) over the batch's rows in id order. */
    recordsRoot: char('records_root', { length: 64 }).notNull(),
    /** `root` of the seal before (64 zeros for the first). */
    prevRoot: char('prev_root', { length: 64 }).notNull(),
    /** SHA-256 over the header above: what is signed and anchored. */
    root: char('root', { length: 64 }).notNull(),
    sealedAt: at('sealed_at').notNull(),
    keyId: text('key_id').notNull(),
    /** Ed25519 signature of `root` by the sealing agency, base64url. */
    signature: text('signature').notNull(),
  };
}

/**
 * The columns of a recorded read, shaped on Estonia's Data Tracker v3 usage record
 * (`logTime`, `purpose`, `initiatorOrg`/`initiatorPerson`, `legalBasis`, `queryGroupId`,
 * processing type, `bulkProcessing`, `hiddenUntil`/`hiddenReason`).
 */
function recordColumns() {
  return {
    /** When it was read (`logTime`): set by the database, never by the service. */
    at: at('at').notNull().defaultNow(),
    /** Correlates with the service's logs (`queryId`). */
    requestId: text('request_id').notNull(),
    /** The reader's `sub` (`initiatorPerson.alternativeCode`), or `service:<agency>` for processing by a service. */
    readerSub: text('reader_sub').notNull(),
    /** The reader's name from the token (`initiatorPerson.name`), when it carries one. */
    readerName: text('reader_name'),
    readerRoles: text('reader_roles').array().notNull(),
    /** The reader's organisation (`initiatorOrg`): an agency, `audit`, `analytics`, or `subject` for the nomad. */
    readerOrg: text('reader_org').notNull(),
    /** Why (`X-Purpose`). */
    purpose: text('purpose'),
    legalBasis: text('legal_basis').notNull(),
    /** The case (`queryGroupId`): the application number where there is one. */
    caseRef: text('case_ref'),
    /** `INTERNAL_PROCESSING`, `DATA_RESPONSE` (to another organisation or the nomad) or `DATA_PROCESSING` (by a service). */
    processingType: text('processing_type').notNull(),
    /** Part of a mass process (a campaign), not one person's case. */
    bulk: boolean('bulk').notNull().default(false),
    /** The nomad read their own data. */
    bySubject: boolean('by_subject').notNull().default(false),
    /** GraphQL operation name, or what the service did. */
    operation: text('operation').notNull(),
    /** The nomad whose data was read. */
    subjectId: text('subject_id').notNull(),
    /** Personal fields read, as `Type.field` coordinates, sorted. */
    fields: text('fields').array().notNull(),
    /** Withheld from the nomad until then (a security investigation); null: never withheld. */
    hiddenUntil: at('hidden_until'),
    hiddenReason: text('hidden_reason'),
  };
}

/**
 * The access log of one agency, in that agency's schema:
 * - `access_records`: one row per read of personal data, appended without any shared row to
 *   update (no lock on the read path); a trigger stamps `xid` and `at` and refuses UPDATE,
 *   DELETE and TRUNCATE;
 * - `access_seals`: signed, chained batches of records, written by the agency's sealer;
 * - `access_rules`: the rule values of the log (`seal_delay_ms`, `seal_max_records`).
 */
export function accessLogTables(schema: PgSchema) {
  const accessRecords = schema.table(
    'access_records',
    {
      id: bigserial('id', { mode: 'number' }).primaryKey(),
      /** The writing transaction (stamped by a trigger): the sealer's notion of "committed before". */
      xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
      ...recordColumns(),
    },
    (t) => [index('access_records_subject_idx').on(t.subjectId, t.id), index('access_records_xid_idx').on(t.xid)],
  );
  const accessSeals = schema.table('access_seals', { ...sealColumns() }, (t) => [
    primaryKey({ columns: [t.seq], name: 'access_seals_pkey' }),
    unique('access_seals_xid_to_key').on(t.xidTo),
  ]);
  const accessRules = schema.table('access_rules', {
    key: text('key').primaryKey(),
    value: jsonb('value').notNull(),
    description: text('description').notNull(),
  });
  return { accessRecords, accessSeals, accessRules };
}

export type AccessLogTables = ReturnType<typeof accessLogTables>;
export type AccessRecordRow = AccessLogTables['accessRecords']['$inferSelect'];
export type SealRow = AccessLogTables['accessSeals']['$inferSelect'];

/**
 * The consolidated ledger, in GKNB's schema: every agency's seals as anchored
 * (`ledger_anchors`, themselves sealed by the ledger's own sealer into `ledger_seals`), a copy
 * of every agency's records (`ledger_records`, what the data tracker serves), and the
 * auditors' early disclosures of withheld records.
 */
export function ledgerTables(schema: PgSchema) {
  const ledgerAnchors = schema.table(
    'ledger_anchors',
    {
      id: bigserial('id', { mode: 'number' }).primaryKey(),
      xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
      agency: text('agency').notNull(),
      ...sealColumns(),
      receivedAt: at('received_at').notNull().defaultNow(),
    },
    (t) => [unique('ledger_anchors_agency_seq_key').on(t.agency, t.seq), index('ledger_anchors_xid_idx').on(t.xid)],
  );
  const ledgerRecords = schema.table(
    'ledger_records',
    {
      agency: text('agency').notNull(),
      recordId: bigint('record_id', { mode: 'number' }).notNull(),
      xid: xid8('xid').notNull(),
      ...recordColumns(),
      sealSeq: integer('seal_seq').notNull(),
    },
    (t) => [primaryKey({ columns: [t.agency, t.recordId], name: 'ledger_records_pkey' }), index('ledger_records_subject_idx').on(t.subjectId, t.at)],
  );
  const ledgerSeals = schema.table('ledger_seals', { ...sealColumns() }, (t) => [
    primaryKey({ columns: [t.seq], name: 'ledger_seals_pkey' }),
    unique('ledger_seals_xid_to_key').on(t.xidTo),
  ]);
  const ledgerDisclosures = schema.table(
    'ledger_disclosures',
    {
      agency: text('agency').notNull(),
      recordId: bigint('record_id', { mode: 'number' }).notNull(),
      disclosedAt: at('disclosed_at').notNull().defaultNow(),
      disclosedBy: text('disclosed_by').notNull(),
      note: text('note'),
    },
    (t) => [primaryKey({ columns: [t.agency, t.recordId], name: 'ledger_disclosures_pkey' })],
  );
  return { ledgerAnchors, ledgerRecords, ledgerSeals, ledgerDisclosures };
}

export type LedgerTables = ReturnType<typeof ledgerTables>;

/** Where migration keeps the ledger's roots as GKNB's ledger sent them: outside GKNB's database. */
export function ledgerRootTables(schema: PgSchema) {
  const ledgerRoots = schema.table(
    'ledger_roots',
    { ...sealColumns(), receivedAt: at('received_at').notNull().defaultNow() },
    (t) => [primaryKey({ columns: [t.seq], name: 'ledger_roots_pkey' })],
  );
  return { ledgerRoots };
}

export type LedgerRootTables = ReturnType<typeof ledgerRootTables>;
