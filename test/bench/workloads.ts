import { randomUUID } from 'node:crypto';
import { token, type TestGraph } from '../src/harness.ts';
import { SUBMIT, validApplication } from '../src/fixtures.ts';
import { drive } from './drive.ts';

/**
 * The scoreboard's workloads (scoreboard.ts): four reads over the world's nomads and a write
 * mix of intake and decisions, each request prepared before the timed part.
 */

/** One request of a workload; `authorization` replaces the officer's token (a nomad's own submission). */
export interface BenchRequest {
  query: string;
  variables: Record<string, unknown>;
  authorization?: string;
}

export interface Workload {
  name: string;
  /**
   * Prepares the `count` requests of one contender's round (outside the timing) and answers
   * the j-th. `offset` is the round's first index: reads pick the same nomads for every
   * contender of a round; writes prepare fresh ones each time, so that none collides.
   */
  prepare(count: number, offset: number): Promise<(j: number) => BenchRequest>;
  /** The subgraph that answers it alone, for the floor (one-subgraph workloads only). */
  subgraph?: string;
}

const read = (name: string, query: string, variables: (i: number) => Record<string, unknown>, subgraph?: string): Workload => ({
  name,
  prepare: (_count, offset) => Promise.resolve((j) => ({ query, variables: variables(offset + j) })),
  ...(subgraph ? { subgraph } : {}),
});

/** The four reads, picking ids from the world as it is (the seeded sample world or the program). */
export async function readWorkloads(graph: TestGraph): Promise<Workload[]> {
  const ids = (await graph.migration.database.client<{ id: string }[]>`select id from migration.nomads order by id`).map((r) => r.id);
  const holders = (await graph.migration.database.client<{ id: string }[]>`select distinct nomad_id as id from migration.status_periods order by nomad_id`).map((r) => r.id);
  if (ids.length === 0 || holders.length === 0) throw new Error('the world has no nomad or no status holder');
  const nomad = (list: string[]) => (i: number) => ({ id: list[i % list.length] });
  return [
    read(
      "officer's case view: one status holder across four subgraphs",
      `query Case($id: ID!) { nomad(id: $id) {
        id surname givenNames citizenship pin status { state validUntil }
        applications(first: 3) { edges { node { number state submittedAt } } }
        monitoring { state riskLevel } latestEvaluation { verdict }
        taxRegistration { state registeredOn } clearance { outcome concludedAt } } }`,
      nomad(holders),
    ),
    read(
      '50 nomads with fields from every subgraph',
      `{ nomads(first: 50) { edges { node { id citizenship status { state }
        monitoring { state } taxRegistration { state } clearance { outcome } } } } }`,
      () => ({}),
    ),
    read('one subgraph, personal fields', 'query Profile($id: ID!) { nomad(id: $id) { id citizenship surname passport { number } } }', nomad(ids), 'migration'),
    read('one subgraph, no personal field', 'query Profile($id: ID!) { nomad(id: $id) { id citizenship } }', nomad(ids), 'migration'),
  ];
}

const START_REVIEW = 'mutation Review($input: ApplicationActionInput!) { startReview(input: $input) { application { id state } userErrors { code field message } } }';
export const APPROVE = 'mutation Approve($input: ApproveApplicationInput!) { approveApplication(input: $input) { application { id state decidedAt } userErrors { code field message } } }';

/** A GraphQL answer with no error and no user error in any payload: what a write must give. */
export function succeeded(body: { data?: Record<string, unknown> | null; errors?: unknown[] }): boolean {
  if (body.errors || !body.data) return false;
  return Object.values(body.data).every((payload) => ((payload as { userErrors?: unknown[] } | null)?.userErrors ?? []).length === 0);
}

/**
 * Applications under review with the screening cleared, one per new nomad: submitted and put
 * under review through our gateway, the clearance delivered as GKNB's relay would. Every
 * event is delivered afterwards, so that the timed part does not carry the preparation's.
 */
async function approvable(graph: TestGraph, officer: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  const must = (res: Awaited<ReturnType<TestGraph['request']>>, what: string) => {
    if (res.status !== 200 || !succeeded(res.body as { data?: Record<string, unknown> })) throw new Error(`preparing the write mix: ${what} failed: ${res.text.slice(0, 300)}`);
    return res.body.data as Record<string, { application: { id: string } }>;
  };
  await drive(4, count, async () => {
    const nomad = await token(['nomad'], { nomadId: randomUUID() });
    const id = must(await graph.request(nomad, SUBMIT, { input: validApplication() }), 'a submission').submitApplication!.application.id;
    must(await graph.request(officer, START_REVIEW, { input: { applicationId: id } }), 'startReview');
    const status = await graph.deliverToMigration('ScreeningConcluded', id, { applicationId: id, screeningId: randomUUID(), outcome: 'CLEARED', concludedAt: new Date().toISOString() });
    if (status !== 200) throw new Error(`preparing the write mix: the clearance of ${id} was answered ${status}`);
    ids.push(id);
  });
  await graph.flushEvents();
  return ids;
}

/**
 * The write mix, 1:1: even requests submit an application for a new nomad (their own token),
 * odd ones approve an application as a migration officer (an approval: a PIN from ZHAAK, the
 * initial status period, events to labor and tax). Every round of every contender gets fresh
 * nomads and its own applications to approve, prepared (and their events delivered) first.
 */
export function writeMix(graph: TestGraph, officer: string): Workload {
  return {
    name: 'write mix: submit a new application, approve one (1:1)',
    async prepare(count) {
      const toApprove = await approvable(graph, officer, Math.floor(count / 2));
      const submitters = await Promise.all(Array.from({ length: Math.ceil(count / 2) }, () => token(['nomad'], { nomadId: randomUUID() })));
      const inputs = submitters.map(() => validApplication());
      return (j) =>
        j % 2 === 0
          ? { query: SUBMIT, variables: { input: inputs[j / 2] }, authorization: `Bearer ${submitters[j / 2] ?? ''}` }
          : { query: APPROVE, variables: { input: { applicationId: toApprove[(j - 1) / 2] } } };
    },
  };
}
