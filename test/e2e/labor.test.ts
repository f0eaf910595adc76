import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { embeddedZhaak } from '@nomad/migration';
import { startGraph, token, type GraphResponse, type TestGraph } from '../src/harness.ts';
import { expectInternalError, failInserts } from '../src/faults.ts';
import { ACTIONS, STATUS_ACTIONS, SUBMIT, validApplication, type ApplicationView, type UserErrorView } from '../src/fixtures.ts';

const TODAY = '2026-11-24';
let graph: TestGraph;
let officer: string;
let laborOfficer: string;

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  officer = await token(['migration_officer'], { name: 'Officer Asanov' });
  laborOfficer = await token(['labor_officer'], { sub: 'labor:officer-1', name: 'Labor Officer Isakova' });
});
afterAll(async () => {
  await graph?.stop();
});
beforeEach(() => {
  graph.clock.set(`${TODAY}T06:00:00Z`);
  graph.zhaak.current = embeddedZhaak(graph.migration.database.db);
});

type Payload<K extends string, T> = Record<K, T | null> & { userErrors: UserErrorView[] };

/** Runs an operation that must not fail at the GraphQL level; returns its data. */
async function gql<T>(tok: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await graph.request<T>(tok, query, variables);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  if (!res.body.data) throw new Error(`no data: ${res.text}`);
  return res.body.data;
}

async function act(name: keyof typeof ACTIONS, input: Record<string, unknown>) {
  const data = await gql<Record<string, { application: ApplicationView | null; userErrors: UserErrorView[] }>>(officer, ACTIONS[name], { input });
  const payload = data[name];
  if (!payload) throw new Error(`no payload for ${name}`);
  expect(payload.userErrors).toEqual([]);
  return payload.application!;
}

async function submit(activityCode = 'SOFTWARE_DEVELOPMENT') {
  const nomadId = randomUUID();
  const tok = await token(['nomad'], { nomadId });
  const data = await gql<{ submitApplication: { application: ApplicationView | null; userErrors: UserErrorView[] } }>(tok, SUBMIT, {
    input: { ...validApplication(), activityCode },
  });
  const app = data.submitApplication.application;
  if (!app) throw new Error(`submit failed: ${JSON.stringify(data.submitApplication.userErrors)}`);
  return { app, nomadId, tok };
}

async function clear(applicationId: string) {
  const status = await graph.deliverToMigration('ScreeningConcluded', applicationId, {
    applicationId,
    screeningId: randomUUID(),
    outcome: 'CLEARED',
    concludedAt: new Date().toISOString(),
  });
  expect(status).toBe(200);
}

/** A status holder (approved, StatusGranted delivered to labor) with the given activity. */
async function statusHolder(activityCode = 'SOFTWARE_DEVELOPMENT') {
  const s = await submit(activityCode);
  await act('startReview', { applicationId: s.app.id });
  await clear(s.app.id);
  await act('approveApplication', { applicationId: s.app.id });
  await graph.flushEvents();
  return s;
}

const EXPERT_FIELDS = 'id name state fields { code } engagedToday version conflicts { kind nomadId employerName country }';

async function engage(input: Record<string, unknown>) {
  const data = await gql<{ engageExpert: Payload<'expert', { id: string; version: number; state: string }> }>(
    laborOfficer,
    `mutation E($input: EngageExpertInput!) { engageExpert(input: $input) { expert { ${EXPERT_FIELDS} } userErrors { code field message } } }`,
    { input: { kind: 'PERSON', engagedFrom: '2026-01-01', ...input } },
  );
  return data.engageExpert;
}

const EVALUATION_FIELDS = 'id state origin verdict findings version activity { code } expert { id name } application { id } nomad { id }';

interface EvaluationView {
  id: string;
  state: string;
  origin: string;
  verdict: string | null;
  findings: string | null;
  version: number;
  activity: { code: string };
  expert: { id: string; name: string } | null;
  application: { id: string } | null;
  nomad: { id: string };
}

async function evaluationsOf(tok: string, nomadId?: string) {
  const data = await gql<{ evaluations: { totalCount: number; edges: { node: EvaluationView }[] } }>(
    tok,
    `query L($filter: EvaluationFilter) { evaluations(first: 50, filter: $filter) { totalCount edges { node { ${EVALUATION_FIELDS} } } } }`,
    { filter: nomadId ? { nomadId } : null },
  );
  return data.evaluations;
}

