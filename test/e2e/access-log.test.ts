import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessChain } from '@nomad/kit';
import { schema, seedMigration } from '@nomad/migration';
import { DEMO_NOMAD_ID } from '@nomad/sample';
import { silentLogger, startGraph, token, type TestGraph } from '../src/harness.ts';
import { SUBMIT, validApplication } from '../src/fixtures.ts';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
  await seedMigration(graph.migration.database.db, silentLogger, { today: '2026-11-24', nomads: 12 });
});
afterAll(async () => {
  await graph?.stop();
});

const tables = { accessLog: schema.accessLog, accessLogHead: schema.accessLogHead };

async function records() {
  return graph.migration.database.db.select().from(schema.accessLog).orderBy(schema.accessLog.seq);
}

describe('access log', () => {
  it('records who read which personal fields of whom, and why', async () => {
    const before = (await records()).length;
    const officer = await token(['migration_officer'], { name: 'Officer Asanov' });
    const res = await graph.request(
      officer,
      'query ReviewApplicant { nomads(first: 3) { edges { node { id surname passport { number } citizenship } } } }',
      undefined,
      { 'x-purpose': 'application 10000004 review' },
    );
    expect(res.body.errors).toBeUndefined();
    const added = (await records()).slice(before);
    expect(added).toHaveLength(3);
    for (const r of added) {
      expect(r.fields).toEqual(['passport', 'surname']);
      expect(r.purpose).toBe('application 10000004 review');
      expect(r.operation).toBe('ReviewApplicant');
      expect(r.principalRoles).toEqual(['migration_officer']);
    }
  });

  it('records nothing when no personal field is read, or when the read is refused', async () => {
    const before = (await records()).length;
    await graph.request(await token(['migration_officer']), '{ nomads(first: 5) { edges { node { id citizenship } } } }');
    const refused = await graph.request(await token(['analyst']), '{ nomads(first: 5) { edges { node { surname } } } }');
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await records()).length).toBe(before);
  });

  it('is hash-chained and append-only', async () => {
    await graph.request(await token(['nomad'], { nomadId: DEMO_NOMAD_ID }), '{ me { surname email } }');
    const verdict = await verifyAccessChain(graph.migration.database.db, tables);
    expect(verdict).toMatchObject({ ok: true });
    await expect(graph.migration.database.db.execute(sql`update migration.access_log set purpose = 'forged'`)).rejects.toThrow();
    await expect(graph.migration.database.db.execute(sql`delete from migration.access_log`)).rejects.toThrow();
  });

  it('lets a nomad see who read their data, and an auditor see everything', async () => {
    const nomad = await token(['nomad'], { nomadId: DEMO_NOMAD_ID });
    await graph.request(await token(['migration_officer']), `{ nomad(id: "${DEMO_NOMAD_ID}") { surname } }`, undefined, { 'x-purpose': 'check' });
    const own = await graph.request<{ migrationAccessRecords: { edges: { node: { subjectId: string; reader: string; fields: string[] } }[] } }>(
      nomad,
      '{ migrationAccessRecords(first: 50) { edges { node { subjectId reader fields purpose at } } } }',
    );
    expect(own.body.errors).toBeUndefined();
    const nodes = own.body.data?.migrationAccessRecords.edges.map((e) => e.node) ?? [];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.subjectId === DEMO_NOMAD_ID)).toBe(true);
    expect(nodes.some((n) => n.reader.startsWith('dev:migration_officer'))).toBe(true);

    const other = await graph.request(nomad, '{ migrationAccessRecords(subjectId: "5eed0000-0000-4000-8000-000000000003") { edges { node { seq } } } }');
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const audit = await graph.request<{ migrationAccessRecords: { edges: unknown[] } }>(await token(['auditor']), '{ migrationAccessRecords(first: 100) { edges { node { seq subjectId } } } }');
    expect(audit.body.data?.migrationAccessRecords.edges.length).toBe((await records()).length);
    const analyst = await graph.request(await token(['analyst']), '{ migrationAccessRecords { edges { node { seq } } } }');
    expect(analyst.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe("every agency's access log is queryable by auditors and the nomad it concerns", () => {
  it.each(['migration', 'labor', 'tax', 'security'])('%sAccessRecords', async (agency) => {
    const field = `${agency}AccessRecords`;
    const audit = await graph.request<Record<string, { edges: unknown[] }>>(await token(['auditor']), `{ ${field}(first: 5) { edges { node { seq reader fields } } } }`);
    expect(audit.body.errors).toBeUndefined();
    expect(Array.isArray(audit.body.data?.[field]?.edges)).toBe(true);
    const analyst = await graph.request(await token(['analyst']), `{ ${field}(first: 5) { edges { node { seq } } } }`);
    expect(analyst.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const nomad = await graph.request(await token(['nomad'], { nomadId: DEMO_NOMAD_ID }), `{ ${field}(subjectId: "5eed0000-0000-4000-8000-000000000003") { edges { node { seq } } } }`);
    expect(nomad.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("records a security officer's read of screening details in GKNB's log, for the auditor to see", async () => {
    const applicant = randomUUID();
    const submitted = await graph.request<{ submitApplication: { application: { id: string; number: string } | null } }>(
      await token(['nomad'], { nomadId: applicant }),
      SUBMIT,
      { input: validApplication() },
    );
    const number = submitted.body.data?.submitApplication.application?.number;
    expect(number).toBeTruthy();
    await graph.flushEvents();
    const officer = await token(['security_officer'], { sub: 'gknb-officer-7' });
    const read = await graph.request(officer, `{ application(number: "${number}") { screening { outcome reasons classification } } }`, undefined, { 'x-purpose': 'screening review' });
    expect(read.body.errors).toBeUndefined();
    const audit = await graph.request<{ securityAccessRecords: { edges: { node: { reader: string; subjectId: string; purpose: string | null } }[] } }>(
      await token(['auditor']),
      `{ securityAccessRecords(first: 10, subjectId: "${applicant}") { edges { node { reader subjectId purpose } } } }`,
    );
    expect(audit.body.data?.securityAccessRecords.edges.map((e) => e.node)).toContainEqual({ reader: 'gknb-officer-7', subjectId: applicant, purpose: 'screening review' });
  });
});

describe("every agency's event deliveries are visible to operators", () => {
  it.each(['migration', 'labor', 'tax', 'security'])('%sEventDeliveries', async (agency) => {
    const field = `${agency}EventDeliveries`;
    const ops = await graph.request<Record<string, { edges: unknown[] }>>(await token(['auditor']), `{ ${field}(first: 5) { edges { node { id state attempts lastError } } } }`);
    expect(ops.body.errors).toBeUndefined();
    expect(Array.isArray(ops.body.data?.[field]?.edges)).toBe(true);
    const officer = await graph.request(await token(['security_officer']), `{ ${field}(first: 5) { edges { node { id } } } }`);
    expect(officer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
