import { randomUUID } from 'node:crypto';
import { and, eq, inArray, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_GATEWAY_SECRET, type Role } from '@nomad/kit';
import { schema as securitySchema, type SecuritySchema } from '@nomad/security';
import type { Database } from '@nomad/kit';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import { ACTIONS, STATUS_ACTIONS, SUBMIT, validApplication, type ApplicationView, type UserErrorView } from '../src/fixtures.ts';

const TODAY = '2026-11-24';
let graph: TestGraph;
let securityOfficer: string;
let migrationOfficer: string;
let securityDb: Database<SecuritySchema>['db'];

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  securityOfficer = await token(['security_officer'], { name: 'Officer Toktogulov', sub: 'gknb:toktogulov' });
  migrationOfficer = await token(['migration_officer'], { name: 'Officer Asanov' });
  const security = graph.agencies.security;
  if (!security) throw new Error('the harness did not start the security subgraph');
  securityDb = (security.database as unknown as Database<SecuritySchema>).db;
});
afterAll(async () => {
  await graph?.stop();
});

interface ScreeningView {
  id: string;
  outcome: string;
  version: number;
  kind: string;
}

const CONCLUDE = /* GraphQL */ `
  mutation Conclude($input: ConcludeScreeningInput!) {
    concludeScreening(input: $input) {
      screening { id kind outcome version concludedAt reasons classification reasonText concludedBy }
      userErrors { code field message }
    }
  }
`;

const RESCREEN = /* GraphQL */ `
  mutation Rescreen($input: RescreenHolderInput!) {
    rescreenHolder(input: $input) { screening { id kind outcome version } userErrors { code field message } }
  }
`;

/**
 * Delivers events until `check` holds. `flushEvents` alone can return while a relay's
 * background pass still has the delivery in flight (claimed, so not due for `runOnce`), so the
 * observable effect is what we wait on, bounded.
 */
async function settled<T>(check: () => Promise<T | null | undefined | false>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    await graph.flushEvents();
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('events did not settle');
}

async function clearanceInMigration(applicationId: string, expected: string): Promise<void> {
  await settled(async () => {
    const res = await graph.request<{ application: { clearance: string } | null }>(migrationOfficer, `query C($id: ID!) { application(id: $id) { clearance } }`, { id: applicationId });
    return res.body.data?.application?.clearance === expected;
  });
}

async function submit(nomadId = randomUUID()) {
  const tok = await token(['nomad'], { nomadId });
  const res = await graph.request<{ submitApplication: { application: ApplicationView | null; userErrors: UserErrorView[] } }>(tok, SUBMIT, { input: validApplication() });
  const app = res.body.data?.submitApplication.application;
  if (!app) throw new Error(`submit failed: ${res.text}`);
  return { app, nomadId, tok };
}

async function act(name: keyof typeof ACTIONS, input: Record<string, unknown>) {
  const res = await graph.request<Record<string, { application: ApplicationView | null; userErrors: UserErrorView[] }>>(migrationOfficer, ACTIONS[name], { input });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  const payload = res.body.data?.[name];
  if (!payload) throw new Error(`no payload for ${name}: ${res.text}`);
  return payload;
}

async function screeningOf(applicationId: string): Promise<ScreeningView | null> {
  const res = await graph.request<{ application: { screening: ScreeningView | null } | null }>(securityOfficer, `query S($id: ID!) { application(id: $id) { screening { id kind outcome version } } }`, { id: applicationId });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data?.application?.screening ?? null;
}

async function conclude(input: Record<string, unknown>, tok = securityOfficer) {
  const res = await graph.request<{ concludeScreening: { screening: (ScreeningView & Record<string, unknown>) | null; userErrors: UserErrorView[] } }>(tok, CONCLUDE, { input });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  const payload = res.body.data?.concludeScreening;
  if (!payload) throw new Error(`no payload: ${res.text}`);
  return payload;
}

/** Submitted, screening opened by the event, in review. */
async function inReview() {
  const s = await submit();
  const screening = await settled(() => screeningOf(s.app.id));
  const reviewed = await act('startReview', { applicationId: s.app.id });
  expect(reviewed.userErrors).toEqual([]);
  return { ...s, screening };
}

