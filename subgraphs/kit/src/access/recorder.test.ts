import { getTableColumns } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { fakeExecutor } from '../__fixtures__/fake-executor.ts';
import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../auth.ts';
import { legalBasisOf, processingTypeOf, readerOrganisation, SECURITY_HIDDEN_REASON, type AccessPolicy } from './policy.ts';
import { appendAccessRecords, createAccessRecorder, recordServiceProcessing, type NewAccessRecord, type ReadRequest } from './recorder.ts';
import { accessLogTables } from './table.ts';

// The access recorder as a unit: what it appends, in how many statements, for whom; the
// database is a fake that keeps every INSERT (the e2e tests prove the real table and its chain).

type Field = 'Nomad.surname' | 'Nomad.pin' | 'Nomad.email';

const POLICY: AccessPolicy<Field> = {
  agency: 'migration',
  fields: {
    'Nomad.surname': { description: 'surname', legalBasis: 'Decree art. 5' },
    'Nomad.pin': { description: 'PIN', legalBasis: 'Law on PINs art. 2' },
    'Nomad.email': { description: 'email', legalBasis: 'Decree art. 5' },
  },
};

const TABLES = accessLogTables(pgSchema('migration'));
/** Each column's key in a row, by its name in the database. */
const KEYS = new Map(Object.entries(getTableColumns(TABLES.accessRecords)).map(([key, column]) => [column.name, key]));

/** A fake executor: every INSERT's target and rows (read back from its one JSON parameter), or a failure when `fail` is set. */
function fakeDb(fail = false) {
  const inserts: { table: string; rows: NewAccessRecord[] }[] = [];
  const { db } = fakeExecutor(({ text, params }) => {
    if (fail) return Promise.reject(new Error('permission denied for table access_records'));
    const rows = (JSON.parse(String(params[0])) as Record<string, unknown>[]).map(
      (row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [KEYS.get(name) ?? name, value])) as NewAccessRecord,
    );
    inserts.push({ table: /^insert into ("[^"]+"\."[^"]+")/.exec(text)?.[1] ?? text, rows });
    return Promise.resolve();
  });
  return { db, inserts };
}

const principal = (roles: Role[], nomadId: string | null = null): Principal => ({ sub: 'sub-1', name: 'Aibek Officer', roles, nomadId });
const request = (p: Principal, operationName: string | null = 'NomadQuery'): ReadRequest => ({ principal: p, purpose: 'case review', requestId: 'req-1', operationName });
const NOMAD = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const NOW = new Date('2026-11-24T06:00:00.000Z');

describe('appendAccessRecords', () => {
  it('writes nothing for no records, and all records in one INSERT otherwise', async () => {
    const { db, inserts } = fakeDb();
    await appendAccessRecords(db, TABLES, []);
    expect(inserts).toHaveLength(0);
    const { db: db2, inserts: inserts2 } = fakeDb(true);
    // With no records there is no statement, so even a failing table is not touched.
    await expect(appendAccessRecords(db2, TABLES, [])).resolves.toBeUndefined();
    expect(inserts2).toHaveLength(0);
  });
});

