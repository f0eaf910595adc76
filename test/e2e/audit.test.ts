import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyAccessTables, makeSeal, recordLeaf, verifyAgency, verifyLedger, type AuditReport, type Seal } from '@nomad/kit';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import * as flows from '../src/flows.ts';

/**
 * `audit:verify` against a real graph: an untouched log passes; each way an insider with the
 * database (and, for a re-chained tail, the agency's key) could rewrite history is caught and named.
 */

let graph: TestGraph;

beforeAll(async () => {
  // Tampered with on purpose: never kept for the CI's audit of the graphs the tests ran.
  graph = await startGraph({ autoSeal: false, keep: false });
  const security = await token(['security_officer'], { sub: 'world-security-officer' });
  const migration = await token(['migration_officer'], { sub: 'world-migration-officer' });
  const world = await flows.statusHolder(graph, migration, (s) => flows.clearedBySecurity(graph, security, migration, s.app.id));
  const officer = await token(['migration_officer'], { sub: 'auditee' });
  for (let i = 0; i < 3; i++) {
    const res = await graph.request(officer, `{ nomad(id: "${world.nomadId}") { surname passport { number } } }`, undefined, { 'x-purpose': `read ${i}` });
    expect(res.body.errors, res.text).toBeUndefined();
  }
  await graph.sealAll();
});
afterAll(async () => {
  await graph?.stop();
});

const db = (agency: string) => {
  const a = graph.agencies[agency];
  if (!a) throw new Error(`no ${agency}`);
  return a.database;
};

async function verify(now?: Date): Promise<AuditReport> {
  return verifyAgency('migration', db('migration').db, db('security').db, { keyring: graph.keys.verifier, ...(now ? { now } : {}) });
}

/**
 * Runs `sql` as the database superuser would, with the append-only and stamping triggers off.
 * What a test saves to restore goes into ordinary tables: each call may get another pooled connection.
 */
async function tamper(statements: string): Promise<void> {
  // The superuser's connection: the service's runtime role may not switch triggers off (db-roles.test.ts).
  const client = graph.agencies.migration?.admin;
  if (!client) throw new Error('no migration');
  await client.unsafe(`alter table migration.access_records disable trigger user; alter table migration.access_seals disable trigger user;`);
  try {
    await client.unsafe(statements);
  } finally {
    await client.unsafe(`alter table migration.access_records enable trigger user; alter table migration.access_seals enable trigger user;`);
  }
}

async function newestSealed(): Promise<{ id: number; purpose: string | null }> {
  const [row] = await db('migration').client<{ id: number; purpose: string | null }[]>`
    select id::int, purpose from migration.access_records where xid < (select max(xid_to) from migration.access_seals) order by id desc limit 1`;
  if (!row) throw new Error('nothing sealed');
  return row;
}

