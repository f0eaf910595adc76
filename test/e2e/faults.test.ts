import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, token, type GraphResponse, type TestGraph } from '../src/harness.ts';
import { clientOf, expectInternalError, failCommitOnWrite, failInserts } from '../src/faults.ts';
import { STATUS_ACTIONS, type UserErrorView } from '../src/fixtures.ts';
import * as flows from '../src/flows.ts';

/**
 * What a caller gets when an agency's database refuses a write halfway: the access log (no
 * record, no data) and a mutation's transaction failing after its event was written (no
 * change, no event).
 */

type Agency = 'migration' | 'labor' | 'tax' | 'security';

let graph: TestGraph;
let migrationOfficer: string;
let laborOfficer: string;
let taxOfficer: string;
let securityOfficer: string;
let expert: string;

const gql = <T>(tok: string, query: string, variables: Record<string, unknown> = {}) => flows.gql<T>(graph, tok, query, variables);
const applicant = () => flows.applicant(graph);
const statusHolder = () => flows.statusHolder(graph, migrationOfficer);
const screeningOf = (applicationId: string) => flows.screeningOf(graph, securityOfficer, applicationId);

beforeAll(async () => {
  graph = await startGraph({ today: '2026-11-24' });
  migrationOfficer = await token(['migration_officer']);
  laborOfficer = await token(['labor_officer'], { sub: 'labor:fault-officer' });
  taxOfficer = await token(['tax_officer']);
  securityOfficer = await token(['security_officer'], { sub: 'gknb:fault-officer' });
  expert = await token(['labor_expert'], { sub: 'faults:expert' });
  const engaged = await gql<{ engageExpert: { userErrors: UserErrorView[] } }>(
    laborOfficer,
    'mutation E($input: EngageExpertInput!) { engageExpert(input: $input) { expert { id } userErrors { code field message } } }',
    { input: { kind: 'PERSON', name: 'Fault Expert', principalSub: 'faults:expert', fields: ['SOFTWARE_DEVELOPMENT'], engagedFrom: '2026-01-01' } },
  );
  expect(engaged.engageExpert.userErrors).toEqual([]);
});
afterAll(async () => {
  await graph?.stop();
});

const client = (agency: string) => clientOf(graph, agency);

async function count(agency: Agency, sql: string, params: string[] = []): Promise<number> {
  const rows = await client(agency).unsafe<{ n: number }[]>(sql, params);
  return rows[0]?.n ?? 0;
}

const accessRecords = (agency: Agency) => count(agency, `select count(*)::int as n from "${agency}"."access_records"`);

async function outboxTypes(agency: Agency, aggregateId: string): Promise<string[]> {
  const rows = await client(agency).unsafe<{ type: string }[]>(`select type from "${agency}"."outbox" where aggregate_id = $1 order by seq`, [aggregateId]);
  return rows.map((r) => r.type);
}

