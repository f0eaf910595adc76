import { randomUUID } from 'node:crypto';
import { getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_GATEWAY_SECRET, ROLES, signToken, type NeedToKnowTable, type Role } from '@nomad/kit';
import { NEED_TO_KNOW as LABOR_NEED_TO_KNOW, PERSONAL_FIELDS as LABOR } from '@nomad/labor';
import { importPilotHolders, NEED_TO_KNOW as MIGRATION_NEED_TO_KNOW, PERSONAL_FIELDS as MIGRATION } from '@nomad/migration';
import { NEED_TO_KNOW as SECURITY_NEED_TO_KNOW, PERSONAL_FIELDS as SECURITY } from '@nomad/security';
import { NEED_TO_KNOW as TAX_NEED_TO_KNOW, PERSONAL_FIELDS as TAX } from '@nomad/tax';
import { startGraph, token, type GraphResponse, type TestGraph } from '../src/harness.ts';
import { STATUS_ACTIONS, type UserErrorView } from '../src/fixtures.ts';
import * as flows from '../src/flows.ts';
import { loadApiSchema } from '../src/schema-walk.ts';
import { fieldOwners, personalReadCases, type PathStep, type PersonalReadCase } from '../src/personal-paths.ts';

/**
 * Two suites over the same graph and the same paths. The need-to-know matrix: every role (and
 * no token, a bad token, a nomad asking for another) reads every personal field through every
 * path, through the gateway and directly at each subgraph with and without the gateway
 * credential; every value returned is compared with the agencies' need-to-know tables. Then
 * every personal read recorded: every field the four personal-field tables list, read through
 * every path the schema offers to it (root lookups, lists and connections, nested fields,
 * across agencies through the gateway and `_entities`), by a role allowed to read it; each read
 * must leave a record in the agency's log naming the field and the nomad it concerns.
 */

const TABLES: Record<string, readonly string[]> = {
  migration: Object.keys(MIGRATION),
  labor: Object.keys(LABOR),
  tax: Object.keys(TAX),
  security: Object.keys(SECURITY),
};
const OFFICER: Record<string, Role> = { migration: 'migration_officer', labor: 'labor_officer', tax: 'tax_officer', security: 'security_officer' };

const schema = await loadApiSchema();
const owners = await fieldOwners();
const cases = personalReadCases(schema, owners, TABLES);

/**
 * Paths on which the field is null for everyone, by the domain: there the walk only requires
 * that a value, if one ever shows, is recorded. Each such field is read with a value elsewhere.
 */
const NULL_ON_PATH: Record<string, string> = {
  'application.screening.requestNote': "an application's own screening is never a re-screening, which alone has a request note",
  'overdueDepartures.edges.node.note': "a watch is overdue only until the departure is confirmed, with the officer's note",
  'pendingDependants.edges.node.pin': 'a dependant awaiting review has no PIN yet: ZHAAK assigns it on approval',
  'pendingDependants.edges.node.status': "a dependant awaiting review holds no status yet: it is the principal's from approval",
  'pendingDependants.edges.node.statusOn': "a dependant awaiting review holds no status yet: it is the principal's from approval",
  'dependantsComingOfAge.edges.node.screening': 'a child come of age was a child when added: GKNB screens adults only',
};

let graph: TestGraph;
let holder: flows.StatusHolder;
let leaver: flows.StatusHolder;
let stuck: flows.StatusHolder;
/** An applicant (no status, no evaluation): linked to GKNB (a screening) only. */
let applicant: flows.Applicant;
/** A pilot holder (imported, no application, status running): linked to labor and tax only. */
let pilot: { nomadId: string; pin: string };
let overrides: Record<string, Record<string, unknown>> = {};
const tokens: Record<string, string> = {};
/** Personal fields read with a value (not null) and found recorded. */
const recordedWithValue = new Set<string>();

const gql = <T>(tok: string, query: string, variables: Record<string, unknown> = {}) => flows.gql<T>(graph, tok, query, variables);

async function tokenFor(roles: Role[]): Promise<string> {
  const key = roles.join('+');
  tokens[key] ??= await token(roles, { sub: `walk:${key}`, ...(roles.includes('labor_expert') ? { sub: 'walk:expert' } : {}) });
  return tokens[key];
}