async function outboxOfSecurity(type: string) {
  return securityDb.select().from(securitySchema.outbox).where(eq(securitySchema.outbox.type, type));
}

describe('screenings, driven by events through the gateway', () => {
  it('a submitted application opens one PENDING screening (idempotent per application)', async () => {
    const { app } = await submit();
    const screening = await settled(() => screeningOf(app.id));
    expect(screening).toMatchObject({ kind: 'APPLICATION', outcome: 'PENDING', version: 1 });
    // The migration officer sees the outcome only.
    const res = await graph.request<{ application: { clearance: string; screening: { outcome: string; concludedAt: string | null } } }>(
      migrationOfficer,
      `query M($id: ID!) { application(id: $id) { clearance screening { outcome concludedAt } } }`,
      { id: app.id },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.application).toEqual({ clearance: 'PENDING', screening: { outcome: 'PENDING', concludedAt: null } });
    const rows = await securityDb.select().from(securitySchema.screenings).where(eq(securitySchema.screenings.applicationId, app.id));
    expect(rows).toHaveLength(1);
  });

  it('clearing the screening lets migration approve', async () => {
    const { app, screening } = await inReview();
    const early = await act('approveApplication', { applicationId: app.id });
    expect(early.userErrors.map((e) => e.code)).toEqual(['SCREENING_PENDING']);

    const cleared = await conclude({ screeningId: screening.id, expectedVersion: screening.version, outcome: 'CLEARED', classification: 'RESTRICTED' });
    expect(cleared.userErrors).toEqual([]);
    expect(cleared.screening).toMatchObject({ outcome: 'CLEARED', version: 2, reasons: [], classification: 'RESTRICTED', concludedBy: 'gknb:toktogulov' });
    const events = await outboxOfSecurity('ScreeningConcluded');
    expect(events.find((e) => e.aggregateId === app.id)?.payload).toMatchObject({ applicationId: app.id, screeningId: screening.id, outcome: 'CLEARED' });

    await clearanceInMigration(app.id, 'CLEARED');
    const approved = await act('approveApplication', { applicationId: app.id });
    expect(approved.userErrors).toEqual([]);
    expect(approved.application).toMatchObject({ state: 'APPROVED', clearance: 'CLEARED' });
  });

  it('flagging blocks approval with SCREENING_FLAGGED', async () => {
    const { app, screening } = await inReview();
    const flagged = await conclude({
      screeningId: screening.id,
      outcome: 'FLAGGED',
      reasons: ['WATCHLIST_MATCH'],
      classification: 'CONFIDENTIAL',
    });
    expect(flagged.userErrors).toEqual([]);
    await clearanceInMigration(app.id, 'FLAGGED');
    const refused = await act('approveApplication', { applicationId: app.id });
    expect(refused.userErrors.map((e) => e.code)).toEqual(['SCREENING_FLAGGED']);
    expect(refused.application).toBeNull();
  });

  it('refuses bad conclusions as userErrors and writes nothing', async () => {
    const { screening } = await inReview();
    const codes = async (input: Record<string, unknown>, tok?: string) => (await conclude({ screeningId: screening.id, classification: 'SECRET', ...input }, tok)).userErrors.map((e) => e.code);

    expect(await codes({ outcome: 'FLAGGED' })).toEqual(['REASONS_REQUIRED']);
    expect(await codes({ outcome: 'CLEARED', reasons: ['ENTRY_BAN'] })).toEqual(['REASONS_NOT_ALLOWED']);
    expect(await codes({ outcome: 'FLAGGED', reasons: ['OTHER'] })).toEqual(['REASON_TEXT_REQUIRED']);
    expect(await codes({ outcome: 'CLEARED', expectedVersion: 7 })).toEqual(['CONFLICT']);
    expect(await codes({ outcome: 'CLEARED' }, migrationOfficer)).toEqual(['FORBIDDEN']);
    expect(await codes({ outcome: 'CLEARED', screeningId: randomUUID() })).toEqual(['SCREENING_NOT_FOUND']);
    const [row] = await securityDb.select().from(securitySchema.screenings).where(eq(securitySchema.screenings.id, screening.id));
    expect(row).toMatchObject({ outcome: 'PENDING', version: 1, classification: null });

    expect(await codes({ outcome: 'CLEARED', expectedVersion: 1 })).toEqual([]);
    // Concluded: no second conclusion, and a stale version is a conflict.
    expect(await codes({ outcome: 'FLAGGED', reasons: ['ENTRY_BAN'] })).toEqual(['INVALID_TRANSITION']);
    expect(await codes({ outcome: 'FLAGGED', reasons: ['ENTRY_BAN'], expectedVersion: 1 })).toEqual(['CONFLICT']);
  });
});