describe('the access log cannot be written: the caller gets an error and no personal data', () => {
  interface Read {
    tok: string;
    query: string;
    variables: Record<string, unknown>;
    /** Personal values the read returns when it may: none of them may reach the caller when the log fails. */
    secrets: string[];
  }

  const reads: Partial<Record<Agency, Read>> = {};

  beforeAll(async () => {
    const holder = await statusHolder();
    const report = await gql<{ fileActivityReport: { userErrors: UserErrorView[] } }>(
      holder.tok,
      'mutation R($input: FileActivityReportInput!) { fileActivityReport(input: $input) { activityReport { id } userErrors { code field message } } }',
      { input: { period: { year: 2026, quarter: 4 }, activityCode: 'SOFTWARE_DEVELOPMENT', clients: [{ name: 'Faultline Studios Oy', country: 'FIN' }], income: { amountMinor: 612_345, currency: 'USD' } } },
    );
    expect(report.fileActivityReport.userErrors).toEqual([]);

    const suspect = await applicant();
    const screening = await screeningOf(suspect.app.id);
    const flagged = await gql<{ concludeScreening: { userErrors: UserErrorView[] } }>(
      securityOfficer,
      'mutation C($input: ConcludeScreeningInput!) { concludeScreening(input: $input) { screening { id } userErrors { code field message } } }',
      { input: { screeningId: screening.id, outcome: 'FLAGGED', reasons: ['EXTREMIST_AFFILIATION'], reasonText: 'Named in a partner service alert of 3 March.', classification: 'SECRET' } },
    );
    expect(flagged.concludeScreening.userErrors).toEqual([]);

    reads.migration = {
      tok: migrationOfficer,
      query: 'query N($id: ID!) { nomad(id: $id) { id surname givenNames email pin passport { number } } }',
      variables: { id: holder.nomadId },
      secrets: ['NURLANOV', 'ARMAN', 'arman@example.org', holder.pin, holder.passportNumber],
    };
    reads.labor = {
      tok: laborOfficer,
      query: 'query R($n: ID) { activityReports(first: 5, filter: { nomadId: $n }) { edges { node { id income { amountMinor } clients { name } } } } }',
      variables: { n: holder.nomadId },
      secrets: ['612345', 'Faultline Studios Oy'],
    };
    reads.tax = {
      tok: taxOfficer,
      query: 'query T($pin: String) { taxRegistration(pin: $pin) { id state pin } }',
      variables: { pin: holder.pin },
      secrets: [holder.pin],
    };
    reads.security = {
      tok: securityOfficer,
      query: 'query S($id: ID!) { screening(id: $id) { id outcome reasons reasonText concludedBy } }',
      variables: { id: screening.id },
      secrets: ['EXTREMIST_AFFILIATION', 'partner service alert', 'gknb:fault-officer'],
    };
  });

  it.each(['migration', 'labor', 'tax', 'security'] as const)('%s', async (agency) => {
    const read = reads[agency];
    if (!read) throw new Error(`no read set up for ${agency}`);
    const request = () => graph.request(read.tok, read.query, read.variables, { 'x-purpose': 'fault test' });

    // With the log writable the read returns every secret (so their absence below means something) and records it.
    const before = await accessRecords(agency);
    const ok = await request();
    expect(ok.body.errors, ok.text).toBeUndefined();
    for (const secret of read.secrets) expect(ok.text).toContain(secret);
    const recorded = await accessRecords(agency);
    expect(recorded).toBeGreaterThan(before);

    const restore = await failInserts(client(agency), `${agency}.access_records`);
    let refused: GraphResponse;
    try {
      refused = await request();
    } finally {
      await restore();
    }
    expectInternalError(refused);
    for (const secret of read.secrets) expect(refused.text).not.toContain(secret);
    expect(await accessRecords(agency)).toBe(recorded);
  });
});

