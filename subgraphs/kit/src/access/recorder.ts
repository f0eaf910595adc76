import DataLoader from 'dataloader';
import type { Principal } from '../auth.ts';
import type { Executor } from '../db/database.ts';
import { jsonRowsInsert } from '../db/json-insert.ts';
import { baseOf, noteStatementOn } from '../db/metrics.ts';
import { isRefusedByDatabase } from '../errors.ts';
import { getOrCreate } from '../memo.ts';
import { legalBasisOf, processingTypeOf, readerOrganisation, SECURITY_HIDDEN_REASON, type AccessPolicy } from './policy.ts';
import type { AccessLogTables } from './table.ts';

/** Who is reading, and why: taken from the request. */
export interface ReadRequest {
  principal: Principal;
  purpose: string | null;
  requestId: string;
  operationName: string | null;
}

/** A record to append; `id`, `xid` and `at` are the database's to set. */
export type NewAccessRecord = Omit<AccessLogTables['accessRecords']['$inferInsert'], 'id' | 'xid' | 'at'>;

type AnyExecutor = Executor<Record<string, unknown>>;

/**
 * Appends records in one INSERT (`jsonRowsInsert`: the same text for any number of records, the
 * records one JSON parameter): no shared row is read or updated, so concurrent readers never
 * wait for each other. The trigger stamps each row's transaction id and time; the sealer
 * chains them later. Throws when the write fails, and then no data may be returned.
 */
export async function appendAccessRecords(db: AnyExecutor, tables: Pick<AccessLogTables, 'accessRecords'>, records: NewAccessRecord[]): Promise<void> {
  // id, xid and at are the database's: its sequence, the trigger's stamp, its clock.
  await jsonRowsInsert(tables.accessRecords, ['id', 'xid', 'at'])(db, records);
}

/** At most this many records in one grouped INSERT (one request's are never split): a seal's default batch. */
const GROUP_MAX_RECORDS = 500;
/** Grouped INSERTs under way at once per pool: one that stalls (a lost connection, a lock) does not hold every read of the process. */
const GROUP_LANES = 2;

/** A request's records waiting for the next grouped INSERT. */
interface Waiting {
  /** The request's handle (a counted view): the statement counts on it. */
  db: AnyExecutor;
  records: NewAccessRecord[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit of the access log: the records of concurrent requests, written by one INSERT
 * on their pool. Nothing waits when a lane is free (the write starts once the event loop has
 * taken in what else arrived with it); while both lanes are writing, the records that arrive
 * wait for one and then go together, so under load each INSERT and its commit carry several
 * requests' records instead of one. Each request's promise settles only when its own records
 * committed: no record, no data. When PostgreSQL refuses a group's INSERT (nothing committed),
 * it is written again request by request, so that one request's records cannot cost another's
 * read; when the connection is lost instead, the group may have committed, and every request
 * of it fails rather than risk its records twice. Each statement that carried a request's
 * records counts on its handle.
 */
class RecordGroups {
  private waiting: Waiting[] = [];
  private writing = 0;
  private scheduled = false;

  constructor(
    private readonly pool: AnyExecutor,
    private readonly tables: Pick<AccessLogTables, 'accessRecords'>,
  ) {}

  append(db: AnyExecutor, records: NewAccessRecord[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ db, records, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.writing >= GROUP_LANES || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.writing < GROUP_LANES && this.waiting.length > 0) {
        this.writing += 1;
        void this.write(this.takeGroup()).finally(() => {
          this.writing -= 1;
          this.schedule();
        });
      }
    });
  }

  /** The next group: what waits, in order, up to GROUP_MAX_RECORDS (at least one request, whatever its size). */
  private takeGroup(): Waiting[] {
    let count = 1;
    let records = this.waiting[0]?.records.length ?? 0;
    for (; count < this.waiting.length; count += 1) {
      records += this.waiting[count]?.records.length ?? 0;
      if (records > GROUP_MAX_RECORDS) break;
    }
    return this.waiting.splice(0, count);
  }

  /** Writes a group; never throws (each request's promise carries its outcome). */
  private async write(group: Waiting[]): Promise<void> {
    const insert = (waiting: Waiting[]) => {
      for (const w of waiting) noteStatementOn(w.db);
      return appendAccessRecords(this.pool, this.tables, waiting.flatMap((w) => w.records));
    };
    try {
      await insert(group);
      for (const w of group) w.resolve();
    } catch (err) {
      if (group.length === 1 || !isRefusedByDatabase(err)) {
        for (const w of group) w.reject(err);
        return;
      }
      await Promise.all(group.map((w) => insert([w]).then(w.resolve, w.reject)));
    }
  }
}

const groupsByPool = new WeakMap<object, Map<object, RecordGroups>>();