beforeAll(async () => {
  graph = await startGraph({ autoSeal: false });
  const migrationOfficer = await tokenFor(['migration_officer']);
  const securityOfficer = await tokenFor(['security_officer']);
  const laborOfficer = await tokenFor(['labor_officer']);
  const taxOfficer = await tokenFor(['tax_officer']);
  const expert = await tokenFor(['labor_expert']);

  // An expert for the ministry's evaluations, assigned automatically.
  const engaged = await gql<{ engageExpert: { userErrors: UserErrorView[] } }>(
    laborOfficer,
    'mutation E($input: EngageExpertInput!) { engageExpert(input: $input) { expert { id } userErrors { code field message } } }',
    { input: { kind: 'PERSON', name: 'Walk Expert', principalSub: 'walk:expert', fields: ['SOFTWARE_DEVELOPMENT'], engagedFrom: '2026-01-01' } },
  );
  expect(engaged.engageExpert.userErrors).toEqual([]);

  // The holder: every agency holds something of theirs. The application evaluated by the
  // expert, screened with a text (so that the application's screening carries one).
  const clear = (s: flows.Applicant) => flows.clearedBySecurity(graph, securityOfficer, migrationOfficer, s.app.id, { reasonText: 'Nothing known to the partner services.' });
  let evaluationId: string | undefined;
  holder = await flows.statusHolder(graph, migrationOfficer, async (s) => {
    await flows.decide(graph, migrationOfficer, 'requestEvaluation', { applicationId: s.app.id });
    await graph.flushEvents();
    const listed = await gql<{ evaluations: { edges: { node: { id: string; state: string } }[] } }>(
      laborOfficer,
      'query L($n: ID) { evaluations(first: 10, filter: { nomadId: $n }) { edges { node { id state } } } }',
      { n: s.nomadId },
    );
    evaluationId = listed.evaluations.edges[0]?.node.id;
    const concluded = await gql<{ submitEvaluationFindings: { userErrors: UserErrorView[] } }>(
      expert,
      'mutation F($input: SubmitEvaluationFindingsInput!) { submitEvaluationFindings(input: $input) { evaluation { id } userErrors { code field message } } }',
      { input: { evaluationId, verdict: 'COMPLIANT', findings: 'Contracts match the declared activity.' } },
    );
    expect(concluded.submitEvaluationFindings.userErrors).toEqual([]);
    await graph.flushEvents();
    await clear(s);
  });
  // Extended to a year: still running, and soon expiring, on the day the walk reads.
  const extended = await gql<{ extendStatus: { userErrors: UserErrorView[] } }>(migrationOfficer, STATUS_ACTIONS.extendStatus, { input: { nomadId: holder.nomadId } });
  expect(extended.extendStatus.userErrors).toEqual([]);
  // The holder's family: a spouse (screened by GKNB: an adult), a child who turns 18 before the
  // day the walk reads (the coming-of-age queue), both approved; a child and a spouse still pending.
  const ADD_DEPENDANT = 'mutation A($input: AddDependantInput!) { addDependant(input: $input) { dependant { id } userErrors { code field message } } }';
  const family: Record<string, string> = {};
  for (const [name, relation, dateOfBirth, certificate] of [
    ['spouse', 'SPOUSE', '1991-05-05', 'MARRIAGE_CERTIFICATE'],
    ['child', 'CHILD', '2009-01-20', 'BIRTH_CERTIFICATE'],
    ['pending', 'CHILD', '2015-03-03', 'BIRTH_CERTIFICATE'],
    // An adult awaiting review: GKNB's screening still PENDING (a value on the review queue).
    ['pendingSpouse', 'SPOUSE', '1993-06-06', 'MARRIAGE_CERTIFICATE'],
  ] as const) {
    const added = await gql<{ addDependant: { dependant: { id: string } | null; userErrors: UserErrorView[] } }>(holder.tok, ADD_DEPENDANT, {
      input: { relation, surname: 'Walk', givenNames: 'Family', dateOfBirth, sex: 'FEMALE', citizenship: 'KAZ', passport: { country: 'KAZ', number: `W${name.toUpperCase()}1234`, expiresOn: '2031-01-01' }, documents: [{ kind: certificate, fileName: 'certificate.pdf', language: 'ru' }] },
    });
    expect(added.addDependant.userErrors).toEqual([]);
    family[name] = added.addDependant.dependant?.id ?? '';
  }
  // The spouse is an adult: GKNB screens them, and the approval waits for its CLEARED outcome.
  await flows.dependantScreenedBySecurity(graph, securityOfficer, migrationOfficer, family.spouse ?? '');
  for (const name of ['spouse', 'child']) {
    const approved = await gql<{ approveDependant: { userErrors: UserErrorView[] } }>(migrationOfficer, 'mutation P($input: DependantDecisionInput!) { approveDependant(input: $input) { userErrors { code field message } } }', { input: { dependantId: family[name] } });
    expect(approved.approveDependant.userErrors).toEqual([]);
  }
  // A holder whose re-registration fails (closed regime), and one who must leave the country.
  stuck = await flows.statusHolder(graph, migrationOfficer, clear);
  leaver = await flows.statusHolder(graph, migrationOfficer, clear);
  // The leaver's child and spouse leave with them: the revocation opens their exit watches too
  // (`dependant`); the spouse is an adult, screened by GKNB before approval.
  for (const [relation, givenNames, dateOfBirth, certificate, number] of [
    ['CHILD', 'Leaver', '2016-04-04', 'BIRTH_CERTIFICATE', 'WLEAVER1234'],
    ['SPOUSE', 'Leaverspouse', '1990-02-02', 'MARRIAGE_CERTIFICATE', 'WLEAVERS1234'],
  ] as const) {
    const leaverFamily = await gql<{ addDependant: { dependant: { id: string } | null; userErrors: UserErrorView[] } }>(leaver.tok, ADD_DEPENDANT, {
      input: { relation, surname: 'Walk', givenNames, dateOfBirth, sex: 'MALE', citizenship: 'KAZ', passport: { country: 'KAZ', number, expiresOn: '2031-01-01' }, documents: [{ kind: certificate, fileName: 'certificate.pdf', language: 'ru' }] },
    });
    expect(leaverFamily.addDependant.userErrors).toEqual([]);
    const id = leaverFamily.addDependant.dependant?.id ?? '';
    if (relation === 'SPOUSE') await flows.dependantScreenedBySecurity(graph, securityOfficer, migrationOfficer, id);
    const leaverFamilyApproved = await gql<{ approveDependant: { userErrors: UserErrorView[] } }>(migrationOfficer, 'mutation P($input: DependantDecisionInput!) { approveDependant(input: $input) { userErrors { code field message } } }', { input: { dependantId: id } });
    expect(leaverFamilyApproved.approveDependant.userErrors).toEqual([]);
  }
  // Nomads some agencies hold no record of: an applicant (labor and tax: none), a pilot holder
  // (GKNB: none; the period runs past the walk's day so that it never expires into an exit watch).
  applicant = await flows.applicant(graph);
  const imported = await importPilotHolders(graph.migration.database.db, {
    rows: [
      {
        surname: 'Sokolova', given_names: 'Elena', date_of_birth: '1990-05-17', sex: 'F', citizenship: 'RUS', passport_country: 'RUS',
        passport_number: '759900778', passport_expires_on: '2032-01-01', email: 'elena.sokolova@example.org', pin: '11705199000778',
        status_valid_from: '2025-01-15', status_valid_until: '2027-12-31',
      },
    ],
    clock: graph.clock,
    actor: 'officer:walk',
    span: { firstDay: '2022-08-01', lastDay: '2027-12-31' },
  });
  expect(imported).toMatchObject({ imported: 1, skipped: [] });
  pilot = { nomadId: imported.importedNomadIds[0] ?? '', pin: '11705199000778' };
  await graph.flushEvents();

  const tax = graph.agencies.tax;
  if (!tax) throw new Error('no tax agency');
  await tax.database.client`update tax.regimes set active = false where code = 'HTP_RESIDENT'`;
  await tax.database.client`update tax.registrations set regime_code = 'HTP_RESIDENT' where nomad_id = ${stuck.nomadId}`;
  const started = await gql<{ startReregistrationCampaign: { campaign: { id: string } | null; userErrors: UserErrorView[] } }>(
    taxOfficer,
    'mutation { startReregistrationCampaign(input: { batchSize: 10 }) { campaign { id } userErrors { code field message } } }',
  );
  expect(started.startReregistrationCampaign.userErrors).toEqual([]);
  await (tax.extras.campaigns as { idle(): Promise<void> }).idle();

  // Labor: a risk level changed with a note that states it, a report, an expert's findings.
  const risk = await gql<{ setCaseRiskLevel: { monitoringCase: { id: string } | null; userErrors: UserErrorView[] } }>(
    laborOfficer,
    'mutation R($input: SetCaseRiskLevelInput!) { setCaseRiskLevel(input: $input) { monitoringCase { id } userErrors { code field message } } }',
    { input: { nomadId: holder.nomadId, riskLevel: 'HIGH', note: 'Raised to HIGH: no income from the declared client.' } },
  );
  expect(risk.setCaseRiskLevel.userErrors).toEqual([]);
  const report = await gql<{ fileActivityReport: { userErrors: UserErrorView[] } }>(
    holder.tok,
    'mutation R($input: FileActivityReportInput!) { fileActivityReport(input: $input) { activityReport { id } userErrors { code field message } } }',
    { input: { period: { year: 2026, quarter: 4 }, activityCode: 'SOFTWARE_DEVELOPMENT', clients: [{ name: 'Walkthrough Oy', country: 'FIN' }], income: { amountMinor: 512_000, currency: 'USD' } } },
  );
  expect(report.fileActivityReport.userErrors).toEqual([]);

  // Tax: a declaration in arrears, partly paid.
  const filed = await gql<{ fileTaxDeclaration: { declaration: { id: string } | null; userErrors: UserErrorView[] } }>(
    holder.tok,
    'mutation F($input: FileTaxDeclarationInput!) { fileTaxDeclaration(input: $input) { declaration { id } userErrors { code field message } } }',
    { input: { period: '2026-Q3', income: { amountMinor: 600_000, currency: 'USD' } } },
  );
  expect(filed.fileTaxDeclaration.userErrors).toEqual([]);
  const paid = await gql<{ recordTaxPayment: { userErrors: UserErrorView[] } }>(
    taxOfficer,
    'mutation P($input: RecordTaxPaymentInput!) { recordTaxPayment(input: $input) { declaration { id } userErrors { code field message } } }',
    { input: { declarationId: filed.fileTaxDeclaration.declaration?.id, amount: { amountMinor: 1_000, currency: 'USD' }, paidOn: '2026-11-20' } },
  );
  expect(paid.recordTaxPayment.userErrors).toEqual([]);

  // GKNB: a re-screening asked for with a note and concluded; the leaver's status revoked.
  const rescreen = await gql<{ rescreenHolder: { screening: { id: string; version: number } | null; userErrors: UserErrorView[] } }>(
    securityOfficer,
    'mutation S($input: RescreenHolderInput!) { rescreenHolder(input: $input) { screening { id version } userErrors { code field message } } }',
    { input: { nomadId: holder.nomadId, note: 'Periodic re-screening of holders.' } },
  );
  expect(rescreen.rescreenHolder.userErrors).toEqual([]);
  const rescreening = rescreen.rescreenHolder.screening;
  const cleared = await gql<{ concludeScreening: { userErrors: UserErrorView[] } }>(
    securityOfficer,
    'mutation C($input: ConcludeScreeningInput!) { concludeScreening(input: $input) { screening { id } userErrors { code field message } } }',
    { input: { screeningId: rescreening?.id, expectedVersion: rescreening?.version, outcome: 'CLEARED', classification: 'CONFIDENTIAL', reasonText: 'Still nothing known.' } },
  );
  expect(cleared.concludeScreening.userErrors).toEqual([]);
  const revoked = await gql<{ revokeStatus: { userErrors: UserErrorView[] } }>(migrationOfficer, STATUS_ACTIONS.revokeStatus, { input: { nomadId: leaver.nomadId, ground: 'NATIONAL_SECURITY_THREAT' } });
  expect(revoked.revokeStatus.userErrors).toEqual([]);
  await graph.flushEvents();
  // Past the leaver's exit deadline (15 days), so that the watch is overdue, and past the day
  // the fourth quarter's reports were due, so that the others' are missing.
  graph.clock.set('2027-02-05T06:00:00Z');

  const labor = graph.agencies.labor;
  if (!labor) throw new Error('no labor agency');
  const [monitoringCase] = await labor.database.client<{ id: string }[]>`select id from labor.monitoring_cases where nomad_id = ${holder.nomadId}`;
  overrides = {
    'Query.nomad': { id: holder.nomadId },
    'Query.dependant': { id: family.spouse },
    'Dependant.statusOn': { date: '2026-12-01' },
    'Query.application': { id: holder.app.id },
    'Query.auditNomad': { id: holder.nomadId },
    'Query.screening': { id: rescreening?.id },
    'Query.monitoringCase': { id: monitoringCase?.id },
    'Query.evaluation': { id: evaluationId },
    'Query.taxRegistration': { pin: holder.pin },
    'Query.expiringStatuses': { withinDays: 366 },
    'Query.missingActivityReports': { period: { year: 2026, quarter: 4 } },
    'Nomad.statusOn': { date: '2026-12-01' },
  };
}, 300_000);
afterAll(async () => {
  await graph?.stop();
});

