import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { SUBMIT, validApplication } from '../src/fixtures.ts';
import { drive } from './drive.ts';
import type { Stage } from './stage.ts';

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
  /**
   * The workload it is compared with (by name): the scoreboard runs the two in the same rounds,
   * one after the other, so that the machine's drift between workloads does not enter their ratio.
   */
  pairedWith?: string;
}

const read = (name: string, query: string, variables: (i: number) => Record<string, unknown>, subgraph?: string, pairedWith?: string): Workload => ({
  name,
  prepare: (_count, offset) => Promise.resolve((j) => ({ query, variables: variables(offset + j) })),
  ...(subgraph ? { subgraph } : {}),
  ...(pairedWith ? { pairedWith } : {}),
});

/** The access ledger's target: a read of personal fields against the same read without, in the same rounds. */
export const PERSONAL_READ = 'one subgraph, personal fields';
export const PLAIN_READ = 'one subgraph, no personal field';

/** The four reads, picking ids from the world as it is (the seeded sample world or the program) in the migration database. */
export async function readWorkloads(sql: postgres.Sql): Promise<Workload[]> {
  const ids = (await sql<{ id: string }[]>`select id from migration.nomads order by id`).map((r) => r.id);
  const holders = (await sql<{ id: string }[]>`select distinct nomad_id as id from migration.status_periods order by nomad_id`).map((r) => r.id);
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
    read(PERSONAL_READ, 'query Profile($id: ID!) { nomad(id: $id) { id citizenship surname passport { number } } }', nomad(ids), 'migration', PLAIN_READ),
    read(PLAIN_READ, 'query Profile($id: ID!) { nomad(id: $id) { id citizenship } }', nomad(ids), 'migration'),
  ];
}

export const START_REVIEW = 'mutation Review($input: ApplicationActionInput!) { startReview(input: $input) { application { id state } userErrors { code field message } } }';
export const APPROVE = 'mutation Approve($input: ApproveApplicationInput!) { approveApplication(input: $input) { application { id state decidedAt } userErrors { code field message } } }';

/** A GraphQL answer with no error and no user error in any payload: what a write must give. */
export function succeeded(body: { data?: Record<string, unknown> | null; errors?: unknown[] }): boolean {
  if (body.errors || !body.data) return false;
  return Object.values(body.data).every((payload) => ((payload as { userErrors?: unknown[] } | null)?.userErrors ?? []).length === 0);
}

/** What a preparation request answered: its HTTP status and body text. */
export interface Answer {
  status: number;
  text: string;
}

/** The data of a write that must succeed (no error, no user error). @throws naming `what` */
export function mustSucceed(res: Answer, what: string): Record<string, { application: { id: string } } | undefined> {
  let body: { data?: Record<string, unknown> | null; errors?: unknown[] } = {};
  try {
    body = JSON.parse(res.text) as typeof body;
  } catch {
    // Not JSON: reported below.
  }
  if (res.status !== 200 || !succeeded(body)) throw new Error(`preparing the write mix: ${what} failed: ${res.status} ${res.text.slice(0, 300)}`);
  return body.data as Record<string, { application: { id: string } }>;
}

const SCREENING = 'query Screening($id: ID!) { application(id: $id) { screening { id version } } }';
const CONCLUDE = 'mutation Conclude($input: ConcludeScreeningInput!) { concludeScreening(input: $input) { screening { id } userErrors { code field message } } }';
const CLEARANCE = 'query Clearance($id: ID!) { application(id: $id) { clearance } }';
/** How long the relays may take to carry a preparation's events. */
const RELAY_TIMEOUT_MS = 60_000;

/** Polls `probe` until it answers something, every 100 ms. @throws after RELAY_TIMEOUT_MS, naming `what` */
async function until<T>(what: string, probe: () => Promise<T | null | undefined>): Promise<T> {
  const deadline = Date.now() + RELAY_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`preparing the write mix: ${what} did not happen within ${RELAY_TIMEOUT_MS / 1000} s (are the relays delivering?)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Applications under review with the screening cleared, as in a deployment: submitted and put
 * under review through the gateway; migration's relay tells GKNB, which opens a screening; the
 * officer (a security officer too) concludes it CLEARED through the gateway; GKNB's relay tells
 * migration. Waits until migration knows every clearance.
 */
export async function approvableThroughRelays(
  send: (token: string, query: string, variables: Record<string, unknown>) => Promise<Answer>,
  nomadToken: () => Promise<string>,
  officer: string,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  await drive(4, count, async () => {
    const id = mustSucceed(await send(await nomadToken(), SUBMIT, { input: validApplication() }), 'a submission').submitApplication!.application.id;
    mustSucceed(await send(officer, START_REVIEW, { input: { applicationId: id } }), 'startReview');
    ids.push(id);
  });
  const data = async <T>(query: string, id: string) => (JSON.parse((await send(officer, query, { id })).text) as { data?: { application?: T | null } | null }).data?.application;
  await drive(4, ids.length, async (i) => {
    const id = ids[i] ?? '';
    const screening = await until(`GKNB's screening of ${id}`, async () => (await data<{ screening: { id: string; version: number } | null }>(SCREENING, id))?.screening);
    mustSucceed(await send(officer, CONCLUDE, { input: { screeningId: screening.id, expectedVersion: screening.version, outcome: 'CLEARED', classification: 'RESTRICTED' } }), 'concludeScreening');
  });
  await drive(4, ids.length, async (i) => {
    const id = ids[i] ?? '';
    await until(`migration's clearance of ${id}`, async () => ((await data<{ clearance: string }>(CLEARANCE, id))?.clearance === 'CLEARED' ? true : null));
  });
  return ids;
}

/**
 * The write mix, 1:1: even requests submit an application for a new nomad (their own token),
 * odd ones approve an application as a migration officer (an approval: a PIN from ZHAAK, the
 * initial status period, events to labor and tax). Every round of every contender gets fresh
 * nomads and its own applications to approve, prepared (and their events delivered) first.
 */
export function writeMix(stage: Pick<Stage, 'approvable' | 'token'>, officer: string): Workload {
  return {
    name: 'write mix: submit a new application, approve one (1:1)',
    async prepare(count) {
      const toApprove = await stage.approvable(officer, Math.floor(count / 2));
      const submitters = await Promise.all(Array.from({ length: Math.ceil(count / 2) }, () => stage.token(['nomad'], { nomadId: randomUUID() })));
      const inputs = submitters.map(() => validApplication());
      return (j) =>
        j % 2 === 0
          ? { query: SUBMIT, variables: { input: inputs[j / 2] }, authorization: `Bearer ${submitters[j / 2] ?? ''}` }
          : { query: APPROVE, variables: { input: { applicationId: toApprove[(j - 1) / 2] } } };
    },
  };
}