describe('re-screening a holder, exit deadlines', () => {
  it('a FLAGGED re-screening of a holder recommends suspension; a revocation is watched until departure', async () => {
    const { app, nomadId, screening } = await inReview();
    await conclude({ screeningId: screening.id, outcome: 'CLEARED', classification: 'RESTRICTED' });
    await clearanceInMigration(app.id, 'CLEARED');
    expect((await act('approveApplication', { applicationId: app.id })).userErrors).toEqual([]);

    const res = await graph.request<{ rescreenHolder: { screening: ScreeningView | null; userErrors: UserErrorView[] } }>(securityOfficer, RESCREEN, { input: { nomadId, note: 'New report.' } });
    expect(res.body.errors).toBeUndefined();
    const rescreen = res.body.data?.rescreenHolder.screening;
    expect(rescreen).toMatchObject({ kind: 'RESCREEN', outcome: 'PENDING' });
    const again = await graph.request<{ rescreenHolder: { userErrors: UserErrorView[] } }>(securityOfficer, RESCREEN, { input: { nomadId } });
    expect(again.body.data?.rescreenHolder.userErrors.map((e) => e.code)).toEqual(['SCREENING_ALREADY_OPEN']);
    const unknown = await graph.request<{ rescreenHolder: { userErrors: UserErrorView[] } }>(securityOfficer, RESCREEN, { input: { nomadId: randomUUID() } });
    expect(unknown.body.data?.rescreenHolder.userErrors.map((e) => e.code)).toEqual(['NOMAD_NOT_SCREENED']);

    const flagged = await conclude({ screeningId: rescreen?.id, outcome: 'FLAGGED', reasons: ['INTELLIGENCE_REPORT', 'TERRORISM_CONVICTION'], classification: 'SECRET' });
    expect(flagged.userErrors).toEqual([]);
    const recommended = (await outboxOfSecurity('SuspensionRecommended')).filter((e) => e.aggregateId === nomadId);
    expect(recommended.map((e) => e.payload)).toEqual([
      { nomadId, screeningId: rescreen?.id, reasonSummary: 'CRIMINAL_CONVICTION', at: expect.any(String) as string },
    ]);
    // No ScreeningConcluded for a re-screening: there is no application to decide.
    expect((await outboxOfSecurity('ScreeningConcluded')).some((e) => (e.payload as { screeningId: string }).screeningId === rescreen?.id)).toBe(false);

    const clearance = await graph.request<{ nomad: { clearance: { outcome: string; suspensionRecommended: boolean; screenings: { kind: string }[] } } }>(
      migrationOfficer,
      `query C($id: ID!) { nomad(id: $id) { clearance { outcome suspensionRecommended screenings { kind } } } }`,
      { id: nomadId },
    );
    expect(clearance.body.errors).toBeUndefined();
    expect(clearance.body.data?.nomad.clearance).toEqual({ outcome: 'FLAGGED', suspensionRecommended: true, screenings: [{ kind: 'RESCREEN' }, { kind: 'APPLICATION' }] });

    // Migration revokes; GKNB watches the 15-day exit deadline.
    const revoked = await graph.request<{ revokeStatus: { userErrors: UserErrorView[] } }>(migrationOfficer, STATUS_ACTIONS.revokeStatus, { input: { nomadId, ground: 'NATIONAL_SECURITY_THREAT' } });
    expect(revoked.body.data?.revokeStatus.userErrors).toEqual([]);
    await settled(async () => (await securityDb.select().from(securitySchema.exitWatches).where(eq(securitySchema.exitWatches.nomadId, nomadId))).length > 0);
    const OVERDUE = `{ overdueDepartures(first: 50) { totalCount edges { node { id version cause ground exitDeadlineOn daysOverdue nomad { id } } } } }`;
    type Overdue = { overdueDepartures: { totalCount: number; edges: { node: { id: string; version: number; cause: string; ground: string; exitDeadlineOn: string; daysOverdue: number; nomad: { id: string } } }[] } };
    const before = await graph.request<Overdue>(securityOfficer, OVERDUE);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data?.overdueDepartures.edges.some((e) => e.node.nomad.id === nomadId)).toBe(false);

    graph.clock.set('2026-12-12T06:00:00Z');
    try {
      const after = await graph.request<Overdue>(securityOfficer, OVERDUE);
      expect(after.body.errors).toBeUndefined();
      const watch = after.body.data?.overdueDepartures.edges.find((e) => e.node.nomad.id === nomadId)?.node;
      expect(watch).toMatchObject({ cause: 'REVOKED', ground: 'NATIONAL_SECURITY_THREAT', exitDeadlineOn: '2026-12-09', daysOverdue: 3 });
      const denied = await graph.request(migrationOfficer, OVERDUE);
      expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      const confirm = await graph.request<{ confirmDeparture: { exitWatch: { departureConfirmedOn: string } | null; userErrors: UserErrorView[] } }>(
        securityOfficer,
        `mutation D($input: ConfirmDepartureInput!) { confirmDeparture(input: $input) { exitWatch { departureConfirmedOn } userErrors { code } } }`,
        { input: { watchId: watch?.id, expectedVersion: watch?.version, departedOn: '2026-12-11', note: 'Manas airport, flight to Almaty.' } },
      );
      expect(confirm.body.data?.confirmDeparture).toEqual({ exitWatch: { departureConfirmedOn: '2026-12-11' }, userErrors: [] });
      const gone = await graph.request<Overdue>(securityOfficer, OVERDUE);
      expect(gone.body.errors).toBeUndefined();
      expect(gone.body.data?.overdueDepartures.edges.some((e) => e.node.nomad.id === nomadId)).toBe(false);
    } finally {
      graph.clock.set(`${TODAY}T06:00:00Z`);
    }
  });
});