/** Appends one request's records with those of the requests beside it ({@link RecordGroups}); resolves once they committed. */
function appendGrouped(db: AnyExecutor, tables: Pick<AccessLogTables, 'accessRecords'>, records: NewAccessRecord[]): Promise<void> {
  const pool = baseOf(db);
  const byTable = getOrCreate(groupsByPool, pool, () => new Map<object, RecordGroups>());
  return getOrCreate(byTable, tables.accessRecords, () => new RecordGroups(pool, tables)).append(db, records);
}

const DAY_MS = 86_400_000;

/** The recorder of one request: personal-field resolvers await `record` before returning a value. */
export interface AccessRecorder<TField extends string = string> {
  /**
   * Records that `field` of `subjectId` is being read, in the case `caseRef` (an application
   * number) when there is one. Resolves once the record is committed; rejects when it could not
   * be written (the resolver then returns no data).
   */
  record(subjectId: string, field: TField, caseRef?: string | null): Promise<void>;
}

/**
 * Per request: every field recorded in one tick is written in one INSERT, one record per
 * subject and case, with the records of the requests beside it ({@link RecordGroups}),
 * before any of the values is returned: no record, no data.
 */
export function createAccessRecorder<TField extends string>(
  db: AnyExecutor,
  tables: Pick<AccessLogTables, 'accessRecords'>,
  request: ReadRequest,
  policy: AccessPolicy<TField>,
  now: () => Date = () => new Date(),
): AccessRecorder<TField> {
  const { principal } = request;
  const readerOrg = readerOrganisation(principal, policy.agency);
  const bySubjectOf = (subjectId: string) => principal.roles.includes('nomad') && principal.nomadId === subjectId;
  const security = principal.roles.includes('security_officer');
  const loader = new DataLoader<string, true>(async (keys) => {
    const groups = new Map<string, { subjectId: string; caseRef: string | null; fields: Set<TField> }>();
    for (const key of keys) {
      const [subjectId = '', caseRef = '', field = ''] = key.split('\u0000');
      const group = groups.get(`${subjectId}\u0000${caseRef}`) ?? { subjectId, caseRef: caseRef || null, fields: new Set<TField>() };
      group.fields.add(field as TField);
      groups.set(`${subjectId}\u0000${caseRef}`, group);
    }
    const hiddenUntil = security ? new Date(now().getTime() + (policy.securityHiddenDays ?? 365) * DAY_MS).toISOString() : null;
    await appendGrouped(
      db,
      tables,
      [...groups.values()].map((g) => {
        const fields = [...g.fields].sort();
        return {
          requestId: request.requestId,
          readerSub: principal.sub,
          readerName: principal.name,
          readerRoles: [...principal.roles].sort(),
          readerOrg,
          purpose: request.purpose,
          legalBasis: legalBasisOf(policy.fields, fields),
          caseRef: g.caseRef,
          processingType: processingTypeOf(readerOrg, policy.agency),
          bulk: false,
          bySubject: bySubjectOf(g.subjectId),
          operation: request.operationName ?? 'anonymous',
          subjectId: g.subjectId,
          fields,
          hiddenUntil,
          hiddenReason: hiddenUntil ? SECURITY_HIDDEN_REASON : null,
        };
      }),
    );
    return keys.map(() => true as const);
  });
  return {
    async record(subjectId, field, caseRef) {
      if (!Object.hasOwn(policy.fields, field)) throw new Error(`${policy.agency}: ${field} is not in the personal-field table`);
      await loader.load(`${subjectId}\u0000${caseRef ?? ''}\u0000${field}`);
    },
  };
}

/** What a service (an event handler, a campaign) did with personal data. */
export interface ServiceProcessing<TField extends string> {
  /** The service, e.g. `re-registration campaign`: recorded as the operation. */
  service: string;
  purpose: string;
  subjectIds: readonly string[];
  fields: readonly TField[];
  caseRef?: string | null;
  /** Part of a mass process (a campaign) rather than one person's case. */
  bulk: boolean;
  /** Correlates with the service's logs (an event id, a campaign id). */
  correlationId: string;
}

/**
 * Records processing by the agency's own service, in the caller's transaction (the effect and
 * its record commit together). Shown to the nomad as processing by the agency, never hidden.
 */
export async function recordServiceProcessing<TField extends string>(
  tx: AnyExecutor,
  tables: Pick<AccessLogTables, 'accessRecords'>,
  policy: AccessPolicy<TField>,
  processing: ServiceProcessing<TField>,
): Promise<void> {
  const fields = [...new Set(processing.fields)].sort();
  await appendAccessRecords(
    tx,
    tables,
    [...new Set(processing.subjectIds)].map((subjectId) => ({
      requestId: processing.correlationId,
      readerSub: `service:${policy.agency}`,
      readerName: null,
      readerRoles: [],
      readerOrg: policy.agency,
      purpose: processing.purpose,
      legalBasis: legalBasisOf(policy.fields, fields),
      caseRef: processing.caseRef ?? null,
      processingType: 'DATA_PROCESSING',
      bulk: processing.bulk,
      bySubject: false,
      operation: processing.service,
      subjectId,
      fields,
      hiddenUntil: null,
      hiddenReason: null,
    })),
  );
}
