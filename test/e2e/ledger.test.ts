import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import * as flows from '../src/flows.ts';

/** Done-when of the access ledger: four agencies' reads in the nomad's one access log. */

interface Entry {
  id: string;
  agency: string;
  purpose: string | null;
  caseReference: string | null;
  processingType: string;
  bulkProcessing: boolean;
  fields: string[];
  legalBasis: string;
  initiatorOrganisation: { code: string };
  initiatorPerson: { alternativeCode: string; name: string | null } | null;
  hiddenUntil: string | null;
  hiddenReason: string | null;
  disclosedAt: string | null;
}

const ENTRY = 'id agency purpose caseReference processingType bulkProcessing fields legalBasis initiatorOrganisation { code } initiatorPerson { alternativeCode name } hiddenUntil hiddenReason disclosedAt';

let graph: TestGraph;
let world: flows.StatusHolder;
let auditor: string;

beforeAll(async () => {
  graph = await startGraph({ autoSeal: false });
  // A holder whose data every agency holds: screened and cleared by GKNB, approved, registered in tax, monitored by labor.
  const security = await token(['security_officer'], { sub: 'world-security-officer' });
  const migration = await token(['migration_officer'], { sub: 'world-migration-officer' });
  world = await flows.statusHolder(graph, migration, (s) => flows.clearedBySecurity(graph, security, migration, s.app.id));
  auditor = await token(['auditor'], { sub: 'auditor-1' });
});
afterAll(async () => {
  await graph?.stop();
});

async function asNomad(args = 'first: 100'): Promise<Entry[]> {
  const res = await graph.request<{ me: { accessLog: { edges: { node: Entry }[] } } }>(world.tok, `{ me { accessLog(${args}) { edges { node { ${ENTRY} } } } } }`);
  expect(res.body.errors, res.text).toBeUndefined();
  return res.body.data?.me.accessLog.edges.map((e) => e.node) ?? [];
}

async function asAuditor(args = 'first: 100'): Promise<Entry[]> {
  const res = await graph.request<{ auditNomad: { accessLog: { edges: { node: Entry }[] } } }>(auditor, `{ auditNomad(id: "${world.nomadId}") { accessLog(${args}) { edges { node { ${ENTRY} } } } } }`, undefined, { 'x-purpose': 'complaint 7' });
  expect(res.body.errors, res.text).toBeUndefined();
  return res.body.data?.auditNomad.accessLog.edges.map((e) => e.node) ?? [];
}