async function submitFindings(tok: string, input: Record<string, unknown>) {
  const data = await gql<{ submitEvaluationFindings: Payload<'evaluation', EvaluationView> }>(
    tok,
    `mutation F($input: SubmitEvaluationFindingsInput!) { submitEvaluationFindings(input: $input) { evaluation { ${EVALUATION_FIELDS} } userErrors { code field message } } }`,
    { input },
  );
  return data.submitEvaluationFindings;
}

async function assign(input: Record<string, unknown>) {
  const data = await gql<{ assignEvaluation: Payload<'evaluation', EvaluationView> }>(
    laborOfficer,
    `mutation A($input: AssignEvaluationInput!) { assignEvaluation(input: $input) { evaluation { ${EVALUATION_FIELDS} } userErrors { code field message } } }`,
    { input },
  );
  return data.assignEvaluation;
}

const FILE_REPORT = /* GraphQL */ `
  mutation R($input: FileActivityReportInput!) {
    fileActivityReport(input: $input) {
      activityReport { id late period { year quarter startsOn endsOn dueOn } activity { code } income { amountMinor currency } clients { name country } }
      userErrors { code field message }
    }
  }
`;

function report(overrides: Record<string, unknown> = {}) {
  return {
    period: { year: 2026, quarter: 4 },
    activityCode: 'SOFTWARE_DEVELOPMENT',
    clients: [{ name: 'Northwind Labs GmbH', country: 'DEU' }],
    income: { amountMinor: 600_000, currency: 'USD' },
    ...overrides,
  };
}

async function fileReport(tok: string, input: Record<string, unknown>) {
  const data = await gql<{ fileActivityReport: Payload<'activityReport', { id: string; late: boolean; period: { dueOn: string } }> }>(tok, FILE_REPORT, { input });
  return data.fileActivityReport;
}

interface CaseView {
  id: string;
  state: string;
  riskLevel: string;
  openedOn: string;
  closedOn: string | null;
  closeReason: string | null;
  version: number;
  history: { kind: string; actor: string; note: string | null }[];
}
const CASE_FIELDS = 'id state riskLevel openedOn closedOn closeReason version history { kind actor note }';

async function caseOf(nomadId: string): Promise<CaseView | null> {
  // A labor officer may read identities through migration's `nomad`, and labor adds `monitoring`.
  const data = await gql<{ nomad: { monitoring: CaseView | null } | null }>(laborOfficer, `query C($id: ID!) { nomad(id: $id) { id monitoring { ${CASE_FIELDS} } } }`, { id: nomadId });
  return data.nomad?.monitoring ?? null;
}

let aidai: { id: string; version: number };
let aidaiToken: string;