/**
 * The selection of the case's path from step `from` on, every nomad on the way identified
 * (`id`, `nomad { id }`), ending in `leaves` (by default the case's personal field; the
 * matrix reads every personal field of the object at once); its variables and their
 * definitions are added to `variables` and `defs`.
 */
function selectionOf(
  c: PersonalReadCase,
  from: number,
  variables: Record<string, unknown>,
  defs: string[],
  leaves: readonly PathStep[] = [c.steps.at(-1) as PathStep],
  /** Arguments that replace `overrides`' for a field (another nomad to look up). */
  variant: Record<string, Record<string, unknown>> = {},
): string {
  const hasNomad = (type: GraphQLObjectType) => getNamedType(type.getFields().nomad?.type)?.name === 'Nomad';
  // The nomad: the object itself, its `nomad`, or the `nomad` of an object it holds (a declaration's registration).
  const subjectOf = (type: GraphQLObjectType): string => {
    if (type.name === 'Nomad') return 'id';
    if (hasNomad(type)) return 'nomad { id }';
    const holder = Object.values(type.getFields()).find((f) => {
      const t = getNamedType(f.type);
      return f.args.length === 0 && isObjectType(t) && hasNomad(t);
    });
    return holder ? `${holder.name} { nomad { id } }` : '';
  };
  const fieldOf = (s: PathStep, i: number, inner: string): string => {
    const key = `${s.parent.name}.${s.field.name}`;
    const args = { ...s.args, ...(variant[key] ?? overrides[key]) };
    const argText = Object.entries(args)
      .map(([name, value]) => {
        const variable = `v${i}_${name}`;
        const arg = s.field.args.find((a) => a.name === name);
        if (!arg) throw new Error(`${s.parent.name}.${s.field.name} has no argument ${name}`);
        if (!(variable in variables)) defs.push(`$${variable}: ${arg.type.toString()}`);
        variables[variable] = value;
        return `${name}: $${variable}`;
      })
      .join(', ');
    const named = getNamedType(s.field.type);
    const head = `${s.field.name}${argText ? `(${argText})` : ''}`;
    if (isLeafType(named)) return head;
    if (!isObjectType(named)) throw new Error(`${s.field.name} returns ${named.name}, neither a leaf nor an object`);
    return `${head} { ${subjectOf(named)} ${inner} }`;
  };
  const build = (i: number): string => {
    if (i === c.steps.length - 1) return leaves.map((leaf) => fieldOf(leaf, i, '__typename')).join(' ');
    return fieldOf(c.steps[i] as PathStep, i, build(i + 1));
  };
  return build(from);
}