describe("the nomad's access log across the four agencies", () => {
  beforeAll(async () => {
    const read = async (roles: Parameters<typeof token>[0], sub: string, query: string, purpose: string) => {
      const res = await graph.request(await token(roles, { sub, name: `Officer ${sub}` }), query, { id: world.nomadId, app: world.app.id }, { 'x-purpose': purpose });
      expect(res.body.errors, res.text).toBeUndefined();
    };
    await read(['migration_officer'], 'mig-1', 'query Q($app: ID!) { application(id: $app) { declaredIncome { amountMinor } } }', 'review of the application');
    await read(['labor_officer'], 'lab-1', 'query Q($id: ID!) { nomad(id: $id) { monitoring { riskLevel } } }', 'quarterly monitoring');
    await read(['tax_officer'], 'tax-1', 'query Q($id: ID!) { nomad(id: $id) { taxRegistration { pin } } }', 'IE re-registration check');
    await read(['security_officer'], 'gknb-1', 'query Q($app: ID!) { application(id: $app) { screening { reasons classification } } }', 'investigation 12/26');
    await graph.sealAll();
  });

  it("shows the nomad every agency's reads by others, with purpose, case, legal basis and processing kind", async () => {
    const entries = await asNomad();
    expect(entries.length).toBeGreaterThan(0);
    const byReader = (code: string) => entries.find((e) => e.initiatorPerson?.alternativeCode === code);
    expect(byReader('mig-1')).toMatchObject({ agency: 'MIGRATION', purpose: 'review of the application', caseReference: world.app.number, processingType: 'INTERNAL_PROCESSING', fields: ['Application.declaredIncome'], initiatorPerson: { name: 'Officer mig-1' } });
    expect(byReader('lab-1')).toMatchObject({ agency: 'LABOR', purpose: 'quarterly monitoring', processingType: 'INTERNAL_PROCESSING', fields: ['MonitoringCase.riskLevel'] });
    expect(byReader('tax-1')).toMatchObject({ agency: 'TAX', purpose: 'IE re-registration check', fields: ['TaxRegistration.pin'] });
    for (const e of entries) expect(e.legalBasis).toMatch(/decree No\. 241/i);
    // Processing by a service (tax's handler of StatusGranted) is shown as the agency's, never hidden.
    expect(entries).toContainEqual(expect.objectContaining({ agency: 'TAX', processingType: 'DATA_PROCESSING', initiatorPerson: null, initiatorOrganisation: { code: 'tax' } }));
    // The nomad's own reads (submitting, reading their log) are not third-party reads.
    expect(entries.some((e) => e.initiatorOrganisation.code === 'subject')).toBe(false);
  });

  it("withholds GKNB's read from the nomad, shows it to the auditor with its reason, and shows it to the nomad once disclosed", async () => {
    expect((await asNomad()).some((e) => e.initiatorPerson?.alternativeCode === 'gknb-1')).toBe(false);
    const audited = await asAuditor();
    const hidden = audited.find((e) => e.initiatorPerson?.alternativeCode === 'gknb-1');
    expect(hidden).toMatchObject({ agency: 'SECURITY', purpose: 'investigation 12/26', caseReference: world.app.number, fields: ['Screening.classification', 'Screening.reasons'], disclosedAt: null });
    expect(hidden?.hiddenReason).toMatch(/GKNB/);
    expect(Date.parse(hidden?.hiddenUntil ?? '')).toBeGreaterThan(Date.now());
    // The auditor sees the other three agencies' reads too.
    expect(new Set(audited.map((e) => e.agency))).toEqual(new Set(['MIGRATION', 'LABOR', 'TAX', 'SECURITY']));

    const disclose = await graph.request<{ discloseAccessLogEntries: { entries: Entry[]; userErrors: { code: string }[] } }>(
      auditor,
      'mutation D($input: DiscloseAccessLogEntriesInput!) { discloseAccessLogEntries(input: $input) { entries { id disclosedAt } userErrors { code field } } }',
      { input: { entryIds: [hidden?.id], note: 'investigation closed' } },
    );
    expect(disclose.body.errors, disclose.text).toBeUndefined();
    expect(disclose.body.data?.discloseAccessLogEntries.userErrors).toEqual([]);
    const shown = (await asNomad()).find((e) => e.initiatorPerson?.alternativeCode === 'gknb-1');
    expect(shown).toMatchObject({ agency: 'SECURITY', purpose: 'investigation 12/26', caseReference: world.app.number });
    expect(shown?.disclosedAt).not.toBeNull();
    expect(shown?.hiddenReason).toMatch(/GKNB/);
  });

  it('filters by agency and time, pages newest first, and refuses everyone but the nomad and auditors', async () => {
    const tax = await asAuditor('first: 100, agency: TAX');
    expect(tax.length).toBeGreaterThan(0);
    expect(tax.every((e) => e.agency === 'TAX')).toBe(true);
    expect(await asAuditor('first: 100, to: "2000-01-01T00:00:00Z"')).toEqual([]);
    const all = await asAuditor();
    const first = await graph.request<{ auditNomad: { accessLog: { edges: { node: Entry }[]; pageInfo: { endCursor: string } } } }>(auditor, `{ auditNomad(id: "${world.nomadId}") { accessLog(first: 2) { edges { node { id } } pageInfo { endCursor } } } }`);
    const cursor = first.body.data?.auditNomad.accessLog.pageInfo.endCursor;
    const next = await graph.request<{ auditNomad: { accessLog: { edges: { node: Entry }[] } } }>(auditor, `{ auditNomad(id: "${world.nomadId}") { accessLog(first: 2, after: "${cursor}") { edges { node { id } } } } }`);
    expect([...(first.body.data?.auditNomad.accessLog.edges ?? []), ...(next.body.data?.auditNomad.accessLog.edges ?? [])].map((e) => e.node.id)).toEqual(all.slice(0, 4).map((e) => e.id));
    const officer = await graph.request(await token(['migration_officer']), `{ auditNomad(id: "${world.nomadId}") { id } }`);
    expect(officer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await graph.request(await token(['nomad'], { nomadId: '5eed0000-0000-4000-8000-000000000003' }), `{ me { accessLog { edges { node { id } } } } }`);
    expect(other.body.errors).toBeUndefined();
    expect(await asAuditor('first: 100, agency: TAX, from: "2000-01-01T00:00:00Z"')).toHaveLength(tax.length);
  });

  it('refuses a disclosure by anyone but an auditor, of an unknown entry, or of one never withheld, writing nothing', async () => {
    const visible = (await asAuditor()).find((e) => e.hiddenUntil === null);
    const codes = async (tok: string, ids: string[]) => {
      const res = await graph.request<{ discloseAccessLogEntries: { userErrors: { code: string }[] } }>(tok, 'mutation D($input: DiscloseAccessLogEntriesInput!) { discloseAccessLogEntries(input: $input) { userErrors { code } } }', { input: { entryIds: ids } });
      expect(res.body.errors, res.text).toBeUndefined();
      return res.body.data?.discloseAccessLogEntries.userErrors.map((e) => e.code);
    };
    expect(await codes(await token(['security_officer']), [visible?.id ?? ''])).toEqual(['FORBIDDEN']);
    expect(await codes(auditor, ['tax:999999999'])).toEqual(['ENTRY_NOT_FOUND']);
    expect(await codes(auditor, ['nonsense'])).toEqual(['INVALID_FORMAT']);
    expect(await codes(auditor, [visible?.id ?? ''])).toEqual(['NOT_HIDDEN']);
  });
});