function cli(...args: string[]): { status: number | null; stdout: string } {
  const urls = Object.fromEntries(Object.entries(graph.databaseUrls).map(([name, url]) => [`${name.toUpperCase()}_DATABASE_URL`, url]));
  const res = spawnSync('npx', ['tsx', fileURLToPath(new URL('../../subgraphs/kit/src/access/audit-cli.ts', import.meta.url)), ...args], {
    env: { ...process.env, ...urls, ...graph.keys.publicKeyEnv, NODE_ENV: 'test' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: res.status, stdout: res.stdout };
}

describe('audit:verify', () => {
  it('passes an untouched log, every agency and the ledger, and checks something', async () => {
    const report = await verify();
    expect(report.problems).toEqual([]);
    expect(report.seals).toBeGreaterThan(0);
    expect(report.items).toBeGreaterThan(0);
    for (const agency of ['labor', 'tax', 'security']) {
      expect((await verifyAgency(agency, db(agency).db, db('security').db, { keyring: graph.keys.verifier })).problems).toEqual([]);
    }
    const ledger = await verifyLedger(db('security').db, db('migration').db, { keyring: graph.keys.verifier });
    expect(ledger.problems).toEqual([]);
    expect(ledger.items).toBeGreaterThan(0);
    const run = cli('all');
    expect(run.stdout).toMatch(/^migration: \d+ seals, \d+ records: OK$/m);
    expect(run.stdout).toMatch(/^ledger: \d+ seals, \d+ anchors: OK$/m);
    expect(run.status).toBe(0);
  });

  it('names an edited record', async () => {
    const row = await newestSealed();
    await tamper(`update migration.access_records set purpose = 'nothing to see' where id = ${row.id}`);
    try {
      expect((await verify()).problems[0]).toMatchObject({ kind: 'edited', recordId: String(row.id) });
      const run = cli('migration');
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(new RegExp(`^migration: .*EDITED: migration: record ${row.id} of seal \\d+ was edited`, 'm'));
    } finally {
      await tamper(`update migration.access_records set purpose = '${row.purpose ?? ''}' where id = ${row.id}`);
    }
    expect((await verify()).problems).toEqual([]);
  });

  it('names a deleted newest record', async () => {
    const row = await newestSealed();
    await tamper(`create table migration.tamper_saved as select * from migration.access_records where id = ${row.id}; delete from migration.access_records where id = ${row.id}`);
    try {
      expect((await verify()).problems[0]).toMatchObject({ kind: 'deleted', recordId: String(row.id) });
    } finally {
      await tamper(`insert into migration.access_records select * from migration.tamper_saved; drop table migration.tamper_saved`);
    }
    expect((await verify()).problems).toEqual([]);
  });

  it('names a record inserted into a sealed batch', async () => {
    await tamper(`insert into migration.access_records (id, xid, at, request_id, reader_sub, reader_name, reader_roles, reader_org, purpose, legal_basis, case_ref, processing_type, bulk, by_subject, operation, subject_id, fields)
      select 999999, xid, at, request_id, 'framed-officer', reader_name, reader_roles, reader_org, purpose, legal_basis, case_ref, processing_type, bulk, by_subject, operation, subject_id, fields
      from migration.access_records order by id limit 1`);
    try {
      expect((await verify()).problems[0]).toMatchObject({ kind: 'inserted', recordId: '999999' });
    } finally {
      await tamper('delete from migration.access_records where id = 999999');
    }
    expect((await verify()).problems).toEqual([]);
  });

  it('names a tail rewritten and re-sealed with the agency key: the ledger anchored the original', async () => {
    const row = await newestSealed();
    const [last] = await db('migration').client<{ seq: number }[]>`select max(seq) as seq from migration.access_seals`;
    const seq = Number(last?.seq);
    const before = (await verify()).seals;
    await tamper(`create table migration.tamper_saved_seal as select * from migration.access_seals where seq = ${seq}; update migration.access_records set purpose = 'rewritten' where id = ${row.id}`);
    try {
      // The insider re-computes the last seal over the rewritten batch and signs it with the agency's own key.
      const seals = await db('migration').client<{ xid_from: string; xid_to: string; prev_root: string; sealed_at: string }[]>`
        select xid_from::text, xid_to::text, prev_root, sealed_at::text from migration.access_seals where seq = ${seq}`;
      const s = seals[0];
      if (!s) throw new Error('no last seal');
      const rows = await db('migration').db.select().from(agencyAccessTables('migration').access.accessRecords);
      const batch = rows.filter((r) => BigInt(r.xid) >= BigInt(s.xid_from) && BigInt(r.xid) < BigInt(s.xid_to)).sort((a, b) => (BigInt(a.xid) === BigInt(b.xid) ? a.id - b.id : BigInt(a.xid) < BigInt(b.xid) ? -1 : 1));
      const keyring = graph.keys.keyrings.migration;
      if (!keyring) throw new Error('no key');
      const forged: Seal = makeSeal('migration', keyring, seq > 1 ? ({ seq: seq - 1, root: s.prev_root } as Seal) : null, { xidFrom: s.xid_from, xidTo: s.xid_to, ids: batch.map((r) => String(r.id)), leaves: batch.map(recordLeaf) }, new Date().toISOString());
      await tamper(`update migration.access_seals set records_root = '${forged.recordsRoot}', root = '${forged.root}', signature = '${forged.signature}', sealed_at = '${forged.sealedAt}', first_id = ${forged.firstId}, last_id = ${forged.lastId} where seq = ${seq}`);
      const report = await verify();
      expect(report.seals).toBe(before);
      expect(report.problems[0]).toMatchObject({ kind: 're-chained', seal: seq });
      expect(report.problems.map((p) => p.kind)).not.toContain('edited');
    } finally {
      await tamper(`update migration.access_records set purpose = '${row.purpose ?? ''}' where id = ${row.id};
        update migration.access_seals s set records_root = o.records_root, root = o.root, signature = o.signature, sealed_at = o.sealed_at, first_id = o.first_id, last_id = o.last_id from migration.tamper_saved_seal o where s.seq = o.seq; drop table migration.tamper_saved_seal`);
    }
    expect((await verify()).problems).toEqual([]);
  });

  it('names a record never sealed past the seal delay', async () => {
    const officer = await token(['migration_officer'], { sub: 'late-reader' });
    const res = await graph.request(officer, '{ nomads(first: 1) { edges { node { surname } } } }', undefined, { 'x-purpose': 'unsealed' });
    expect(res.body.errors, res.text).toBeUndefined();
    expect((await verify()).problems).toEqual([]);
    const later = await verify(new Date(Date.now() + 60_000));
    expect(later.problems[0]).toMatchObject({ kind: 'unsealed' });
    // Sealing waits for the cluster's oldest open transaction (the xid horizon): on a server
    // shared with other test runs that may take a few passes.
    let problems = later.problems;
    for (let i = 0; i < 60 && problems.length > 0; i++) {
      await graph.sealAll();
      problems = (await verify(new Date(Date.now() + 60_000))).problems;
      if (problems.length > 0) await new Promise((r) => setTimeout(r, 500));
    }
    expect(problems).toEqual([]);
  }, 90_000);
});
