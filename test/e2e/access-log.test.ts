import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAgency } from '@nomad/kit';
import { schema, seedMigration } from '@nomad/migration';
import { DEMO_NOMAD_ID } from '@nomad/sample';
import { silentLogger, startGraph, token, type GraphResponse, type TestGraph } from '../src/harness.ts';
import * as flows from '../src/flows.ts';
import { SUBMIT, validApplication } from '../src/fixtures.ts';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ autoSeal: true });
  await seedMigration(graph.migration.database.db, silentLogger, { today: '2026-11-24', nomads: 12 });
});
afterAll(async () => {
  await graph?.stop();
});

async function records() {
  return graph.migration.database.db.select().from(schema.accessRecords).orderBy(schema.accessRecords.id);
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
      expect(r.fields).toEqual(['Nomad.passport', 'Nomad.surname']);
      expect(r.purpose).toBe('application 10000004 review');
      expect(r.operation).toBe('ReviewApplicant');
      expect(r.readerRoles).toEqual(['migration_officer']);
      expect(r).toMatchObject({ readerOrg: 'migration', processingType: 'INTERNAL_PROCESSING', bySubject: false, readerName: 'Officer Asanov' });
      expect(r.legalBasis).toMatch(/decree No. 241/);
    }
  });

  it('seals a read within the seal delay without being asked (the sealers run in the background)', async () => {
    const officer = await token(['migration_officer'], { sub: 'background-seal' });
    const res = await graph.request(officer, `{ nomad(id: "${DEMO_NOMAD_ID}") { givenNames } }`);
    expect(res.body.errors).toBeUndefined();
    const [mine] = (await records()).filter((r) => r.readerSub === 'background-seal');
    if (!mine) throw new Error('the read was not recorded');
    const sealedBy = async () => {
      const [row] = await graph.migration.database.client<{ sealed: boolean }[]>`
        select exists (select 1 from migration.access_seals where xid_from <= ${mine.xid}::xid8 and ${mine.xid}::xid8 < xid_to) as sealed`;
      return row?.sealed === true;
    };
    // seal_delay_ms is 1000; allow for a loaded machine, bounded.
    for (let i = 0; i < 100 && !(await sealedBy()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await sealedBy()).toBe(true);
  });

  it('records each of identical personal reads sent at once: the gateway never de-duplicates them', async () => {
    const officer = await token(['migration_officer'], { sub: 'four-at-once' });
    const before = graph.gateway.subgraphFetches();
    const query = `query FourAtOnce { nomad(id: "${DEMO_NOMAD_ID}") { surname citizenship } }`;
    const answers = await Promise.all([1, 2, 3, 4].map(() => graph.request(officer, query)));
    for (const answer of answers) expect(answer.body.errors, answer.text).toBeUndefined();
    const mine = (await records()).filter((r) => r.readerSub === 'four-at-once');
    expect(mine.map((r) => r.fields)).toEqual([1, 2, 3, 4].map(() => ['Nomad.surname']));
    expect(new Set(mine.map((r) => r.requestId)).size).toBe(4);
    expect(graph.gateway.subgraphFetches().deduplicated).toBe(before.deduplicated);
  });

  it('records nothing when no personal field is read, or when the read is refused', async () => {
    const before = (await records()).length;
    const impersonal = await graph.request<{ nomads: { edges: unknown[] } }>(await token(['migration_officer']), '{ nomads(first: 5) { edges { node { id citizenship } } } }');
    expect(impersonal.body.errors).toBeUndefined();
    expect(impersonal.body.data?.nomads.edges).toHaveLength(5);
    const refused = await graph.request(await token(['analyst']), '{ nomads(first: 5) { edges { node { surname } } } }');
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await records()).length).toBe(before);
  });

  it('is sealed, anchored in the ledger, and append-only', async () => {
    const before = (await records()).length;
    const me = await graph.request(await token(['nomad'], { nomadId: DEMO_NOMAD_ID }), '{ me { surname email } }');
    expect(me.body.errors).toBeUndefined();
    expect((await records()).length).toBe(before + 1);
    await graph.sealAll();
    const security = graph.agencies.security;
    if (!security) throw new Error('the graph has no security subgraph');
    const { problems } = await verifyAgency('migration', graph.migration.database.db, security.database.db, { keyring: graph.keys.verifier });
    expect(problems).toEqual([]);
    const [own] = (await records()).slice(-1);
    expect(own).toMatchObject({ bySubject: true, readerOrg: 'subject', processingType: 'DATA_RESPONSE' });
    await expect(graph.migration.database.db.execute(sql`update migration.access_records set purpose = 'forged'`)).rejects.toThrow();
    await expect(graph.migration.database.db.execute(sql`delete from migration.access_records`)).rejects.toThrow();
    await expect(graph.migration.database.db.execute(sql`delete from migration.access_seals`)).rejects.toThrow();
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

    const audit = await graph.request<{ migrationAccessRecords: { edges: { node: { seq: string } }[] } }>(await token(['auditor']), '{ migrationAccessRecords(first: 100) { edges { node { seq subjectId } } } }');
    expect(audit.body.errors).toBeUndefined();
    const all = await records();
    expect(all.length).toBeGreaterThan(0);
    expect(audit.body.data?.migrationAccessRecords.edges.map((e) => Number(e.node.seq)).sort((a, b) => a - b)).toEqual(all.map((r) => Number(r.id)));
    const analyst = await graph.request(await token(['analyst']), '{ migrationAccessRecords { edges { node { seq } } } }');
    expect(analyst.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

/**
 * Status holders who went through every agency for real: screened and cleared by GKNB,
 * approved, registered in tax, monitored by labor with an evaluation concluded by an expert.
 */
describe("every agency's access log and event deliveries, for holders known to all four", () => {
  type Agency = 'migration' | 'labor' | 'tax' | 'security';
  const AGENCIES: Agency[] = ['migration', 'labor', 'tax', 'security'];
  let holder: flows.StatusHolder;
  /** A second holder whose records must never reach the first. */
  let bystander: flows.StatusHolder;
  const readers: Partial<Record<Agency, { sub: string; tok: string }>> = {};

  beforeAll(async () => {
    for (const [agency, role] of [['migration', 'migration_officer'], ['labor', 'labor_officer'], ['tax', 'tax_officer'], ['security', 'security_officer']] as const) {
      const sub = `${agency}:log-reader`;
      readers[agency] = { sub, tok: await token([role], { sub }) };
    }
    const migrationOfficer = readers.migration?.tok ?? '';
    const laborOfficer = readers.labor?.tok ?? '';
    const clear = (s: flows.Applicant) => flows.clearedBySecurity(graph, readers.security?.tok ?? '', migrationOfficer, s.app.id);
    holder = await flows.statusHolder(graph, migrationOfficer, clear);
    bystander = await flows.statusHolder(graph, migrationOfficer, clear);

    const engaged = await flows.gql<{ engageExpert: { userErrors: unknown[] } }>(
      graph,
      laborOfficer,
      'mutation E($input: EngageExpertInput!) { engageExpert(input: $input) { expert { id } userErrors { code field message } } }',
      { input: { kind: 'PERSON', name: 'Log Expert', principalSub: 'log:expert', fields: ['SOFTWARE_DEVELOPMENT'], engagedFrom: '2026-01-01' } },
    );
    expect(engaged.engageExpert.userErrors).toEqual([]);
    const requested = await flows.gql<{ requestMonitoringEvaluation: { evaluation: { id: string } | null; userErrors: unknown[] } }>(
      graph,
      laborOfficer,
      'mutation Q($input: RequestMonitoringEvaluationInput!) { requestMonitoringEvaluation(input: $input) { evaluation { id } userErrors { code field message } } }',
      { input: { nomadId: holder.nomadId, activityCode: 'SOFTWARE_DEVELOPMENT' } },
    );
    expect(requested.requestMonitoringEvaluation.userErrors).toEqual([]);
    const concluded = await flows.gql<{ submitEvaluationFindings: { userErrors: unknown[] } }>(
      graph,
      await token(['labor_expert'], { sub: 'log:expert' }),
      'mutation F($input: SubmitEvaluationFindingsInput!) { submitEvaluationFindings(input: $input) { evaluation { id } userErrors { code field message } } }',
      { input: { evaluationId: requested.requestMonitoringEvaluation.evaluation?.id, verdict: 'COMPLIANT', findings: 'Contracts match the declared activity.' } },
    );
    expect(concluded.submitEvaluationFindings.userErrors).toEqual([]);
    await graph.flushEvents();
  });

  /** A read of the holder's personal data in each agency, by that agency's officer, and the fields it records. */
  const READS: Record<Agency, { query: string; variables: (who: flows.StatusHolder) => Record<string, unknown>; fields: string[] }> = {
    migration: { query: 'query Check($id: ID!) { nomad(id: $id) { surname } }', variables: (who) => ({ id: who.nomadId }), fields: ['Nomad.surname'] },
    labor: { query: 'query Check($id: ID!) { nomad(id: $id) { monitoring { riskLevel } } }', variables: (who) => ({ id: who.nomadId }), fields: ['MonitoringCase.riskLevel'] },
    tax: { query: 'query Check($pin: String) { taxRegistration(pin: $pin) { pin } }', variables: (who) => ({ pin: who.pin }), fields: ['TaxRegistration.pin'] },
    security: { query: 'query Check($id: ID!) { application(id: $id) { screening { classification } } }', variables: (who) => ({ id: who.app.id }), fields: ['Screening.classification'] },
  };

  it.each(AGENCIES)("%sAccessRecords: the auditor and the nomad find the read it recorded; others are refused", async (agency) => {
    const field = `${agency}AccessRecords`;
    const reader = readers[agency];
    if (!reader) throw new Error(`no reader for ${agency}`);
    const purpose = `${agency} log check`;
    for (const who of [holder, bystander]) {
      const read = await graph.request(reader.tok, READS[agency].query, READS[agency].variables(who), { 'x-purpose': purpose });
      expect(read.body.errors, read.text).toBeUndefined();
    }

    type Records = Record<string, { edges: { node: { reader: string; purpose: string | null; operation: string; subjectId: string; fields: string[] } }[] }>;
    const query = `query L($s: ID) { ${field}(first: 100, subjectId: $s) { edges { node { reader purpose operation subjectId fields } } } }`;
    const expected = { reader: reader.sub, purpose, operation: 'Check', subjectId: holder.nomadId, fields: READS[agency].fields };
    const audit = await graph.request<Records>(await token(['auditor']), query, {});
    expect(audit.body.errors).toBeUndefined();
    const all = audit.body.data?.[field]?.edges.map((e) => e.node) ?? [];
    expect(all).toContainEqual(expected);
    expect(all).toContainEqual({ ...expected, subjectId: bystander.nomadId });
    const one = await graph.request<Records>(await token(['auditor']), query, { s: holder.nomadId });
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data?.[field]?.edges.map((e) => e.node)).toContainEqual(expected);
    expect(one.body.data?.[field]?.edges.filter((e) => e.node.subjectId !== holder.nomadId)).toEqual([]);

    const own = await graph.request<Records>(holder.tok, query, {});
    expect(own.body.errors).toBeUndefined();
    const mine = own.body.data?.[field]?.edges.map((e) => e.node) ?? [];
    // A GKNB officer's read is withheld from the nomad (docs/ledger.md); every other agency's is shown.
    if (agency === 'security') expect(mine).not.toContainEqual(expected);
    else expect(mine).toContainEqual(expected);
    expect(mine.filter((r) => r.subjectId !== holder.nomadId)).toEqual([]);

    const analyst = await graph.request(await token(['analyst']), `{ ${field}(first: 5) { edges { node { subjectId } } } }`);
    expect(analyst.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(analyst.body.data?.[field] ?? null).toBeNull();
    const other = await graph.request(await token(['nomad'], { nomadId: randomUUID() }), query, { s: holder.nomadId });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(other.text).not.toContain(holder.nomadId);
  });

  it.each(AGENCIES)('%s: an officer reading personal data without X-Purpose is refused with PURPOSE_REQUIRED, reading and recording nothing', async (agency) => {
    const reader = readers[agency];
    if (!reader) throw new Error(`no reader for ${agency}`);
    const field = `${agency}AccessRecords`;
    const recorded = async () => {
      const res = await graph.request<Record<string, { totalCount?: number; edges: unknown[] }>>(await token(['auditor']), `query L($s: ID) { ${field}(first: 100, subjectId: $s) { edges { node { seq } } } }`, { s: holder.nomadId });
      expect(res.body.errors, res.text).toBeUndefined();
      return res.body.data?.[field]?.edges.length ?? -1;
    };
    const before = await recorded();
    expect(before).toBeGreaterThan(0);
    for (const purpose of ['', '   ']) {
      const refused = await graph.request(reader.tok, READS[agency].query, READS[agency].variables(holder), { 'x-purpose': purpose });
      expect(refused.body.errors?.map((e) => e.extensions?.code), refused.text).toEqual(['PURPOSE_REQUIRED']);
      expect(refused.body.errors?.[0]?.message).toContain(READS[agency].fields[0]);
      expect(refused.text).not.toContain(holder.pin);
    }
    expect(await recorded()).toBe(before);
    const given = await graph.request(reader.tok, READS[agency].query, READS[agency].variables(holder), { 'x-purpose': 'case review' });
    expect(given.body.errors, given.text).toBeUndefined();
    expect(await recorded()).toBe(before + 1);
  });

  it('needs no purpose for what is not personal, or for a nomad reading their own data; an auditor reading an access log needs one', async () => {
    const none = { 'x-purpose': '' };
    const impersonal = await graph.request<{ nomad: { citizenship: string } }>(readers.migration?.tok ?? '', 'query I($id: ID!) { nomad(id: $id) { citizenship } }', { id: holder.nomadId }, none);
    expect(impersonal.body.errors, impersonal.text).toBeUndefined();
    expect(impersonal.body.data?.nomad.citizenship).toMatch(/^[A-Z]{3}$/);
    const own = await graph.request<{ me: { surname: string; pin: string } }>(holder.tok, '{ me { surname pin } }', undefined, none);
    expect(own.body.errors, own.text).toBeUndefined();
    expect(own.body.data?.me.pin).toBe(holder.pin);
    const auditor = await graph.request(await token(['auditor']), 'query A($id: ID!) { auditNomad(id: $id) { accessLog(first: 5) { edges { node { id } } } } }', { id: holder.nomadId }, none);
    expect(auditor.body.errors?.map((e) => e.extensions?.code), auditor.text).toEqual(['PURPOSE_REQUIRED']);
  });

  /** The event each producing agency published about the holder, and who received it. */
  const PUBLISHED: Record<Agency, { eventType: string; aggregateId: () => string; subscribers: string[] } | null> = {
    migration: { eventType: 'StatusGranted', aggregateId: () => holder.nomadId, subscribers: ['labor', 'security', 'tax'] },
    labor: { eventType: 'EvaluationConcluded', aggregateId: () => holder.nomadId, subscribers: ['migration'] },
    security: { eventType: 'ScreeningConcluded', aggregateId: () => holder.app.id, subscribers: ['migration'] },
    // The tax service publishes no domain event (DOMAIN.md): only its sealed access log, to the ledger.
    tax: null,
  };

  it.each(AGENCIES)('%sEventDeliveries: operators see the deliveries it caused; officers are refused', async (agency) => {
    const field = `${agency}EventDeliveries`;
    type Deliveries = Record<string, { edges: { node: { eventType: string; aggregateId: string; subscriber: string; state: string; attempts: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>;
    const auditor = await token(['auditor']);
    const delivered: Deliveries[string]['edges'][number]['node'][] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const res: GraphResponse<Deliveries> = await graph.request<Deliveries>(
        auditor,
        `query D($after: String) { ${field}(state: DELIVERED, first: 100, after: $after) { edges { node { eventType aggregateId subscriber state attempts } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(res.body.errors).toBeUndefined();
      const connection = res.body.data?.[field];
      delivered.push(...(connection?.edges.map((e) => e.node) ?? []));
      if (!connection?.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const published = PUBLISHED[agency];
    if (published) {
      const ours = delivered.filter((d) => d.eventType === published.eventType && d.aggregateId === published.aggregateId());
      expect(ours.map((d) => d.subscriber).sort()).toEqual(published.subscribers);
      expect(ours.every((d) => d.state === 'DELIVERED' && d.attempts >= 1)).toBe(true);
    } else {
      expect(delivered.filter((d) => d.eventType !== 'AccessSealed')).toEqual([]);
    }
    const officer = await graph.request(await token(['security_officer']), `{ ${field}(first: 5) { edges { node { id } } } }`);
    expect(officer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe("GKNB's log", () => {
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
    expect(audit.body.errors).toBeUndefined();
    expect(audit.body.data?.securityAccessRecords.edges.map((e) => e.node)).toContainEqual({ reader: 'gknb-officer-7', subjectId: applicant, purpose: 'screening review' });
  });
});