/** The query reading the case's path from `Query`. */
function operationOf(c: PersonalReadCase): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const defs: string[] = [];
  const body = selectionOf(c, 0, variables, defs);
  return { query: `query Walk${defs.length ? `(${defs.join(', ')})` : ''} { ${body} }`, variables };
}

/** Where the path reached the personal field: the value (null included) and the nomad nearest above it. */
function readsOf(c: PersonalReadCase, data: unknown, from = 0, initialSubject: string | null = null): { subject: string | null; value: unknown }[] {
  const out: { subject: string | null; value: unknown }[] = [];
  const walk = (value: unknown, i: number, subject: string | null) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, i, subject);
      return;
    }
    const obj = value as Record<string, unknown>;
    const parent = c.steps[i]?.parent;
    let here = subject;
    if (parent?.name === 'Nomad' && typeof obj.id === 'string') here = obj.id;
    const nomadOf = (o: Record<string, unknown>) => (o.nomad as { id?: unknown } | null | undefined)?.id;
    const held = Object.values(obj).find((v): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && typeof nomadOf(v as Record<string, unknown>) === 'string');
    const nomad = nomadOf(obj) ?? (held ? nomadOf(held) : undefined);
    if (parent?.name !== 'Nomad' && typeof nomad === 'string') here = nomad;
    const name = c.steps[i]?.field.name ?? '';
    if (i === c.steps.length - 1) {
      if (name in obj) out.push({ subject: here, value: obj[name] });
      return;
    }
    walk(obj[name], i + 1, here);
  };
  walk(data, from, initialSubject);
  return out;
}

/** Who may try the read: the field's agency's officer, with the root's agency's, the nomad, an auditor, the expert. */
async function candidates(c: PersonalReadCase): Promise<{ who: string; tok: string }[]> {
  const rootAgency = owners.get(`Query.${c.steps[0]?.field.name ?? ''}`) ?? c.agency;
  const roleSets: Role[][] = [
    [OFFICER[c.agency] as Role],
    [OFFICER[rootAgency] as Role, OFFICER[c.agency] as Role],
    ['auditor'],
    ['auditor', OFFICER[c.agency] as Role],
    ['auditor', OFFICER[rootAgency] as Role],
    ['labor_expert'],
    ['labor_expert', OFFICER[rootAgency] as Role],
  ];
  const seen = new Set<string>();
  const out: { who: string; tok: string }[] = [];
  for (const roles of roleSets) {
    const unique = [...new Set(roles)];
    if (seen.has(unique.join('+'))) continue;
    seen.add(unique.join('+'));
    out.push({ who: unique.join('+'), tok: await tokenFor(unique) });
  }
  out.splice(2, 0, { who: 'the nomad', tok: holder.tok });
  return out;
}