describe('the recorder of a request', () => {
  it('writes every field read in one tick as one INSERT, one record per subject and case, before any value is returned', async () => {
    const { db, inserts } = fakeDb();
    const recorder = createAccessRecorder(db, TABLES, request(principal(['migration_officer', 'analyst'])), POLICY, () => NOW);
    await Promise.all([
      recorder.record(NOMAD, 'Nomad.surname'),
      recorder.record(NOMAD, 'Nomad.pin'),
      recorder.record(NOMAD, 'Nomad.surname'),
      recorder.record(NOMAD, 'Nomad.email', 'APP-1'),
      recorder.record(OTHER, 'Nomad.pin', null),
    ]);
    expect(inserts).toHaveLength(1);
    expect(inserts[0]?.table).toBe('"migration"."access_records"');
    const base = {
      requestId: 'req-1',
      readerSub: 'sub-1',
      readerName: 'Aibek Officer',
      readerRoles: ['analyst', 'migration_officer'],
      readerOrg: 'migration',
      purpose: 'case review',
      processingType: 'INTERNAL_PROCESSING',
      bulk: false,
      bySubject: false,
      operation: 'NomadQuery',
      hiddenUntil: null,
      hiddenReason: null,
    };
    expect(inserts[0]?.rows).toEqual([
      { ...base, subjectId: NOMAD, caseRef: null, fields: ['Nomad.pin', 'Nomad.surname'], legalBasis: 'Law on PINs art. 2; Decree art. 5' },
      { ...base, subjectId: NOMAD, caseRef: 'APP-1', fields: ['Nomad.email'], legalBasis: 'Decree art. 5' },
      { ...base, subjectId: OTHER, caseRef: null, fields: ['Nomad.pin'], legalBasis: 'Law on PINs art. 2' },
    ]);
  });

  it('a later tick is another INSERT; a field already recorded in the request is not recorded again', async () => {
    const { db, inserts } = fakeDb();
    const recorder = createAccessRecorder(db, TABLES, request(principal(['migration_officer'])), POLICY, () => NOW);
    await recorder.record(NOMAD, 'Nomad.surname');
    await recorder.record(NOMAD, 'Nomad.pin');
    expect(inserts.map((i) => i.rows.map((r) => r.fields))).toEqual([[['Nomad.surname']], [['Nomad.pin']]]);
    await recorder.record(NOMAD, 'Nomad.surname');
    expect(inserts).toHaveLength(2);
  });

  it("marks the nomad's own read as by the subject, and a response to them, under the anonymous operation when unnamed", async () => {
    const { db, inserts } = fakeDb();
    const recorder = createAccessRecorder(db, TABLES, request(principal(['nomad'], NOMAD), null), POLICY, () => NOW);
    await Promise.all([recorder.record(NOMAD, 'Nomad.surname'), recorder.record(OTHER, 'Nomad.surname')]);
    expect(inserts[0]?.rows.map((r) => [r.subjectId, r.bySubject, r.readerOrg, r.processingType, r.operation])).toEqual([
      [NOMAD, true, 'subject', 'DATA_RESPONSE', 'anonymous'],
      [OTHER, false, 'subject', 'DATA_RESPONSE', 'anonymous'],
    ]);
  });

  it('says why a GKNB read is withheld, in words an auditor reads', () => {
    expect(SECURITY_HIDDEN_REASON).toBe(
      'Read by GKNB in the course of screening or a security investigation: withheld from the data subject until the date shown, or until an auditor discloses it.',
    );
  });

  it("withholds a GKNB officer's read from the nomad for the policy's days (365 by default), with the reason", async () => {
    const { db, inserts } = fakeDb();
    await createAccessRecorder(db, TABLES, request(principal(['security_officer'])), POLICY, () => NOW).record(NOMAD, 'Nomad.pin');
    expect(inserts[0]?.rows[0]).toMatchObject({ readerOrg: 'security', processingType: 'DATA_RESPONSE', hiddenUntil: '2027-11-24T06:00:00.000Z', hiddenReason: SECURITY_HIDDEN_REASON });
    const short = fakeDb();
    await createAccessRecorder(short.db, TABLES, request(principal(['security_officer'])), { ...POLICY, securityHiddenDays: 30 }, () => NOW).record(NOMAD, 'Nomad.pin');
    expect(short.inserts[0]?.rows[0]).toMatchObject({ hiddenUntil: '2026-12-24T06:00:00.000Z', hiddenReason: SECURITY_HIDDEN_REASON });
  });

  it('uses the current time when no clock is given', async () => {
    const { db, inserts } = fakeDb();
    const before = Date.now();
    await createAccessRecorder(db, TABLES, request(principal(['security_officer'])), POLICY).record(NOMAD, 'Nomad.pin');
    const hiddenUntil = Date.parse(inserts[0]?.rows[0]?.hiddenUntil ?? '');
    expect(hiddenUntil).toBeGreaterThanOrEqual(before + 365 * 86_400_000);
    expect(hiddenUntil).toBeLessThanOrEqual(Date.now() + 365 * 86_400_000);
  });

  it('refuses a field that is not in the personal-field table, writing nothing', async () => {
    const { db, inserts } = fakeDb();
    const recorder = createAccessRecorder(db, TABLES, request(principal(['migration_officer'])), POLICY, () => NOW);
    await expect(recorder.record(NOMAD, 'Nomad.shoeSize' as Field)).rejects.toThrow('migration: Nomad.shoeSize is not in the personal-field table');
    expect(inserts).toHaveLength(0);
  });

  it('rejects every read of the tick when the write fails: no record, no data', async () => {
    const { db } = fakeDb(true);
    const recorder = createAccessRecorder(db, TABLES, request(principal(['migration_officer'])), POLICY, () => NOW);
    const reads = [recorder.record(NOMAD, 'Nomad.surname'), recorder.record(OTHER, 'Nomad.pin')];
    for (const read of reads) await expect(read).rejects.toThrow('permission denied for table access_records');
  });
});