describe("a family member's exit watch", () => {
  it("a principal's revocation ends the dependant's status: the overdue queue lists both watches, the dependant's under the principal, without errors", async () => {
    const { app, nomadId, tok, screening } = await inReview();
    await conclude({ screeningId: screening.id, outcome: 'CLEARED', classification: 'RESTRICTED' });
    await clearanceInMigration(app.id, 'CLEARED');
    expect((await act('approveApplication', { applicationId: app.id })).userErrors).toEqual([]);
    const added = await graph.request<{ addDependant: { dependant: { id: string } | null; userErrors: UserErrorView[] } }>(
      tok,
      'mutation A($input: AddDependantInput!) { addDependant(input: $input) { dependant { id } userErrors { code field message } } }',
      {
        input: {
          relation: 'CHILD', surname: 'Exit', givenNames: 'Watch', dateOfBirth: '2015-03-03', sex: 'FEMALE', citizenship: 'KAZ',
          passport: { country: 'KAZ', number: `X${randomUUID().slice(0, 8).toUpperCase()}`, expiresOn: '2031-01-01' },
          documents: [{ kind: 'BIRTH_CERTIFICATE', fileName: 'certificate.pdf', language: 'ru' }],
        },
      },
    );
    expect(added.body.errors, added.text).toBeUndefined();
    expect(added.body.data?.addDependant.userErrors).toEqual([]);
    const dependantId = added.body.data?.addDependant.dependant?.id;
    if (!dependantId) throw new Error(`no dependant: ${added.text}`);
    const approved = await graph.request<{ approveDependant: { userErrors: UserErrorView[] } }>(
      migrationOfficer,
      'mutation P($input: DependantDecisionInput!) { approveDependant(input: $input) { userErrors { code field message } } }',
      { input: { dependantId } },
    );
    expect(approved.body.errors, approved.text).toBeUndefined();
    expect(approved.body.data?.approveDependant.userErrors).toEqual([]);
    await graph.flushEvents();

    const revoked = await graph.request<{ revokeStatus: { userErrors: UserErrorView[] } }>(migrationOfficer, STATUS_ACTIONS.revokeStatus, { input: { nomadId, ground: 'NATIONAL_SECURITY_THREAT' } });
    expect(revoked.body.data?.revokeStatus.userErrors).toEqual([]);
    // Both watches opened (the principal's and the family member's), whatever they are filed under.
    const { exitWatches } = securitySchema;
    await settled(async () => (await securityDb.select().from(exitWatches).where(or(inArray(exitWatches.nomadId, [nomadId, dependantId]), eq(exitWatches.dependantId, dependantId)))).length === 2);

    // Nomad and Dependant resolved by migration (citizenship, relation): a reference migration cannot resolve would be null.
    type Watch = { id: string; cause: string; ground: string; exitDeadlineOn: string; nomad: { id: string; citizenship: string }; dependant: { id: string; relation: string; nomad: { id: string } } | null };
    graph.clock.set('2026-12-12T06:00:00Z');
    try {
      const overdue = await graph.request<{ overdueDepartures: { totalCount: number; edges: { node: Watch }[] } }>(
        securityOfficer,
        '{ overdueDepartures(first: 100) { totalCount edges { node { id cause ground exitDeadlineOn nomad { id citizenship } dependant { id relation nomad { id } } } } } }',
      );
      expect(overdue.body.errors, overdue.text).toBeUndefined();
      // A reference migration cannot resolve nulls the whole list (data null, the reason under extensions.valueCompletion).
      expect(overdue.body.data, overdue.text).not.toBeNull();
      const edges = overdue.body.data?.overdueDepartures.edges ?? [];
      expect(edges.length).toBeGreaterThan(0);
      const watches = edges.map((e) => e.node).filter((w) => w.nomad.id === nomadId);
      expect(watches.map((w) => [w.dependant?.id ?? null, w.dependant?.relation ?? null, w.dependant?.nomad.id ?? null, w.nomad.citizenship, w.cause, w.ground, w.exitDeadlineOn]).sort()).toEqual(
        [
          [dependantId, 'CHILD', nomadId, 'KAZ', 'REVOKED', 'PRINCIPAL_REVOKED', '2026-12-09'],
          [null, null, null, 'KAZ', 'REVOKED', 'NATIONAL_SECURITY_THREAT', '2026-12-09'],
        ].sort(),
      );
    } finally {
      graph.clock.set(`${TODAY}T06:00:00Z`);
    }
  });
});

