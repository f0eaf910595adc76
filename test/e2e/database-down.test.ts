import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedServer } from '@nomad/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, startGraph, token, type GraphResponse, type TestGraph } from '../src/harness.ts';

/**
 * An agency's database dies under a running graph (issue 14): the tax subgraph runs on its own
 * PostgreSQL cluster, which the test stops (fast shutdown) and starts again on the same port.
 * Meanwhile its `/ready` says 503 within 1 s, the gateway answers within its timeout with the
 * rest of the answer and an error naming the agency, and once the database is back the same
 * subgraph (never restarted: its pool reconnects) serves again.
 */

/** The production default of `SUBGRAPH_TIMEOUT_MS`: the bound the gateway's answers are held to. */
const SUBGRAPH_TIMEOUT_MS = 5_000;
/** Slack for a loaded 2-core machine on top of the gateway's own timeout. */
const MARGIN_MS = 5_000;
/** The bound on `/ready`. */
const READY_BOUND_MS = 1_000;

const BOTH = 'query Both($pin: String) { eligibilityRules { citizenships } taxRegistration(pin: $pin) { id } }';
const BOTH_VARIABLES = { pin: '20101199000000' };
const MIGRATION_ONLY = 'query M { eligibilityRules { citizenships } }';
const TAX_ONLY = 'query T { taxRegimes { code } }';

interface Both {
  eligibilityRules: { citizenships: string[] } | null;
  taxRegistration: { id: string } | null;
}

let dir: string;
let cluster: EmbeddedServer | undefined;
let graph: TestGraph | undefined;
let officer: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nomad-db-down-'));
  // The cluster runs as user postgres, who must be able to reach its folder.
  await chmod(dir, 0o755);
  cluster = await startEmbeddedPostgres(path.join(dir, 'tax'), silentLogger);
  graph = await startGraph({ databaseUrls: { tax: cluster.url }, subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS, keep: false });
  officer = await token(['migration_officer', 'tax_officer']);
}, 180_000);

afterAll(async () => {
  await graph?.stop();
  await cluster?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 120_000);

function live(): TestGraph {
  if (!graph) throw new Error('the graph did not start');
  return graph;
}

function taxReadyUrl(): string {
  const tax = live().agencies.tax;
  if (!tax) throw new Error('no tax agency in the graph');
  return tax.server.url.replace(/\/graphql$/, '/ready');
}

/** One `GET /ready` of the tax subgraph and how long that single request took. */
async function taxReady(): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(taxReadyUrl());
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

async function timed<T>(query: string, variables?: Record<string, unknown>): Promise<{ res: GraphResponse<T>; ms: number }> {
  const started = performance.now();
  const res = await live().request<T>(officer, query, variables);
  return { res, ms: performance.now() - started };
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

/** The same answers as before the outage: both agencies, no error. */
async function expectFullAnswers(): Promise<void> {
  const both = await timed<Both>(BOTH, BOTH_VARIABLES);
  expect(both.res.body.errors).toBeUndefined();
  expect(both.res.status).toBe(200);
  expect(both.res.body.data?.eligibilityRules?.citizenships.length).toBeGreaterThan(0);
  expect(both.res.body.data?.taxRegistration).toBeNull();
  const tax = await timed<{ taxRegimes: { code: string }[] }>(TAX_ONLY);
  expect(tax.res.body.errors).toBeUndefined();
  expect(tax.res.body.data?.taxRegimes.length).toBeGreaterThan(0);
}

describe("an agency's database stops and starts again under the running graph", () => {
  it('serves before, answers quickly without it, and serves again on the same pool once it is back', { timeout: 240_000 }, async () => {
    const port = cluster?.port;
    expect((await taxReady()).status).toBe(200);
    await expectFullAnswers();

    // Fast shutdown (SIGINT): the server closes its connections and the port.
    await cluster?.stop();
    cluster = undefined;

    const ready = await taxReady();
    expect(ready.status).toBe(503);
    // The bound on this one request (READY_TIMEOUT_MS is 750 ms), not a speed figure.
    expect(ready.ms).toBeLessThan(READY_BOUND_MS);

    const both = await timed<Both>(BOTH, BOTH_VARIABLES);
    expect(both.ms).toBeLessThan(SUBGRAPH_TIMEOUT_MS + MARGIN_MS);
    const errors = both.res.body.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    // The migration half of the answer still arrives; the tax half is null with an error naming the agency.
    expect(both.res.status).toBe(200);
    expect(both.res.body.data?.eligibilityRules?.citizenships.length).toBeGreaterThan(0);
    expect(both.res.body.data?.taxRegistration).toBeNull();
    for (const error of errors) {
      expect(error.extensions).toEqual({ code: 'AGENCY_UNAVAILABLE', agency: 'tax' });
      expect(error.message).toMatch(/^The tax agency is unavailable/);
      // The gateway names the failed fetch's field, or none when the whole hop failed.
      expect([undefined, ['taxRegistration']]).toContainEqual(error.path);
    }
    // Nothing internal: no address, no errno, no SQL, no stack.
    expect(both.res.text).not.toMatch(/https?:\/\/|127\.0\.0\.1|localhost|ECONN|postgres|select |\bat \S+:\d+/i);

    const migrationOnly = await timed<{ eligibilityRules: { citizenships: string[] } }>(MIGRATION_ONLY);
    expect(migrationOnly.res.body.errors).toBeUndefined();
    expect(migrationOnly.res.status).toBe(200);
    expect(migrationOnly.res.body.data?.eligibilityRules.citizenships.length).toBeGreaterThan(0);

    // The same cluster on the same port. The subgraph runs in this process and nothing here can
    // restart it or reopen its pool: it must find the database again by itself.
    cluster = await startEmbeddedPostgres(path.join(dir, 'tax'), silentLogger, { ...(port ? { port } : {}) });
    expect(cluster.port).toBe(port);
    await waitFor('the tax subgraph ready again', async () => (await taxReady()).status === 200, 30_000);
    // The gateway's circuit for tax may still be open from the outage: wait for its trial call.
    await waitFor(
      'the gateway answering both agencies again',
      async () => {
        const again = await timed<Both>(BOTH, BOTH_VARIABLES);
        return again.res.status === 200 && again.res.body.errors === undefined;
      },
      30_000,
    );
    await expectFullAnswers();
  });
});