/** The request ids of the records one INSERT carried (its one JSON parameter). */
const requestIdsOf = (params: unknown[]) => (JSON.parse(String(params[0])) as { request_id: string }[]).map((r) => r.request_id);

describe('the records of requests beside each other', () => {
  const requestOf = (requestId: string, roles: Role[] = ['migration_officer']): ReadRequest => ({ ...request(principal(roles)), requestId });
  const subjects = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

  it('go in one INSERT when recorded together, each record with its own request, and each read waits for it', async () => {
    const { db, inserts } = fakeDb();
    const first = createAccessRecorder(db, TABLES, requestOf('req-1'), POLICY, () => NOW);
    const second = createAccessRecorder(db, TABLES, requestOf('req-2', ['security_officer']), POLICY, () => NOW);
    await Promise.all([first.record(NOMAD, 'Nomad.surname'), second.record(OTHER, 'Nomad.pin')]);
    expect(inserts).toHaveLength(1);
    expect(inserts[0]?.rows.map((r) => [r.requestId, r.subjectId, r.fields, r.readerRoles, r.hiddenReason])).toEqual([
      ['req-1', NOMAD, ['Nomad.surname'], ['migration_officer'], null],
      ['req-2', OTHER, ['Nomad.pin'], ['security_officer'], SECURITY_HIDDEN_REASON],
    ]);
  });

  it('arriving while both lanes are writing, wait for one and then go together', async () => {
    const started: string[][] = [];
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { db } = fakeExecutor(async ({ params }) => {
      started.push(requestIdsOf(params));
      await gate;
    });
    const settled: string[] = [];
    const read = (requestId: string) =>
      createAccessRecorder(db, TABLES, requestOf(requestId), POLICY, () => NOW)
        .record(NOMAD, 'Nomad.surname')
        .then(() => settled.push(requestId));
    const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
    const reads = [read('req-1')];
    await tick();
    reads.push(read('req-2'));
    await tick();
    reads.push(read('req-3'), read('req-4'));
    await tick();
    // Two writes under way, held: the later two wait, and no read has its value yet.
    expect(started).toEqual([['req-1'], ['req-2']]);
    expect(settled).toEqual([]);
    release();
    await Promise.all(reads);
    expect(started).toEqual([['req-1'], ['req-2'], ['req-3', 'req-4']]);
    expect(settled.slice(0, 2).sort()).toEqual(['req-1', 'req-2']);
  });

  it('refused together by PostgreSQL are written again one request at a time: only the request whose own write fails loses its read', async () => {
    const attempts: string[][] = [];
    const refused = new (postgres.PostgresError as unknown as new (fields: object) => Error)({ message: 'value too long for type character varying(200)', code: '22001' });
    const { db } = fakeExecutor(({ params }) => {
      const ids = requestIdsOf(params);
      attempts.push(ids);
      return ids.includes('bad') ? Promise.reject(new Error('Failed query', { cause: refused })) : Promise.resolve();
    });
    const good = createAccessRecorder(db, TABLES, requestOf('good'), POLICY, () => NOW).record(NOMAD, 'Nomad.surname');
    const bad = createAccessRecorder(db, TABLES, requestOf('bad'), POLICY, () => NOW).record(OTHER, 'Nomad.surname');
    await expect(good).resolves.toBeUndefined();
    await expect(bad).rejects.toThrow('Failed query');
    expect(attempts).toEqual([['good', 'bad'], ['good'], ['bad']]);
  });

  it('fail together, without a second write, when the connection is lost: the group may have committed', async () => {
    const attempts: string[][] = [];
    const { db } = fakeExecutor(({ params }) => {
      attempts.push(requestIdsOf(params));
      return Promise.reject(Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' }));
    });
    const reads = ['one', 'two'].map((id) => createAccessRecorder(db, TABLES, requestOf(id), POLICY, () => NOW).record(NOMAD, 'Nomad.surname'));
    for (const read of reads) await expect(read).rejects.toThrow('CONNECTION_CLOSED');
    expect(attempts).toEqual([['one', 'two']]);
  });

  it('never exceed 500 records in one INSERT, and one request is never split', async () => {
    const { db, inserts } = fakeDb();
    const reads = (requestId: string, n: number) => {
      const recorder = createAccessRecorder(db, TABLES, requestOf(requestId), POLICY, () => NOW);
      return subjects(n).map((subject) => recorder.record(subject, 'Nomad.pin'));
    };
    await Promise.all([...reads('a', 300), ...reads('b', 300), ...reads('c', 10), ...reads('d', 600)]);
    expect(inserts.map((i) => [...new Set(i.rows.map((r) => r.requestId))].map((id) => `${id}:${i.rows.filter((r) => r.requestId === id).length}`))).toEqual([
      ['a:300'],
      ['b:300', 'c:10'],
      ['d:600'],
    ]);
  });
});

describe('processing by the agency itself', () => {
  it('records each subject once with the fields once, sorted, as data processing never hidden', async () => {
    const { db, inserts } = fakeDb();
    await recordServiceProcessing(db, TABLES, POLICY, {
      service: 're-registration campaign',
      purpose: 'annual re-registration',
      subjectIds: [NOMAD, OTHER, NOMAD],
      fields: ['Nomad.pin', 'Nomad.email', 'Nomad.pin'],
      caseRef: 'APP-9',
      bulk: true,
      correlationId: 'campaign-1',
    });
    expect(inserts).toHaveLength(1);
    const row = {
      requestId: 'campaign-1',
      readerSub: 'service:migration',
      readerName: null,
      readerRoles: [],
      readerOrg: 'migration',
      purpose: 'annual re-registration',
      legalBasis: 'Decree art. 5; Law on PINs art. 2',
      caseRef: 'APP-9',
      processingType: 'DATA_PROCESSING',
      bulk: true,
      bySubject: false,
      operation: 're-registration campaign',
      fields: ['Nomad.email', 'Nomad.pin'],
      hiddenUntil: null,
      hiddenReason: null,
    };
    expect(inserts[0]?.rows).toEqual([{ ...row, subjectId: NOMAD }, { ...row, subjectId: OTHER }]);
  });

  it('without a case, records none; one not in bulk says so', async () => {
    const { db, inserts } = fakeDb();
    await recordServiceProcessing(db, TABLES, POLICY, { service: 'handler', purpose: 'p', subjectIds: [NOMAD], fields: ['Nomad.pin'], bulk: false, correlationId: 'event-1' });
    expect(inserts[0]?.rows[0]).toMatchObject({ caseRef: null, bulk: false, requestId: 'event-1' });
  });
});

describe('the reader policy', () => {
  it("names the holding agency when the reader has its role, else the first other organisation, else the subject", () => {
    expect(readerOrganisation(principal(['analyst', 'migration_officer']), 'migration')).toBe('migration');
    expect(readerOrganisation(principal(['nomad', 'tax_officer', 'labor_officer']), 'migration')).toBe('tax');
    expect(readerOrganisation(principal(['auditor']), 'migration')).toBe('audit');
    expect(readerOrganisation(principal(['analyst']), 'migration')).toBe('analytics');
    expect(readerOrganisation(principal(['labor_officer']), 'tax')).toBe('labor');
    expect(readerOrganisation(principal(['security_officer']), 'tax')).toBe('security');
    expect(readerOrganisation(principal(['labor_expert']), 'labor')).toBe('labor');
    expect(readerOrganisation(principal(['nomad'], NOMAD), 'migration')).toBe('subject');
    expect(readerOrganisation(principal([]), 'migration')).toBe('unknown');
  });

  it("is internal processing for the agency's own staff, a data response for anyone else", () => {
    expect(processingTypeOf('tax', 'tax')).toBe('INTERNAL_PROCESSING');
    expect(processingTypeOf('audit', 'tax')).toBe('DATA_RESPONSE');
  });

  it('joins the legal bases of the fields read, each once, in field order', () => {
    expect(legalBasisOf(POLICY.fields, ['Nomad.surname', 'Nomad.pin', 'Nomad.email'])).toBe('Decree art. 5; Law on PINs art. 2');
    expect(legalBasisOf(POLICY.fields, [])).toBe('');
  });
});