describe('a mutation that fails after its event was written leaves no event in the outbox', () => {
  it('migration: a revocation failing at commit leaves the status ACTIVE and no StatusRevoked', async () => {
    const holder = await statusHolder();
    const before = await outboxTypes('migration', holder.nomadId);
    expect(before).toEqual(['StatusGranted']);
    const revoke = () => graph.request<{ revokeStatus: { userErrors: UserErrorView[] } }>(migrationOfficer, STATUS_ACTIONS.revokeStatus, { input: { nomadId: holder.nomadId, ground: 'RULES_BREACH' } });

    const restore = await failCommitOnWrite(client('migration'), 'migration.status_events', 'insert', 'nomad_id', holder.nomadId);
    let failed: GraphResponse;
    try {
      failed = await revoke();
    } finally {
      await restore();
    }
    expectInternalError(failed);
    expect(await outboxTypes('migration', holder.nomadId)).toEqual(before);
    const status = await gql<{ nomad: { status: { state: string } } }>(migrationOfficer, 'query S($id: ID!) { nomad(id: $id) { status { state } } }', { id: holder.nomadId });
    expect(status.nomad.status.state).toBe('ACTIVE');

    // Without the fault the same mutation writes its event: the check above could have seen one.
    const done = await revoke();
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data?.revokeStatus.userErrors).toEqual([]);
    expect(await outboxTypes('migration', holder.nomadId)).toEqual(['StatusGranted', 'StatusRevoked']);
  });

  it('security: a conclusion failing at commit leaves the screening PENDING and no ScreeningConcluded', async () => {
    const s = await applicant();
    const screening = await screeningOf(s.app.id);
    const conclude = () =>
      graph.request<{ concludeScreening: { userErrors: UserErrorView[] } }>(
        securityOfficer,
        'mutation C($input: ConcludeScreeningInput!) { concludeScreening(input: $input) { screening { outcome } userErrors { code field message } } }',
        { input: { screeningId: screening.id, outcome: 'CLEARED', classification: 'RESTRICTED' } },
      );

    const restore = await failCommitOnWrite(client('security'), 'security.screenings', 'update', 'id', screening.id);
    let failed: GraphResponse;
    try {
      failed = await conclude();
    } finally {
      await restore();
    }
    expectInternalError(failed);
    expect(await outboxTypes('security', s.app.id)).toEqual([]);
    const pending = await gql<{ screening: { outcome: string; version: number } }>(securityOfficer, 'query S($id: ID!) { screening(id: $id) { outcome version } }', { id: screening.id });
    expect(pending.screening).toEqual({ outcome: 'PENDING', version: screening.version });

    const done = await conclude();
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data?.concludeScreening.userErrors).toEqual([]);
    expect(await outboxTypes('security', s.app.id)).toEqual(['ScreeningConcluded']);
  });

  it('labor: findings failing at commit leave the evaluation ASSIGNED and no EvaluationConcluded', async () => {
    const holder = await statusHolder();
    const requested = await gql<{ requestMonitoringEvaluation: { evaluation: { id: string; state: string } | null; userErrors: UserErrorView[] } }>(
      laborOfficer,
      'mutation Q($input: RequestMonitoringEvaluationInput!) { requestMonitoringEvaluation(input: $input) { evaluation { id state } userErrors { code field message } } }',
      { input: { nomadId: holder.nomadId, activityCode: 'SOFTWARE_DEVELOPMENT' } },
    );
    expect(requested.requestMonitoringEvaluation.userErrors).toEqual([]);
    const evaluation = requested.requestMonitoringEvaluation.evaluation;
    expect(evaluation?.state).toBe('ASSIGNED');
    const before = await outboxTypes('labor', holder.nomadId);
    const submit = () =>
      graph.request<{ submitEvaluationFindings: { userErrors: UserErrorView[] } }>(
        expert,
        'mutation F($input: SubmitEvaluationFindingsInput!) { submitEvaluationFindings(input: $input) { evaluation { state } userErrors { code field message } } }',
        { input: { evaluationId: evaluation?.id, verdict: 'COMPLIANT', findings: 'Contracts match the declared activity.' } },
      );

    const restore = await failCommitOnWrite(client('labor'), 'labor.evaluations', 'update', 'id', evaluation?.id ?? '');
    let failed: GraphResponse;
    try {
      failed = await submit();
    } finally {
      await restore();
    }
    expectInternalError(failed);
    expect(await outboxTypes('labor', holder.nomadId)).toEqual(before);
    const still = await gql<{ evaluation: { state: string; verdict: string | null } }>(laborOfficer, 'query E($id: ID!) { evaluation(id: $id) { state verdict } }', { id: evaluation?.id });
    expect(still.evaluation).toEqual({ state: 'ASSIGNED', verdict: null });

    const done = await submit();
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data?.submitEvaluationFindings.userErrors).toEqual([]);
    expect(await outboxTypes('labor', holder.nomadId)).toEqual([...before, 'EvaluationConcluded']);
  });
});