describe('experts', () => {
  it('a labor officer engages an expert; the expert token is linked by sub', async () => {
    const res = await engage({ name: 'Aidai Toktogulova', principalSub: 'e2e:aidai', fields: ['SOFTWARE_DEVELOPMENT', 'IT_EXPORT'] });
    expect(res.userErrors).toEqual([]);
    expect(res.expert).toMatchObject({ state: 'ENGAGED', engagedToday: true });
    aidai = res.expert!;
    aidaiToken = await token(['labor_expert'], { sub: 'e2e:aidai', name: 'Aidai' });
    const me = await gql<{ myExpertRecord: { id: string } | null }>(aidaiToken, '{ myExpertRecord { id name } }');
    expect(me.myExpertRecord?.id).toBe(aidai.id);
  });

  it('refuses a bad engagement with every rule it breaks, and a second engagement of the same user', async () => {
    const bad = await engage({ name: ' ', principalSub: 'e2e:bad', fields: ['KNITTING'], engagedFrom: '2026-05-01', engagedUntil: '2026-01-01' });
    expect(bad.expert).toBeNull();
    expect(bad.userErrors.map((e) => e.code).sort()).toEqual(['ACTIVITY_NOT_ELIGIBLE', 'INVALID_FORMAT', 'INVALID_PERIOD']);
    const again = await engage({ name: 'Aidai again', principalSub: 'e2e:aidai', fields: ['GAMES'] });
    expect(again.userErrors.map((e) => e.code)).toEqual(['EXPERT_ALREADY_ENGAGED']);
  });

  it('only labor officers engage experts or see the register', async () => {
    const res = await graph.request<{ engageExpert: Payload<'expert', unknown> }>(
      officer,
      `mutation { engageExpert(input: { kind: PERSON, name: "X", principalSub: "x", fields: ["GAMES"], engagedFrom: "2026-01-01" }) { expert { id } userErrors { code } } }`,
    );
    expect(res.body.data?.engageExpert.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    const list = await graph.request(aidaiToken, '{ experts(first: 5) { totalCount } }');
    expect(list.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('an evaluation requested by migration', () => {
  it('is assigned, concluded by the expert, and its verdict shows on the application in one gateway query', async () => {
    const s = await submit('SOFTWARE_DEVELOPMENT');
    await act('startReview', { applicationId: s.app.id });
    await act('requestEvaluation', { applicationId: s.app.id });
    await graph.flushEvents();

    const [evaluation] = (await evaluationsOf(laborOfficer, s.nomadId)).edges.map((e) => e.node);
    expect(evaluation).toMatchObject({ state: 'ASSIGNED', origin: 'APPLICATION', application: { id: s.app.id }, expert: { id: aidai.id }, activity: { code: 'SOFTWARE_DEVELOPMENT' } });

    // The expert's queue holds it.
    const mine = await evaluationsOf(aidaiToken);
    expect(mine.edges.map((e) => e.node.id)).toContain(evaluation!.id);

    const concluded = await submitFindings(aidaiToken, { evaluationId: evaluation!.id, verdict: 'NON_COMPLIANT', findings: 'Contracts name a Kyrgyz client only.', expectedVersion: evaluation!.version });
    expect(concluded.userErrors).toEqual([]);
    expect(concluded.evaluation).toMatchObject({ state: 'CONCLUDED', verdict: 'NON_COMPLIANT' });
    await graph.flushEvents();

    // One query, two subgraphs: migration's application and labor's evaluation of it.
    const data = await gql<{ application: { state: string; expertVerdict: string | null; evaluation: { state: string; verdict: string; findings: string; expert: { name: string } } | null } }>(
      officer,
      `query A($id: ID!) { application(id: $id) { number state expertVerdict evaluation { state verdict findings expert { name } } } }`,
      { id: s.app.id },
    );
    expect(data.application).toMatchObject({
      state: 'UNDER_REVIEW',
      expertVerdict: 'NON_COMPLIANT',
      evaluation: { state: 'CONCLUDED', verdict: 'NON_COMPLIANT', expert: { name: 'Aidai Toktogulova' } },
    });

    // NON_COMPLIANT is a recommendation: the officer may still approve, and nothing is revoked.
    await clear(s.app.id);
    const approved = await act('approveApplication', { applicationId: s.app.id });
    expect(approved.state).toBe('APPROVED');
  });
});

describe('monitoring cases', () => {
  it('a granted status opens a case; a revocation closes it; redelivery changes nothing', async () => {
    const s = await statusHolder();
    const opened = await caseOf(s.nomadId);
    expect(opened).toMatchObject({ state: 'OPEN', riskLevel: 'LOW', openedOn: TODAY, closedOn: null });
    expect(opened?.history.map((h) => h.kind)).toEqual(['OPENED']);

    const revoked = await gql<{ revokeStatus: { userErrors: UserErrorView[] } }>(officer, STATUS_ACTIONS.revokeStatus, {
      input: { nomadId: s.nomadId, ground: 'ACTIVITY_ENDED' },
    });
    expect(revoked.revokeStatus.userErrors).toEqual([]);
    await graph.flushEvents();
    const closed = await caseOf(s.nomadId);
    expect(closed).toMatchObject({ state: 'CLOSED', closedOn: TODAY, closeReason: 'STATUS_REVOKED' });
    expect(closed?.history.map((h) => h.kind)).toEqual(['OPENED', 'CLOSED']);
  });

  it('a labor officer sets the risk level with a reason; the history keeps it', async () => {
    const s = await statusHolder();
    const data = await gql<{ setCaseRiskLevel: Payload<'monitoringCase', CaseView> }>(
      laborOfficer,
      `mutation R($input: SetCaseRiskLevelInput!) { setCaseRiskLevel(input: $input) { monitoringCase { ${CASE_FIELDS} } userErrors { code field message } } }`,
      { input: { nomadId: s.nomadId, riskLevel: 'HIGH', note: 'No reports from a declared client.' } },
    );
    expect(data.setCaseRiskLevel.userErrors).toEqual([]);
    expect(data.setCaseRiskLevel.monitoringCase).toMatchObject({ riskLevel: 'HIGH' });
    expect(data.setCaseRiskLevel.monitoringCase?.history.at(-1)).toMatchObject({ kind: 'RISK_CHANGED', actor: 'labor:officer-1' });
  });
});

describe('activity reports', () => {
  it('a nomad files a quarter once; a second report for it is refused as data', async () => {
    const s = await statusHolder();
    const first = await fileReport(s.tok, report());
    expect(first.userErrors).toEqual([]);
    expect(first.activityReport).toMatchObject({ late: false, period: { dueOn: '2027-01-30' } });

    const again = await fileReport(s.tok, report({ income: { amountMinor: 1, currency: 'USD' } }));
    expect(again.activityReport).toBeNull();
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'REPORT_ALREADY_FILED', field: 'input.period' })]);

    const own = await gql<{ activityReports: { totalCount: number; edges: { node: { income: { amountMinor: number } } }[] } }>(
      s.tok,
      '{ activityReports(first: 10) { totalCount edges { node { income { amountMinor currency } } } } }',
    );
    expect(own.activityReports.totalCount).toBe(1);
    expect(own.activityReports.edges[0]?.node.income.amountMinor).toBe(600_000);
  });

  it('reports every broken rule at once, and refuses a nomad without a case', async () => {
    const s = await statusHolder();
    const bad = await fileReport(
      s.tok,
      report({ period: { year: 2027, quarter: 1 }, activityCode: 'KNITTING', clients: [{ country: 'KGZ' }], income: { amountMinor: 5, currency: 'XXX' } }),
    );
    expect(bad.userErrors.map((e) => e.code).sort()).toEqual(['ACTIVITY_NOT_ELIGIBLE', 'CLIENT_NOT_FOREIGN', 'CURRENCY_NOT_SUPPORTED', 'PERIOD_NOT_STARTED']);
    const applicant = await submit();
    const none = await fileReport(applicant.tok, report());
    expect(none.userErrors.map((e) => e.code)).toEqual(['CASE_NOT_FOUND']);
  });

  it('missing reports are listed once the quarter is due', async () => {
    const s = await statusHolder();
    const query = `query M($p: ReportPeriodInput!) { missingActivityReports(period: $p, first: 100) { totalCount edges { node { nomad { id } } } } }`;
    const before = await gql<{ missingActivityReports: { totalCount: number } }>(laborOfficer, query, { p: { year: 2026, quarter: 4 } });
    expect(before.missingActivityReports.totalCount).toBe(0);
    graph.clock.set('2027-02-15T06:00:00Z');
    const after = await gql<{ missingActivityReports: { edges: { node: { nomad: { id: string } } }[] } }>(laborOfficer, query, { p: { year: 2026, quarter: 4 } });
    expect(after.missingActivityReports.edges.map((e) => e.node.nomad.id)).toContain(s.nomadId);
  });
});

describe("an expert's restricted view", () => {
  it('sees only their evaluations and the reports of those nomads; another nomad\'s, read by id, are refused', async () => {
    const bakyt = await engage({ name: 'Bakyt Sadykov', principalSub: 'e2e:bakyt', fields: ['ROBOTICS_AI'] });
    expect(bakyt.userErrors).toEqual([]);
    const mineHolder = await statusHolder('IT_EXPORT');
    const otherHolder = await statusHolder('ROBOTICS_AI');
    expect((await fileReport(mineHolder.tok, report({ activityCode: 'IT_EXPORT' }))).userErrors).toEqual([]);
    expect((await fileReport(otherHolder.tok, report({ activityCode: 'ROBOTICS_AI' }))).userErrors).toEqual([]);

    const request = `mutation Q($input: RequestMonitoringEvaluationInput!) { requestMonitoringEvaluation(input: $input) { evaluation { ${EVALUATION_FIELDS} } userErrors { code field message } } }`;
    const mine = await gql<{ requestMonitoringEvaluation: Payload<'evaluation', EvaluationView> }>(laborOfficer, request, { input: { nomadId: mineHolder.nomadId } });
    const other = await gql<{ requestMonitoringEvaluation: Payload<'evaluation', EvaluationView> }>(laborOfficer, request, { input: { nomadId: otherHolder.nomadId } });
    expect(mine.requestMonitoringEvaluation.evaluation).toMatchObject({ origin: 'MONITORING', state: 'ASSIGNED', expert: { id: aidai.id }, application: null });
    expect(other.requestMonitoringEvaluation.evaluation).toMatchObject({ state: 'ASSIGNED', expert: { id: bakyt.expert!.id } });
    const otherId = other.requestMonitoringEvaluation.evaluation!.id;

    const mineId = mine.requestMonitoringEvaluation.evaluation!.id;
    const list = await evaluationsOf(aidaiToken);
    expect(list.edges.map((e) => e.node.id)).toContain(mineId);
    expect(list.edges.every((e) => e.node.expert?.id === aidai.id)).toBe(true);
    expect(list.edges.map((e) => e.node.id)).not.toContain(otherId);

    // Read directly by id, another nomad's evaluation, case and reports are refused (null or
    // empty, no oracle); the same reads of the expert's own nomad answer.
    const EVALUATION = 'query E($id: ID!) { evaluation(id: $id) { id findings } }';
    expect((await gql<{ evaluation: unknown }>(aidaiToken, EVALUATION, { id: otherId })).evaluation).toBeNull();
    expect((await gql<{ evaluation: { id: string } | null }>(aidaiToken, EVALUATION, { id: mineId })).evaluation?.id).toBe(mineId);

    const CASE = 'query C($id: ID!) { monitoringCase(id: $id) { id riskLevel history { kind } } }';
    const otherCase = await caseOf(otherHolder.nomadId);
    const mineCase = await caseOf(mineHolder.nomadId);
    expect(otherCase?.id).toBeTruthy();
    expect(mineCase?.id).toBeTruthy();
    expect((await gql<{ monitoringCase: unknown }>(aidaiToken, CASE, { id: otherCase!.id })).monitoringCase).toBeNull();
    expect((await gql<{ monitoringCase: { id: string } | null }>(aidaiToken, CASE, { id: mineCase!.id })).monitoringCase?.id).toBe(mineCase!.id);

    const REPORTS = 'query R($n: ID) { activityReports(first: 10, filter: { nomadId: $n }) { totalCount edges { node { income { amountMinor } } } } }';
    const otherReports = await gql<{ activityReports: { totalCount: number; edges: unknown[] } }>(aidaiToken, REPORTS, { n: otherHolder.nomadId });
    expect(otherReports.activityReports).toEqual({ totalCount: 0, edges: [] });
    const mineReports = await gql<{ activityReports: { totalCount: number } }>(aidaiToken, REPORTS, { n: mineHolder.nomadId });
    expect(mineReports.activityReports.totalCount).toBe(1);

    // Nothing of the other nomad was read, so nothing of them is in the access log under the expert's name.
    const auditor = await token(['auditor']);
    const readsOf = async (nomadId: string) =>
      (await gql<{ laborAccessRecords: { edges: { node: { reader: string } }[] } }>(auditor, 'query L($s: ID) { laborAccessRecords(first: 100, subjectId: $s) { edges { node { reader } } } }', { s: nomadId }))
        .laborAccessRecords.edges.map((e) => e.node.reader);
    expect(await readsOf(mineHolder.nomadId)).toContain('e2e:aidai');
    expect(await readsOf(otherHolder.nomadId)).not.toContain('e2e:aidai');

    const reports = await gql<{ activityReports: { edges: { node: { nomad: { id: string } } }[] } }>(aidaiToken, '{ activityReports(first: 100) { edges { node { nomad { id } } } } }');
    const nomadIds = new Set(reports.activityReports.edges.map((e) => e.node.nomad.id));
    expect(nomadIds.has(mineHolder.nomadId)).toBe(true);
    expect(nomadIds.has(otherHolder.nomadId)).toBe(false);

    // Through the evaluation, the expert reads the nomad's reports and case; not another nomad's.
    const through = await gql<{ evaluations: { edges: { node: { nomad: { id: string; activityReports: { totalCount: number }; monitoring: { state: string } | null } } }[] } }>(
      aidaiToken,
      `query T($f: EvaluationFilter) { evaluations(first: 5, filter: $f) { edges { node { nomad { id monitoring { state } activityReports(first: 5) { totalCount } } } } } }`,
      { f: { nomadId: mineHolder.nomadId } },
    );
    expect(through.evaluations.edges[0]?.node.nomad).toMatchObject({ activityReports: { totalCount: 1 }, monitoring: { state: 'OPEN' } });

    const refusedSubmit = await submitFindings(aidaiToken, { evaluationId: otherId, verdict: 'COMPLIANT', findings: 'Looks fine.' });
    expect(refusedSubmit.userErrors.map((e) => e.code)).toEqual(['EVALUATION_NOT_FOUND']);
    const cases = await graph.request(aidaiToken, '{ monitoringCases(first: 5) { totalCount } }');
    expect(cases.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Analysts get counts, never a person.
    const analyst = await token(['analyst']);
    // Protected as statistics are: a figure under k withheld (null), every other rounded to the base.
    type Figures = { disclosure: { minCellSize: number; countRoundingBase: number }; evaluationsByState: { key: string; suppressed: boolean; count: number | null }[] } & Record<string, unknown>;
    const agg = await gql<{ laborAggregates: Figures }>(
      analyst,
      '{ laborAggregates { disclosure { minCellSize countRoundingBase } openCases closedCases engagedExperts evaluationsByState { key suppressed count } verdicts { key count } reportsFiled lateReports } }',
    );
    expect(agg.laborAggregates.disclosure).toEqual({ minCellSize: 5, countRoundingBase: 5 });
    const figures = [agg.laborAggregates.openCases, agg.laborAggregates.closedCases, agg.laborAggregates.reportsFiled, ...agg.laborAggregates.evaluationsByState.map((e) => e.count)];
    expect(figures.length).toBeGreaterThan(3);
    expect(figures.filter((n) => n !== null && (typeof n !== 'number' || n < 5 || n % 5 !== 0))).toEqual([]);
    expect(agg.laborAggregates.evaluationsByState.filter((e) => e.suppressed !== (e.count === null))).toEqual([]);
    const forbidden = await graph.request(analyst, '{ evaluations(first: 5) { totalCount } }');
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('conflict of interest', () => {
  it('a conflicted expert is never assigned: the evaluation waits UNASSIGNED, assignment to them is refused', async () => {
    const s = await submit('GAMES');
    const conflicted = await engage({
      name: 'Nurzat Abdykadyrova',
      principalSub: 'e2e:nurzat',
      fields: ['GAMES'],
      conflicts: [{ kind: 'NOMAD', nomadId: s.nomadId, note: 'Former business partner.' }],
    });
    expect(conflicted.userErrors).toEqual([]);
    await act('startReview', { applicationId: s.app.id });
    await act('requestEvaluation', { applicationId: s.app.id });
    await graph.flushEvents();

    const [waiting] = (await evaluationsOf(laborOfficer, s.nomadId)).edges.map((e) => e.node);
    expect(waiting).toMatchObject({ state: 'UNASSIGNED', expert: null });
    const queue = await gql<{ evaluations: { edges: { node: { id: string } }[] } }>(laborOfficer, '{ evaluations(first: 100, filter: { states: [UNASSIGNED] }) { edges { node { id } } } }');
    expect(queue.evaluations.edges.map((e) => e.node.id)).toContain(waiting!.id);

    const refused = await assign({ evaluationId: waiting!.id, expertId: conflicted.expert!.id });
    expect(refused.userErrors.map((e) => e.code)).toEqual(['EXPERT_CONFLICT_OF_INTEREST']);
    const mismatch = await assign({ evaluationId: waiting!.id, expertId: aidai.id });
    expect(mismatch.userErrors.map((e) => e.code)).toEqual(['EXPERT_FIELD_MISMATCH']);

    const free = await engage({ name: 'Union of Creative Industries', kind: 'ORGANISATION', principalSub: 'e2e:creative', fields: ['GAMES'] });
    const assigned = await assign({ evaluationId: waiting!.id, expertId: free.expert!.id, expectedVersion: waiting!.version });
    expect(assigned.userErrors).toEqual([]);
    expect(assigned.evaluation).toMatchObject({ state: 'ASSIGNED', expert: { id: free.expert!.id } });
  });

  it('a declaration added later takes the evaluation from the expert', async () => {
    const s = await submit('IT_EXPORT');
    await act('startReview', { applicationId: s.app.id });
    await act('requestEvaluation', { applicationId: s.app.id });
    await graph.flushEvents();
    const [assigned] = (await evaluationsOf(laborOfficer, s.nomadId)).edges.map((e) => e.node);
    expect(assigned?.expert?.id).toBe(aidai.id);
    const declared = await gql<{ declareConflict: Payload<'expert', { conflicts: { nomadId: string | null }[] }> }>(
      aidaiToken,
      `mutation D($input: DeclareConflictInput!) { declareConflict(input: $input) { expert { ${EXPERT_FIELDS} } userErrors { code field message } } }`,
      { input: { expertId: aidai.id, conflict: { kind: 'NOMAD', nomadId: s.nomadId } } },
    );
    expect(declared.declareConflict.userErrors).toEqual([]);
    const [after] = (await evaluationsOf(laborOfficer, s.nomadId)).edges.map((e) => e.node);
    expect(after).toMatchObject({ state: 'UNASSIGNED', expert: null });
  });
});

describe('transitions refused from the wrong state write nothing', () => {
  it('evaluations: findings or assignment on a CONCLUDED evaluation', async () => {
    const s = await submit('SOFTWARE_DEVELOPMENT');
    await act('startReview', { applicationId: s.app.id });
    await act('requestEvaluation', { applicationId: s.app.id });
    await graph.flushEvents();
    const [ev] = (await evaluationsOf(laborOfficer, s.nomadId)).edges.map((e) => e.node);
    const done = await submitFindings(aidaiToken, { evaluationId: ev!.id, verdict: 'COMPLIANT', findings: 'Contracts match.' });
    expect(done.userErrors).toEqual([]);

    const twice = await submitFindings(aidaiToken, { evaluationId: ev!.id, verdict: 'NON_COMPLIANT', findings: 'Changed my mind.' });
    expect(twice.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
    const reassign = await assign({ evaluationId: ev!.id, expertId: aidai.id });
    expect(reassign.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
    const stale = await submitFindings(aidaiToken, { evaluationId: ev!.id, verdict: 'COMPLIANT', findings: 'x', expectedVersion: 1 });
    expect(stale.userErrors.map((e) => e.code)).toEqual(['CONFLICT']);
    const [after] = (await evaluationsOf(laborOfficer, s.nomadId)).edges.map((e) => e.node);
    expect(after).toMatchObject({ state: 'CONCLUDED', verdict: 'COMPLIANT', version: done.evaluation!.version, findings: 'Contracts match.' });
    // Only one verdict reached migration.
    await graph.flushEvents();
    const app = await gql<{ application: { expertVerdict: string } }>(officer, 'query A($id: ID!) { application(id: $id) { expertVerdict } }', { id: s.app.id });
    expect(app.application.expertVerdict).toBe('COMPLIANT');
  });

  it('cases: risk level and monitoring evaluation on a CLOSED case', async () => {
    const s = await statusHolder();
    await gql(officer, STATUS_ACTIONS.revokeStatus, { input: { nomadId: s.nomadId, ground: 'RULES_BREACH' } });
    await graph.flushEvents();
    const before = await caseOf(s.nomadId);
    expect(before?.state).toBe('CLOSED');
    const risk = await gql<{ setCaseRiskLevel: Payload<'monitoringCase', unknown> }>(
      laborOfficer,
      'mutation R($input: SetCaseRiskLevelInput!) { setCaseRiskLevel(input: $input) { monitoringCase { id } userErrors { code field message } } }',
      { input: { nomadId: s.nomadId, riskLevel: 'HIGH', note: 'Too late.' } },
    );
    expect(risk.setCaseRiskLevel.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
    const request = await gql<{ requestMonitoringEvaluation: Payload<'evaluation', unknown> }>(
      laborOfficer,
      'mutation Q($input: RequestMonitoringEvaluationInput!) { requestMonitoringEvaluation(input: $input) { evaluation { id } userErrors { code field message } } }',
      { input: { nomadId: s.nomadId, activityCode: 'SOFTWARE_DEVELOPMENT' } },
    );
    expect(request.requestMonitoringEvaluation.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
    const after = await caseOf(s.nomadId);
    expect(after).toEqual(before);
    expect((await evaluationsOf(laborOfficer, s.nomadId)).totalCount).toBe(0);
  });

  it('experts: ending or declaring on an ENDED engagement; open evaluations go back to the queue', async () => {
    const temp = await engage({ name: 'Temporary Expert', principalSub: 'e2e:temp', fields: ['ESPORTS'] });
    const s = await submit('ESPORTS');
    await act('startReview', { applicationId: s.app.id });
    await act('requestEvaluation', { applicationId: s.app.id });
    await graph.flushEvents();
    const [ev] = (await evaluationsOf(laborOfficer, s.nomadId)).edges.map((e) => e.node);
    expect(ev?.expert?.id).toBe(temp.expert!.id);

    const end = `mutation X($input: EndEngagementInput!) { endEngagement(input: $input) { expert { ${EXPERT_FIELDS} } userErrors { code field message } } }`;
    const ended = await gql<{ endEngagement: Payload<'expert', { state: string; version: number; engagedToday: boolean }> }>(laborOfficer, end, {
      input: { expertId: temp.expert!.id, reason: 'Contract ended.', expectedVersion: temp.expert!.version },
    });
    expect(ended.endEngagement.userErrors).toEqual([]);
    expect(ended.endEngagement.expert).toMatchObject({ state: 'ENDED', engagedToday: false });
    const [released] = (await evaluationsOf(laborOfficer, s.nomadId)).edges.map((e) => e.node);
    expect(released).toMatchObject({ state: 'UNASSIGNED', expert: null });

    const again = await gql<{ endEngagement: Payload<'expert', unknown> }>(laborOfficer, end, { input: { expertId: temp.expert!.id, reason: 'Again.' } });
    expect(again.endEngagement.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
    const declare = await gql<{ declareConflict: Payload<'expert', unknown> }>(
      laborOfficer,
      'mutation D($input: DeclareConflictInput!) { declareConflict(input: $input) { expert { id } userErrors { code field message } } }',
      { input: { expertId: temp.expert!.id, conflict: { kind: 'COUNTRY', country: 'DEU' } } },
    );
    expect(declare.declareConflict.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
    const assignEnded = await assign({ evaluationId: released!.id, expertId: temp.expert!.id });
    expect(assignEnded.userErrors.map((e) => e.code)).toEqual(['EXPERT_NOT_ENGAGED']);
    const record = await gql<{ expert: { version: number; conflicts: unknown[] } }>(laborOfficer, `query X($id: ID!) { expert(id: $id) { ${EXPERT_FIELDS} } }`, { id: temp.expert!.id });
    expect(record.expert).toMatchObject({ version: ended.endEngagement.expert!.version, conflicts: [] });
  });
});

describe("labor's access log", () => {
  it('records reads of personal data before returning them; auditors and the nomad read the records', async () => {
    const s = await statusHolder();
    expect((await fileReport(s.tok, report())).userErrors).toEqual([]);
    const review = () =>
      graph.request(
        laborOfficer,
        'query Review($f: ActivityReportFilter) { activityReports(first: 5, filter: $f) { edges { node { income { amountMinor } clients { country } } } } }',
        { f: { nomadId: s.nomadId } },
        { 'x-purpose': 'quarterly monitoring' },
      );
    // Before: while the log cannot be written, the read fails and returns none of the data.
    const labor = graph.agencies.labor;
    if (!labor) throw new Error('the harness did not start labor');
    const restore = await failInserts(labor.admin, 'labor.access_records');
    let unlogged: GraphResponse;
    try {
      unlogged = await review();
    } finally {
      await restore();
    }
    expectInternalError(unlogged);
    expect(unlogged.text).not.toContain('600000');
    expect(unlogged.text).not.toContain('DEU');

    const res = await review();
    expect(res.body.errors).toBeUndefined();
    expect(res.text).toContain('600000');
    const query = 'query L($s: ID) { laborAccessRecords(first: 10, subjectId: $s) { edges { node { reader purpose operation subjectId fields } } } }';
    const auditor = await token(['auditor']);
    const records = await gql<{ laborAccessRecords: { edges: { node: { reader: string; purpose: string; operation: string; fields: string[] } }[] } }>(auditor, query, { s: s.nomadId });
    expect(records.laborAccessRecords.edges.map((e) => e.node)).toContainEqual({
      reader: 'labor:officer-1',
      purpose: 'quarterly monitoring',
      operation: 'Review',
      subjectId: s.nomadId,
      fields: ['ActivityReport.clients', 'ActivityReport.income'],
    });
    const own = await gql<{ laborAccessRecords: { edges: { node: { subjectId: string } }[] } }>(s.tok, query, {});
    expect(own.laborAccessRecords.edges.length).toBeGreaterThan(0);
    expect(own.laborAccessRecords.edges.every((e) => e.node.subjectId === s.nomadId)).toBe(true);
    const refused = await graph.request(laborOfficer, query, {});
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