async function recordsOf(agency: string, purpose: string): Promise<{ subject: string; fields: string[] }[]> {
  const db = graph.agencies[agency]?.database.client;
  if (!db) throw new Error(`no ${agency}`);
  return db.unsafe<{ subject: string; fields: string[] }[]>(`select subject_id::text as subject, fields from "${agency}".access_records where purpose = $1`, [purpose]);
}


/** The need-to-know tables the services read, by agency: the matrix's oracle. */
const NEED_TO_KNOW: Record<string, NeedToKnowTable> = {
  migration: MIGRATION_NEED_TO_KNOW,
  labor: LABOR_NEED_TO_KNOW,
  tax: TAX_NEED_TO_KNOW,
  security: SECURITY_NEED_TO_KNOW,
};

/** Who asks: a token (or none), the roles a valid one proves, the nomad and `sub` it names. */
interface Asker {
  who: string;
  tok: string | null;
  /** Roles the services may honour: none for a missing or forged token. */
  roles: Role[];
  nomadId: string | null;
  sub: string | null;
  /** A role of the list: each cell the table allows it must show a value of a seeded subject. */
  role: Role | null;
}

/** One read of the matrix: a query, where it is sent, and where in the answer the cases' path starts. */
interface MatrixRead {
  /** Cases on the same path to the same object: the read selects each one's personal field. */
  cases: PersonalReadCase[];
  /** `gateway`, or the agency whose subgraph is called directly. */
  target: string;
  query: string;
  variables: Record<string, unknown>;
  /** The cases' step the answer's root object stands at (0: `Query`), and its root. */
  from: number;
  root: (data: Record<string, unknown>) => unknown;
  /** The nomad the root stands for, when the representation says it. */
  subject: string | null;
  label: string;
}

/**
 * Cells the tables allow but no path of the walk lets that role reach with a value (the walk
 * takes the shortest way to each object): the matrix checks they indeed show nothing, so that an
 * entry here goes stale loudly.
 */
const NO_PATH_FOR: Record<string, string> = {
  'nomad: CaseAction.note': "the walk reaches a case's history only through `monitoringCases`, a labor officers' list",
  'labor_expert: CaseAction.note': "the walk reaches a case's history only through `monitoringCases`, a labor officers' list",
};

/** Nomads whose evaluation is (or was) assigned to the walk's expert: the `assigned` relation, from labor's own rows. */
let assignedToExpert = new Set<string>();
/**
 * Nomads each agency's officer reaches through their agency's own records (the `linked`
 * relation), read from that agency's own rows: the oracle owes nothing to migration's facts.
 */
let linkedTo: Partial<Record<Role, Set<string>>> = {};

function allowedFor(a: Asker, c: PersonalReadCase, subject: string | null): boolean {
  const row = NEED_TO_KNOW[c.agency]?.[c.coordinate];
  if (!row) throw new Error(`${c.coordinate} has no row in ${c.agency}'s need-to-know table`);
  return a.roles.some((role) => {
    const rule = row[role];
    if (rule === 'any') return true;
    if (subject === null) return false;
    if (rule === 'self') return role === 'nomad' && a.nomadId === subject;
    if (rule === 'assigned') return role === 'labor_expert' && a.sub === 'walk:expert' && assignedToExpert.has(subject);
    if (rule === 'linked') return linkedTo[role]?.has(subject) ?? false;
    return false;
  });
}

/** Root lookups of the nomads outside some agency's records: the applicant by id, the pilot holder by id and PIN, the applicant's application. */
function lookupsOfUnlinked(): Record<string, Record<string, unknown>[]> {
  return {
    'Query.nomad': [{ id: applicant.nomadId }, { id: pilot.nomadId }, { pin: pilot.pin }],
    'Query.application': [{ id: applicant.app.id }],
  };
}

/**
 * The reads of the matrix: every path of the walk (the cases that share a path up to their
 * object read together) through the gateway; directly, the whole path at the subgraph of its
 * root field, and an `_entities` call at every nomad or application on the path.
 */