describe('need to know: screening details are for security officers only', () => {
  const TEXT = 'distinctive-free-text-7f3a';
  let applicationId: string;
  let nomadId: string;

  beforeAll(async () => {
    const s = await inReview();
    applicationId = s.app.id;
    nomadId = s.nomadId;
    const flagged = await conclude({ screeningId: s.screening.id, outcome: 'FLAGGED', reasons: ['EXTREMIST_AFFILIATION'], reasonText: TEXT, classification: 'SECRET' });
    expect(flagged.userErrors).toEqual([]);
    // An expert evaluation links the applicant to labor, so that its officer reaches the
    // application (and is refused the screening on it), not a "not found".
    expect((await act('requestEvaluation', { applicationId })).userErrors).toEqual([]);
  });

  const DETAILS = 'outcome reasons classification reasonText concludedBy';
  const PATHS: Record<string, (ids: { applicationId: string; nomadId: string }) => { query: string; variables: Record<string, unknown> }> = {
    field: ({ applicationId: id }) => ({ query: `query Field($id: ID!) { application(id: $id) { screening { ${DETAILS} } } }`, variables: { id } }),
    alias: ({ applicationId: id }) => ({
      query: `query Alias($id: ID!) { a: application(id: $id) { s: screening { o: outcome r: reasons c: classification t: reasonText b: concludedBy } } }`,
      variables: { id },
    }),
    fragment: ({ applicationId: id }) => ({
      query: `query Frag($id: ID!) { application(id: $id) { ...A } } fragment A on Application { screening { ...S } } fragment S on Screening { ${DETAILS} }`,
      variables: { id },
    }),
    inlineFragment: ({ applicationId: id }) => ({ query: `query Inline($id: ID!) { application(id: $id) { ... on Application { screening { ... on Screening { ${DETAILS} } } } } }`, variables: { id } }),
    clearance: ({ nomadId: id }) => ({ query: `query Clearance($id: ID!) { nomad(id: $id) { clearance { outcome screenings { ${DETAILS} } } } }`, variables: { id } }),
  };

  /** The secrets of the flagged screening: none may appear in a non-security officer's answer. */
  const SECRETS = ['EXTREMIST_AFFILIATION', 'SECRET', TEXT, 'gknb:toktogulov'];

  /** `refusedLookup`: every path here opens the application or nomad by id, which analysts may not (issue 16); they read outcomes through the lists. */
  const ROLES: { name: string; roles: Role[]; self?: boolean; seesOutcome: boolean; seesDetails: boolean; refusedLookup?: boolean }[] = [
    { name: 'security_officer', roles: ['security_officer'], seesOutcome: true, seesDetails: true },
    { name: 'migration_officer', roles: ['migration_officer'], seesOutcome: true, seesDetails: false },
    { name: 'analyst', roles: ['analyst'], seesOutcome: true, seesDetails: false, refusedLookup: true },
    { name: 'nomad (self)', roles: ['nomad'], self: true, seesOutcome: true, seesDetails: false },
    { name: 'labor_officer', roles: ['labor_officer'], seesOutcome: false, seesDetails: false },
  ];

  async function tokenFor(role: (typeof ROLES)[number]): Promise<string> {
    return token(role.roles, role.self ? { nomadId, sub: `nomad:${nomadId}` } : { sub: `test:${role.name}` });
  }

  function check(role: (typeof ROLES)[number], text: string, errors: { extensions?: Record<string, unknown> }[] | undefined, path: string): void {
    const data = text;
    for (const secret of SECRETS) {
      if (role.seesDetails) expect(data, `${role.name} via ${path} should read ${secret}`).toContain(secret);
      else expect(data, `${role.name} via ${path} must not read ${secret}`).not.toContain(secret);
    }
    if (!role.seesDetails) {
      // Refused loudly, not silently emptied: the caller learns the field is not theirs.
      expect(errors?.some((e) => e.extensions?.code === 'FORBIDDEN'), `${role.name} via ${path}: FORBIDDEN expected`).toBe(true);
    }
  }

  for (const role of ROLES) {
    for (const [path, build] of Object.entries(PATHS)) {
      it(`${role.name} × ${path}`, async () => {
        const tok = await tokenFor(role);
        const { query, variables } = build({ applicationId, nomadId });
        const res = await graph.request(tok, query, variables);
        check(role, JSON.stringify(res.body.data ?? null), res.body.errors, path);
        if (role.seesOutcome && !role.refusedLookup && path !== 'clearance') expect(JSON.stringify(res.body.data)).toContain('FLAGGED');
        if (!role.seesOutcome || role.refusedLookup) expect(JSON.stringify(res.body.data ?? null)).not.toContain('FLAGGED');
      });
    }

    it(`${role.name} × direct _entities call to the security subgraph`, async () => {
      const tok = await tokenFor(role);
      const security = graph.agencies.security;
      if (!security) throw new Error('no security subgraph');
      const res = await fetch(security.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}`, 'x-gateway-credential': DEV_GATEWAY_SECRET, 'x-purpose': 'screening review' },
        body: JSON.stringify({
          query: `query E($r: [_Any!]!) { _entities(representations: $r) {
            ... on Application { screening { ${DETAILS} } }
            ... on Nomad { clearance { outcome screenings { ${DETAILS} } } }
          } }`,
          variables: { r: [{ __typename: 'Application', id: applicationId }, { __typename: 'Nomad', id: nomadId }] },
        }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
      check(role, JSON.stringify(body.data ?? null), body.errors, '_entities');
    });
  }

  it('every read of the details by a security officer is in the access log, with the fields read', async () => {
    const { accessRecords: accessLog } = securitySchema;
    const before = await securityDb.select().from(accessLog).where(eq(accessLog.subjectId, nomadId));
    const tok = await token(['security_officer'], { sub: 'gknb:auditee' });
    const res = await graph.request(tok, `query Read($id: ID!) { application(id: $id) { screening { reasons classification } } }`, { id: applicationId }, { 'x-purpose': 'case 42' });
    expect(res.body.errors).toBeUndefined();
    const records = await securityDb.select().from(accessLog).where(and(eq(accessLog.subjectId, nomadId), eq(accessLog.readerSub, 'gknb:auditee')));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ fields: ['Screening.classification', 'Screening.reasons'], purpose: 'case 42', operation: 'Read' });
    expect(before.length).toBeGreaterThan(0);
    // An outcome-only read by a migration officer is not a read of the details: nothing recorded.
    const outcomeOnly = await graph.request(migrationOfficer, `{ application(id: "${applicationId}") { screening { outcome } } }`);
    expect(outcomeOnly.body.errors).toBeUndefined();
    expect(outcomeOnly.body.data).toEqual({ application: { screening: { outcome: 'FLAGGED' } } });
    const after = await securityDb.select().from(accessLog).where(eq(accessLog.subjectId, nomadId));
    expect(after.length).toBe(before.length + 1);
  });
});

describe('federation through DataLoaders', () => {
  it('50 applications with their screening cost the same SQL as 5', async () => {
    const submitted: string[] = [];
    for (let i = 0; i < 50; i++) submitted.push((await submit()).app.id);
    await settled(async () => (await securityDb.select({ id: securitySchema.screenings.id }).from(securitySchema.screenings).where(inArray(securitySchema.screenings.applicationId, submitted))).length === 50);
    const LIST = `query List($n: Int!) { applications(first: $n, filter: { states: [SUBMITTED] }) { edges { node { id number screening { id outcome openedAt nomad { id } } } } } }`;
    type List = { applications: { edges: { node: { screening: { outcome: string } | null } }[] } };
    const run = async (n: number) => {
      let nodes = 0;
      const counts = await graph.countSql(async () => {
        const res = await graph.request<List>(migrationOfficer, LIST, { n });
        expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
        const edges = res.body.data?.applications.edges ?? [];
        nodes = edges.length;
        expect(edges.every((e) => e.node.screening?.outcome === 'PENDING')).toBe(true);
      });
      expect(nodes).toBe(n);
      return counts;
    };
    const five = await run(5);
    const fifty = await run(50);
    expect(five.security).toBeGreaterThan(0);
    expect(fifty).toEqual(five);

    // The details, read by a security officer through the clearance of 50 nomads: still constant.
    const NOMADS = `query Clearances($r: [_Any!]!) { _entities(representations: $r) { ... on Nomad { clearance { outcome screenings { reasons classification } } } } }`;
    const ids = (await securityDb.select({ nomadId: securitySchema.screenings.nomadId }).from(securitySchema.screenings).limit(50)).map((r) => r.nomadId);
    expect(ids).toHaveLength(50);
    const security = graph.agencies.security;
    if (!security) throw new Error('no security subgraph');
    const direct = async (n: number) => {
      const tok = await token(['security_officer']);
      const metric = security.server.registry.getSingleMetric('nomad_sql_statements_total');
      const read = async () => ((await metric?.get())?.values ?? []).reduce((s, v) => s + v.value, 0);
      const start = await read();
      const res = await fetch(security.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}`, 'x-gateway-credential': DEV_GATEWAY_SECRET, 'x-purpose': 'screening review' },
        body: JSON.stringify({ query: NOMADS, variables: { r: ids.slice(0, n).map((id) => ({ __typename: 'Nomad', id })) } }),
      });
      const body = (await res.json()) as { data?: { _entities: ({ clearance: { screenings: { classification: string | null }[] } | null } | null)[] }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      const entities = body.data?._entities ?? [];
      expect(entities).toHaveLength(n);
      expect(entities.filter((e) => (e?.clearance?.screenings.length ?? 0) > 0)).toHaveLength(n);
      return (await read()) - start;
    };
    const fiveDirect = await direct(5);
    expect(fiveDirect).toBeGreaterThan(0);
    expect(await direct(50)).toBe(fiveDirect);
  });
});
