import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@nomad/kit';
import { schema as migrationSchema } from '@nomad/migration';
import { schema as securitySchema, type SecuritySchema } from '@nomad/security';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import type { UserErrorView } from '../src/fixtures.ts';
import * as flows from '../src/flows.ts';

/**
 * A family member's security screening between the real subgraphs (docs/domain.md, "Family
 * members"): the holder adds an adult, migration announces it (DependantAdded), GKNB opens a
 * DEPENDANT screening, a GKNB officer concludes it, the outcome comes back signed
 * (DependantScreeningConcluded) and migration's approval waits for it: allowed once CLEARED,
 * refused while PENDING and when FLAGGED. A child is not screened.
 */

const TODAY = '2026-11-24';
let graph: TestGraph;
let migrationOfficer: string;
let securityOfficer: string;
let holder: flows.StatusHolder;
let securityDb: Database<SecuritySchema>['db'];

const ADD = 'mutation A($input: AddDependantInput!) { addDependant(input: $input) { dependant { id screening { outcome } } userErrors { code field message } } }';
const APPROVE = 'mutation P($input: DependantDecisionInput!) { approveDependant(input: $input) { dependant { id state pin screening { outcome } } userErrors { code field message } } }';
const READ = 'query D($id: ID!) { dependant(id: $id) { id state pin screening { outcome concludedAt } } }';

type DependantView = { id: string; state: string; pin: string | null; screening: { outcome: string; concludedAt?: string | null } | null };
type ApprovePayload = { approveDependant: { dependant: DependantView | null; userErrors: UserErrorView[] } };

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
  migrationOfficer = await token(['migration_officer']);
  securityOfficer = await token(['security_officer']);
  const security = graph.agencies.security;
  if (!security) throw new Error('the harness did not start the security subgraph');
  securityDb = (security.database as unknown as Database<SecuritySchema>).db;
  holder = await flows.statusHolder(graph, migrationOfficer);
});
afterAll(async () => {
  await graph?.stop();
});

let passports = 0;
async function add(relation: 'SPOUSE' | 'CHILD', dateOfBirth: string): Promise<string> {
  passports += 1;
  const certificate = relation === 'SPOUSE' ? 'MARRIAGE_CERTIFICATE' : 'BIRTH_CERTIFICATE';
  const data = await flows.gql<{ addDependant: { dependant: { id: string; screening: { outcome: string } | null } | null; userErrors: UserErrorView[] } }>(graph, holder.tok, ADD, {
    input: { relation, surname: 'Family', givenNames: 'Member', dateOfBirth, sex: 'FEMALE', citizenship: 'KAZ', passport: { country: 'KAZ', number: `FAM${passports}0000`, expiresOn: '2031-01-01' }, documents: [{ kind: certificate, fileName: 'certificate.pdf', language: 'ru' }] },
  });
  expect(data.addDependant.userErrors).toEqual([]);
  const id = data.addDependant.dependant?.id;
  if (!id) throw new Error('no dependant');
  // Migration knows at once whether GKNB's outcome is awaited: an adult's is, a child's is not.
  expect(data.addDependant.dependant?.screening).toEqual(relation === 'SPOUSE' ? { outcome: 'PENDING' } : null);
  return id;
}

const approve = (dependantId: string, headers?: Record<string, string>) => graph.request<ApprovePayload>(migrationOfficer, APPROVE, { input: { dependantId } }, headers);
const read = async (id: string) => (await flows.gql<{ dependant: DependantView | null }>(graph, migrationOfficer, READ, { id })).dependant;

/** GKNB's DEPENDANT screenings of the holder's family members (security's own rows). */
const screeningsOf = (dependantId: string) =>
  securityDb
    .select()
    .from(securitySchema.screenings)
    .where(and(eq(securitySchema.screenings.kind, 'DEPENDANT'), eq(securitySchema.screenings.dependantId, dependantId)));

describe("an adult family member's GKNB screening", () => {
  it('holds the approval while PENDING, lets it through once a GKNB officer clears them, and a retry under the same key replays the answer', async () => {
    const spouse = await add('SPOUSE', '1991-03-03');
    await graph.flushEvents();
    // GKNB opened the screening, filed under the principal.
    const opened = await screeningsOf(spouse);
    expect(opened.map((s) => [s.nomadId, s.outcome])).toEqual([[holder.nomadId, 'PENDING']]);
    const waiting = await approve(spouse);
    expect(waiting.body.errors).toBeUndefined();
    expect(waiting.body.data?.approveDependant).toEqual({ dependant: null, userErrors: [{ code: 'DEPENDANT_SCREENING_PENDING', field: 'input.dependantId', message: expect.any(String) as unknown }] });
    expect(await read(spouse)).toMatchObject({ state: 'PENDING', pin: null, screening: { outcome: 'PENDING', concludedAt: null } });

    await flows.dependantScreenedBySecurity(graph, securityOfficer, migrationOfficer, spouse, 'CLEARED');
    const concluded = await read(spouse);
    expect(concluded?.screening?.outcome).toBe('CLEARED');
    expect(concluded?.screening?.concludedAt).toEqual(expect.any(String));

    const key = { 'idempotency-key': `approve-${spouse}` };
    const approved = await approve(spouse, key);
    expect(approved.body.errors).toBeUndefined();
    expect(approved.body.data?.approveDependant.userErrors).toEqual([]);
    expect(approved.body.data?.approveDependant.dependant).toMatchObject({ id: spouse, state: 'APPROVED', pin: expect.stringMatching(/^\d{14}$/) as unknown, screening: { outcome: 'CLEARED' } });
    const again = await approve(spouse, key);
    expect(again.body.data).toEqual(approved.body.data);
    const granted = await graph.migration.database.db.select().from(migrationSchema.outbox).where(and(eq(migrationSchema.outbox.aggregateId, spouse), eq(migrationSchema.outbox.type, 'DependantGranted')));
    expect(granted).toHaveLength(1);
  });

  it('refuses the approval of a family member GKNB flagged; GKNB\'s reasons stay with GKNB', async () => {
    const spouse = await add('SPOUSE', '1989-09-09');
    await flows.dependantScreenedBySecurity(graph, securityOfficer, migrationOfficer, spouse, 'FLAGGED');
    const refused = await approve(spouse);
    expect(refused.body.errors).toBeUndefined();
    expect(refused.body.data?.approveDependant).toEqual({ dependant: null, userErrors: [{ code: 'DEPENDANT_SCREENING_FLAGGED', field: 'input.dependantId', message: expect.any(String) as unknown }] });
    expect(await read(spouse)).toMatchObject({ state: 'PENDING', pin: null, screening: { outcome: 'FLAGGED' } });
    // The screening type of migration carries the outcome and its time only.
    const reasons = await graph.request(migrationOfficer, 'query D($id: ID!) { dependant(id: $id) { screening { reasons } } }', { id: spouse });
    expect(reasons.body.errors?.[0]?.message).toMatch(/Cannot query field "reasons"/);
  });

  it('a child is not screened: GKNB opens nothing, and the approval needs no outcome', async () => {
    const child = await add('CHILD', '2014-04-04');
    await graph.flushEvents();
    expect(await screeningsOf(child)).toEqual([]);
    const approved = await approve(child);
    expect(approved.body.data?.approveDependant.userErrors).toEqual([]);
    expect(approved.body.data?.approveDependant.dependant).toMatchObject({ state: 'APPROVED', screening: null });
  });
});