function matrixReads(): MatrixRead[] {
  const groups = new Map<string, PersonalReadCase[]>();
  for (const c of cases) {
    // A non-null field refused nulls its parent, and with it the fields read beside it: fields
    // are read together only when the tables give them the same row (refused to the same callers).
    const key = `${c.steps
      .slice(0, -1)
      .map((x) => `${x.parent.name}.${x.field.name}`)
      .join('/')} ${JSON.stringify(NEED_TO_KNOW[c.agency]?.[c.coordinate])}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const reads: MatrixRead[] = [];
  const seen = new Set<string>();
  const add = (r: MatrixRead) => {
    const key = `${r.target} ${r.query} ${JSON.stringify(r.variables)}`;
    if (seen.has(key)) return;
    seen.add(key);
    reads.push(r);
  };
  for (const group of groups.values()) {
    const c = group[0] as PersonalReadCase;
    const leaves = group.map((x) => x.steps.at(-1) as PathStep);
    const label = `${c.steps.slice(0, -1).map((x) => x.field.name).join('.')}.{${leaves.map((l) => l.field.name).join(',')}}`;
    const variables: Record<string, unknown> = {};
    const defs: string[] = [];
    const body = selectionOf(c, 0, variables, defs, leaves);
    const query = `query Walk${defs.length ? `(${defs.join(', ')})` : ''} { ${body} }`;
    add({ cases: group, target: 'gateway', query, variables, from: 0, root: (d) => d, subject: null, label });
    // Directly, at the subgraph of the root field (no other subgraph has it).
    const rootOwner = owners.get(`Query.${c.steps[0]?.field.name ?? ''}`);
    if (rootOwner) add({ cases: group, target: rootOwner, query, variables, from: 0, root: (d) => d, subject: null, label });
    // The root lookups again for the nomads some agencies hold no record of (by id, by PIN, their application).
    const rootKey = `Query.${c.steps[0]?.field.name ?? ''}`;
    for (const args of lookupsOfUnlinked()[rootKey] ?? []) {
      const vVariables: Record<string, unknown> = {};
      const vDefs: string[] = [];
      const vBody = selectionOf(c, 0, vVariables, vDefs, leaves, { [rootKey]: args });
      const vQuery = `query Walk${vDefs.length ? `(${vDefs.join(', ')})` : ''} { ${vBody} }`;
      const vLabel = `${label} (${JSON.stringify(args)})`;
      add({ cases: group, target: 'gateway', query: vQuery, variables: vVariables, from: 0, root: (d) => d, subject: null, label: vLabel });
      if (rootOwner) add({ cases: group, target: rootOwner, query: vQuery, variables: vVariables, from: 0, root: (d) => d, subject: null, label: vLabel });
    }
    // An `_entities` call where the path passes a nomad or an application, as the gateway makes it (or an attacker would).
    for (let i = 1; i < c.steps.length; i++) {
      const step = c.steps[i] as PathStep;
      const type = step.parent.name;
      if (type !== 'Nomad' && type !== 'Application') continue;
      const target = owners.get(`${type}.${step.field.name}`);
      if (!target) continue;
      const representations: { rep: Record<string, string>; subject: string | null }[] =
        type === 'Nomad'
          ? [
              { rep: { __typename: 'Nomad', id: holder.nomadId }, subject: null },
              { rep: { __typename: 'Nomad', id: leaver.nomadId }, subject: null },
              { rep: { __typename: 'Nomad', id: applicant.nomadId }, subject: null },
              { rep: { __typename: 'Nomad', id: pilot.nomadId }, subject: null },
              ...(target === 'migration'
                ? [
                    { rep: { __typename: 'Nomad', pin: holder.pin }, subject: null },
                    { rep: { __typename: 'Nomad', pin: pilot.pin }, subject: null },
                  ]
                : []),
            ]
          : [
              { rep: { __typename: 'Application', id: holder.app.id }, subject: holder.nomadId },
              { rep: { __typename: 'Application', id: applicant.app.id }, subject: applicant.nomadId },
            ];
      for (const { rep, subject } of representations) {
        const entityVariables: Record<string, unknown> = { reps: [rep] };
        const entityDefs = ['$reps: [_Any!]!'];
        const selection = selectionOf(c, i, entityVariables, entityDefs, leaves);
        add({
          cases: group,
          target,
          query: `query Walk(${entityDefs.join(', ')}) { _entities(representations: $reps) { ... on ${type} { ${type === 'Nomad' ? 'id ' : ''}${selection} } } }`,
          variables: entityVariables,
          from: i,
          root: (d) => d._entities,
          subject,
          label: [`_entities(${type} by ${Object.keys(rep).filter((k) => k !== '__typename').join('')})`, ...c.steps.slice(i, -1).map((x) => x.field.name), `{${leaves.map((l) => l.field.name).join(',')}}`].join('.'),
        });
      }
    }
  }
  return reads;
}

/** POSTs a read to the gateway or straight to a subgraph (with or without its gateway credential). */
async function send(r: MatrixRead, tok: string | null, credential: boolean): Promise<GraphResponse> {
  if (r.target === 'gateway') return graph.request(tok, r.query, r.variables, { 'x-purpose': 'need-to-know matrix' });
  const url = graph.agencies[r.target]?.server.url;
  if (!url) throw new Error(`no subgraph ${r.target}`);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-purpose': 'need-to-know matrix',
      ...(tok ? { authorization: `Bearer ${tok}` } : {}),
      ...(credential ? { 'x-gateway-credential': DEV_GATEWAY_SECRET } : {}),
    },
    body: JSON.stringify({ query: r.query, variables: r.variables }),
  });
  const text = await res.text();
  let body: GraphResponse['body'] = {};
  try {
    body = JSON.parse(text) as GraphResponse['body'];
  } catch {
    body = {};
  }
  return { status: res.status, body, text, headers: res.headers };
}

/** Runs `fn` over `items`, `width` at a time. */
async function pool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

describe('the need-to-know matrix: every role against every personal field, through the gateway and at each subgraph', () => {
  it('returns no value the tables do not allow, and a value wherever they allow one', async () => {
    expect(ROLES.length).toBeGreaterThan(0);
    const coordinates = Object.values(TABLES).flat();
    expect(coordinates.length).toBeGreaterThan(0);
    for (const [agency, fields] of Object.entries(TABLES)) expect(Object.keys(NEED_TO_KNOW[agency] ?? {}).sort()).toEqual([...fields].sort());

    const labor = graph.agencies.labor;
    if (!labor) throw new Error('no labor agency');
    const assigned = await labor.database.client<{ nomad: string }[]>`
      select distinct e.nomad_id::text as nomad from labor.evaluations e join labor.experts x on x.id = e.expert_id where x.principal_sub = 'walk:expert'`;
    assignedToExpert = new Set(assigned.map((r) => r.nomad));
    expect(assignedToExpert.has(holder.nomadId)).toBe(true);

    // `linked`, from each agency's own records of nomads.
    const idsIn = async (agency: string, statement: string) => {
      const db = graph.agencies[agency]?.database.client;
      if (!db) throw new Error(`no ${agency}`);
      return new Set((await db.unsafe<{ nomad: string }[]>(statement)).map((r) => r.nomad));
    };
    linkedTo = {
      labor_officer: await idsIn('labor', 'select nomad_id::text as nomad from labor.monitoring_cases union select nomad_id::text from labor.evaluations'),
      tax_officer: await idsIn('tax', 'select nomad_id::text as nomad from tax.registrations'),
      security_officer: await idsIn('security', 'select nomad_id::text as nomad from security.screenings union select nomad_id::text from security.exit_watches'),
    };
    // Each of these officers meets, among the nomads the matrix reads, one their agency holds
    // records of and one it does not.
    const subjects = [holder.nomadId, leaver.nomadId, applicant.nomadId, pilot.nomadId];
    for (const [role, ids] of Object.entries(linkedTo)) {
      expect(subjects.filter((id) => ids.has(id)).length, `${role}: no linked nomad`).toBeGreaterThan(0);
      expect(subjects.filter((id) => !ids.has(id)).length, `${role}: no unlinked nomad`).toBeGreaterThan(0);
    }
    expect([...(linkedTo.labor_officer ?? [])].filter((id) => id === applicant.nomadId)).toEqual([]);
    expect(linkedTo.tax_officer?.has(pilot.nomadId)).toBe(true);
    expect(linkedTo.security_officer?.has(pilot.nomadId)).toBe(false);

    const askers: Asker[] = [];
    for (const role of ROLES) {
      if (role === 'nomad') askers.push({ who: 'nomad', tok: holder.tok, roles: ['nomad'], nomadId: holder.nomadId, sub: null, role });
      else {
        const tok = await tokenFor([role]);
        askers.push({ who: role, tok, roles: [role], nomadId: null, sub: role === 'labor_expert' ? 'walk:expert' : `walk:${role}`, role });
      }
    }
    askers.push({ who: 'no token', tok: null, roles: [], nomadId: null, sub: null, role: null });
    askers.push({
      who: 'bad token',
      tok: await signToken('another-secret-that-is-long-enough-for-hs256', { roles: [...ROLES], nomadId: holder.nomadId, sub: 'forger' }),
      roles: [],
      nomadId: null,
      sub: null,
      role: null,
    });
    askers.push({ who: 'another nomad', tok: stuck.tok, roles: ['nomad'], nomadId: stuck.nomadId, sub: null, role: null });

    // The direct reads each subgraph's own schema accepts (the others fail validation whoever asks).
    const officer = await tokenFor(['migration_officer']);
    const candidates = matrixReads();
    const probing = Date.now();
    const reads: MatrixRead[] = [];
    await pool(candidates, 6, async (r) => {
      if (r.target === 'gateway') {
        reads.push(r);
        return;
      }
      const res = await send(r, officer, true);
      if (!res.body.errors?.some((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')) reads.push(r);
    });
    console.log(`need-to-know matrix: ${candidates.length} candidate reads, ${reads.length} valid, probed in ${Date.now() - probing} ms`);
    for (const agency of Object.keys(TABLES)) expect(reads.filter((r) => r.target === agency).length, `no direct read at ${agency}`).toBeGreaterThan(0);
    expect(reads.some((r) => r.target !== 'gateway' && r.from > 0), 'no direct _entities read').toBe(true);

    type Mode = 'gateway' | 'subgraph + credential' | 'subgraph, no credential';
    const counts = new Map<string, { asker: string; mode: Mode; requests: number; refused: number; values: number; unauthorized: number }>();
    const unauthorized: string[] = [];
    const shown = new Set<string>();
    /** `who|coordinate|nomad` of every allowed value shown. */
    const shownOf = new Set<string>();
    const modesOf = (r: MatrixRead): Mode[] => (r.target === 'gateway' ? ['gateway'] : ['subgraph + credential', 'subgraph, no credential']);
    const jobs = askers.flatMap((a) => reads.flatMap((r) => modesOf(r).map((mode) => ({ a, r, mode }))));
    const started = Date.now();
    console.log(`need-to-know matrix: ${jobs.length} requests to make`);
    await pool(jobs, 8, async ({ a, r, mode }) => {
      const res = await send(r, a.tok, mode !== 'subgraph, no credential');
      const key = `${a.who}|${mode}`;
      const row = counts.get(key) ?? { asker: a.who, mode, requests: 0, refused: 0, values: 0, unauthorized: 0 };
      counts.set(key, row);
      row.requests++;
      if (res.status === 401 || res.status === 403) row.refused++;
      const data = res.body.data;
      for (const c of r.cases) {
        const values = data ? readsOf(c, r.root(data), r.from, r.subject).filter((v) => v.value !== null && v.value !== undefined) : [];
        for (const v of values) {
          row.values++;
          if (!allowedFor(a, c, v.subject)) {
            row.unauthorized++;
            unauthorized.push(`${a.who} read ${c.coordinate} of ${v.subject ?? 'an unidentified nomad'} via ${r.label} (${mode}${r.target === 'gateway' ? '' : ` at ${r.target}`})`);
          } else if (v.subject !== null && (a.role === 'nomad' ? v.subject === holder.nomadId : true)) {
            shown.add(`${a.who}|${c.coordinate}`);
            shownOf.add(`${a.who}|${c.coordinate}|${v.subject}`);
          }
        }
      }
      // Without the gateway's credential the subgraph refuses the whole request, whoever asks.
      if (mode === 'subgraph, no credential') expect([401, 403], `${r.target} answered ${res.status} without the credential`).toContain(res.status);
      // Without a valid token the gateway refuses the whole request.
      if (a.roles.length === 0 && mode === 'gateway') expect(res.status, `${a.who} at the gateway`).toBe(401);
    });
    console.log(`need-to-know matrix: ${askers.length} askers × ${reads.length} reads, ${jobs.length} requests in ${Date.now() - started} ms`);
    console.table([...counts.values()]);

    expect(unauthorized).toEqual([]);
    // Other agencies' officers read the nomads their agency holds records of (and, above, no
    // other's): the lookups of the unlinked nomads reached them, as a migration officer sees.
    for (const id of [applicant.nomadId, pilot.nomadId]) expect(shownOf.has(`migration_officer|Nomad.surname|${id}`), `migration officer: surname of ${id}`).toBe(true);
    expect(shownOf.has(`security_officer|Nomad.surname|${applicant.nomadId}`)).toBe(true);
    expect(shownOf.has(`security_officer|Application.documents|${applicant.nomadId}`)).toBe(true);
    expect(shownOf.has(`labor_officer|Nomad.surname|${pilot.nomadId}`)).toBe(true);
    expect(shownOf.has(`tax_officer|Nomad.pin|${pilot.nomadId}`)).toBe(true);
    // Each cell the tables allow a role of the list shows a value of a seeded subject, so the
    // matrix cannot pass by returning nulls everywhere (fields null on every path by the domain excepted).
    const alwaysNull = coordinates.filter((f) => cases.filter((c) => c.coordinate === f).every((c) => c.label in NULL_ON_PATH));
    const missing: string[] = [];
    let allowedCells = 0;
    for (const a of askers) {
      if (a.role === null) continue;
      for (const c of new Map(cases.map((x) => [x.coordinate, x])).values()) {
        if (alwaysNull.includes(c.coordinate)) continue;
        // The holder: every relation of the tables holds for them (self, assigned, linked).
        const subject = holder.nomadId;
        if (!allowedFor(a, c, subject)) continue;
        allowedCells++;
        if (!shown.has(`${a.who}|${c.coordinate}`)) missing.push(`${a.who}: ${c.coordinate}`);
      }
    }
    expect(allowedCells).toBeGreaterThan(0);
    expect(missing.sort()).toEqual(Object.keys(NO_PATH_FOR).sort());
  }, 600_000);
});

describe('every personal field, through every path the schema offers', () => {
  it('has a case for every entry of the four tables, each resolved by its own agency', () => {
    const all = Object.entries(TABLES).flatMap(([agency, fields]) => fields.map((f) => ({ agency, f })));
    expect(all.length).toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThan(0);
    for (const { agency, f } of all) {
      expect(owners.get(f), `${f} is in ${agency}'s table`).toBe(agency);
      expect(cases.filter((c) => c.coordinate === f).length, `no path reaches ${f}`).toBeGreaterThan(0);
    }
    // The walk crosses agencies: some objects reach their field's agency through `_entities`.
    expect(cases.some((c) => c.viaEntitiesFrom !== null)).toBe(true);
    for (const label of Object.keys(NULL_ON_PATH)) expect(cases.map((c) => c.label)).toContain(label);
  });

  it.each(cases.map((c) => [`${c.coordinate} via ${c.label}${c.viaEntitiesFrom ? ` (from ${c.viaEntitiesFrom}, through _entities)` : ''}`, c] as const))(
    '%s',
    async (_name, c) => {
      const { query, variables } = operationOf(c);
      const tried: string[] = [];
      for (const { who, tok } of await candidates(c)) {
        const purpose = `walk ${randomUUID()}`;
        const res: GraphResponse = await graph.request(tok, query, variables, { 'x-purpose': purpose });
        if (res.body.errors) {
          tried.push(`${who}: ${res.body.errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : e.message)).join(', ')}`);
          continue;
        }
        const reads = readsOf(c, res.body.data);
        if (reads.length === 0) {
          tried.push(`${who}: nothing on the path`);
          continue;
        }
        const shown = reads.filter((r) => r.value !== null);
        if (shown.length === 0 && !(c.label in NULL_ON_PATH)) {
          tried.push(`${who}: ${c.coordinate} null`);
          continue;
        }
        const records = await recordsOf(c.agency, purpose);
        for (const r of shown) {
          expect(r.subject, `no nomad identified on ${c.label}`).not.toBeNull();
          expect(records, `${who} read ${c.coordinate} of ${r.subject} via ${c.label} without a record`).toContainEqual({ subject: r.subject, fields: expect.arrayContaining([c.coordinate]) as unknown });
        }
        if (shown.length > 0) recordedWithValue.add(c.coordinate);
        return;
      }
      throw new Error(`nobody read ${c.coordinate} via ${c.label}:\n${tried.join('\n')}\n${query}`);
    },
    120_000,
  );

  it("ExitWatch.note: shown only when the departure is confirmed, and recorded then", async () => {
    const watch = await gql<{ overdueDepartures: { edges: { node: { id: string; version: number; nomad: { id: string } } }[] } }>(
      await tokenFor(['security_officer']),
      '{ overdueDepartures(first: 100) { edges { node { id version nomad { id } } } } }',
    );
    const mine = watch.overdueDepartures.edges.find((e) => e.node.nomad.id === leaver.nomadId)?.node;
    if (!mine) throw new Error('the leaver is not overdue');
    const purpose = `walk ${randomUUID()}`;
    const res = await graph.request<{ confirmDeparture: { exitWatch: { note: string | null } | null; userErrors: UserErrorView[] } }>(
      await tokenFor(['security_officer']),
      'mutation D($input: ConfirmDepartureInput!) { confirmDeparture(input: $input) { exitWatch { note } userErrors { code field message } } }',
      { input: { watchId: mine.id, expectedVersion: mine.version, departedOn: '2026-12-11', note: 'Crossed at Ak-Jol on 11 December.' } },
      { 'x-purpose': purpose },
    );
    expect(res.body.errors, res.text).toBeUndefined();
    expect(res.body.data?.confirmDeparture).toEqual({ exitWatch: { note: 'Crossed at Ak-Jol on 11 December.' }, userErrors: [] });
    expect(await recordsOf('security', purpose)).toContainEqual({ subject: leaver.nomadId, fields: ['ExitWatch.note'] });
    recordedWithValue.add('ExitWatch.note');
  });

  it('read every personal field of the tables with a value, and found each recorded', () => {
    const all = Object.values(TABLES).flat();
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((f) => !recordedWithValue.has(f))).toEqual([]);
  });
});
