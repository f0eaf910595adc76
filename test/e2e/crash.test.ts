/**
 * A subgraph killed with SIGKILL under `npm start` (issue 14): the graph built and the
 * supervisor started as `npm start` starts it (`node --conditions=nomad-dist
 * supervisor/dist/main.js`, development defaults, embedded PostgreSQL in a temporary
 * DATA_DIR), a write load of applications through the gateway, each sent with an
 * `Idempotency-Key` and sent again with the same key until acknowledged; then `kill -9` of the
 * migration subgraph's process. Migration answers `/ready` again within 30 s with no help,
 * the other services answer throughout, every acknowledged application exists once, and every
 * event reaches security once (one screening each) with no delivery left open.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_NAMES } from '@nomad/kit';
import { buildAll, processTree, startNpmStartStack, type Stack } from '../src/production.ts';
import { token } from '../src/harness.ts';
import { SUBMIT, validApplication } from '../src/fixtures.ts';

/** The bound the issue sets: back and answering within 30 s of the kill. */
const RECOVERY_BOUND_MS = 30_000;
/** The migration service's entry point as the supervisor launches it under `npm start`. */
const MIGRATION_ENTRY = '/subgraphs/migration/dist/main.js';

let stack: Stack | undefined;
beforeAll(() => {
  // npm start builds first (turbo: unchanged packages come from its cache).
  buildAll();
}, 600_000);
afterAll(async () => {
  await stack?.stop();
});

interface Answer<T> {
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function post<T>(gateway: string, tok: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const res = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}`, 'x-purpose': 'crash test', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, body: (await res.json()) as Answer<T>['body'] };
}

/** An operation that must answer without errors. */
async function gql<T>(gateway: string, tok: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await post<T>(gateway, tok, query, variables);
  expect(res.body.errors, JSON.stringify(res.body)).toBeUndefined();
  if (!res.body.data) throw new Error(`no data: ${JSON.stringify(res.body)}`);
  return res.body.data;
}

const status = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
    (r) => r.status,
    () => 0,
  );

/** Polls `check` until it returns true or `timeoutMs` passes; returns whether it did. */
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 500): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await Promise.resolve().then(check).catch(() => false)) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
}

interface Acknowledged {
  key: string;
  nomadId: string;
  id: string;
  number: string;
}

type SubmitData = { submitApplication: { application: { id: string; number: string } | null; userErrors: { code: string }[] } };

describe('kill -9 of a subgraph under npm start', () => {
  it('comes back within 30 s by itself, the others answer throughout, no acknowledged write lost or doubled, every event delivered', async () => {
    stack = await startNpmStartStack({ SEED: 'false', RATE_LIMIT: 'off' });
    const s = stack;
    const readyUrl = (agency: string) => `http://127.0.0.1:${s.env[`${agency.toUpperCase()}_PORT`]}/ready`;

    // Every other service is watched every 250 ms from now to the end: each failed answer is kept.
    const others = AGENCY_NAMES.filter((a) => a !== 'migration');
    expect(others.length).toBeGreaterThan(0);
    const watched = [...others.map((a) => ({ name: a, url: readyUrl(a) })), { name: 'gateway (liveness)', url: `${s.gateway}/health` }];
    const outages: string[] = [];
    let polls = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const answers = await Promise.all(watched.map(async (w) => ({ w, code: await status(w.url) })));
        for (const { w, code } of answers) if (code !== 200) outages.push(`${w.name} answered ${code} at ${new Date().toISOString()}`);
        polls += 1;
        await sleep(250);
      }
    })();

    // The write load: two clients, each submitting applications one after another, each sent
    // again with the same Idempotency-Key until acknowledged (no errors, no userErrors).
    const acknowledged: Acknowledged[] = [];
    const answersSeen = { failed: 0 };
    let loading = true;
    const submitUntilAcknowledged = async (): Promise<void> => {
      const key = `crash-${randomUUID()}`;
      const nomadId = randomUUID();
      const tok = await token(['nomad'], { nomadId });
      const input = validApplication({ passportNumber: `K${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}` });
      const deadline = Date.now() + 120_000;
      for (;;) {
        const res = await post<SubmitData>(s.gateway, tok, SUBMIT, { input }, { 'idempotency-key': key }).catch(() => null);
        const payload = res?.body.data?.submitApplication;
        if (res && !res.body.errors && payload?.application && payload.userErrors.length === 0) {
          acknowledged.push({ key, nomadId, id: payload.application.id, number: payload.application.number });
          return;
        }
        answersSeen.failed += 1;
        if (Date.now() > deadline) throw new Error(`never acknowledged: ${JSON.stringify(res?.body ?? 'no answer')}`);
        await sleep(200);
      }
    };
    const client = async () => {
      while (loading) await submitUntilAcknowledged();
    };
    const clients = [client(), client()];

    expect(await eventually(() => acknowledged.length >= 6, 60_000, 100), 'the load never got going').toBe(true);

    // kill -9 of the migration service's process (a child of the supervisor).
    const supervisorPid = s.child.pid ?? -1;
    const migration = processTree(supervisorPid).find((p) => p.ppid === supervisorPid && p.argv.at(-1)?.endsWith(MIGRATION_ENTRY));
    expect(migration, 'the migration process under the supervisor').toBeDefined();
    const killedPid = migration?.pid ?? -1;
    const beforeKill = acknowledged.length;
    process.kill(killedPid, 'SIGKILL');
    const killedAt = Date.now();

    // Back and answering: its /ready 200 again, measured from the kill (the load goes on).
    expect(await eventually(async () => (await status(readyUrl('migration'))) === 200, 150_000, 250), s.output().slice(-4000)).toBe(true);
    const recoveredInMs = Date.now() - killedAt;
    const restarted = processTree(supervisorPid).find((p) => p.ppid === supervisorPid && p.argv.at(-1)?.endsWith(MIGRATION_ENTRY));
    expect(restarted?.pid).toBeDefined();
    expect(restarted?.pid).not.toBe(killedPid);

    // Writes acknowledged after the restart too, then the load stops.
    const afterRecovery = acknowledged.length;
    expect(await eventually(() => acknowledged.length >= afterRecovery + 6, 90_000, 100), 'no write acknowledged after the restart').toBe(true);
    loading = false;
    await Promise.all(clients);
    watching = false;
    await watcher;

    expect(recoveredInMs, `migration answered /ready ${recoveredInMs} ms after the kill`).toBeLessThanOrEqual(RECOVERY_BOUND_MS);
    expect(outages).toEqual([]);
    expect(polls).toBeGreaterThan(10);
    // The load ran across the kill: some submissions failed while migration was down.
    expect(beforeKill).toBeGreaterThan(0);
    expect(answersSeen.failed).toBeGreaterThan(0);

    // Every acknowledged write is there, once.
    const officer = await token(['migration_officer']);
    expect(acknowledged.length).toBeGreaterThan(12);
    expect(new Set(acknowledged.map((a) => a.id)).size).toBe(acknowledged.length);
    const all = await gql<{ applications: { totalCount: number } }>(s.gateway, officer, '{ applications(first: 1) { totalCount } }');
    expect(all.applications.totalCount).toBe(acknowledged.length);
    for (const a of acknowledged) {
      const found = await gql<{ applications: { totalCount: number; edges: { node: { id: string; number: string } }[] } }>(
        s.gateway,
        officer,
        'query A($nomadId: ID!) { applications(first: 5, filter: { nomadId: $nomadId }) { totalCount edges { node { id number } } } }',
        { nomadId: a.nomadId },
      );
      expect(found.applications.totalCount, a.number).toBe(1);
      expect(found.applications.edges.map((e) => e.node)).toEqual([{ id: a.id, number: a.number }]);
    }

    // Every event delivered: each application has its screening in security, one each, and no
    // delivery of any agency is left pending, failed or dead.
    const securityOfficer = await token(['security_officer']);
    const screeningsCount = async () =>
      (await gql<{ screenings: { totalCount: number } }>(s.gateway, securityOfficer, '{ screenings(first: 1) { totalCount } }')).screenings.totalCount;
    expect(await eventually(async () => (await screeningsCount()) >= acknowledged.length, 90_000), 'screenings never reached the acknowledged count').toBe(true);
    // Settled: a late duplicate would show up after another relay pass.
    await sleep(2_000);
    expect(await screeningsCount()).toBe(acknowledged.length);
    for (const a of acknowledged) {
      const seen = await gql<{ application: { screening: { id: string } | null } | null }>(s.gateway, securityOfficer, 'query S($id: ID!) { application(id: $id) { screening { id } } }', {
        id: a.id,
      });
      expect(seen.application?.screening, a.number).not.toBeNull();
    }
    const auditor = await token(['auditor']);
    const open = AGENCY_NAMES.flatMap((agency) => ['PENDING', 'FAILED', 'DEAD'].map((state) => `${agency}_${state}: ${agency}EventDeliveries(state: ${state}, first: 5) { edges { node { eventType state lastError } } }`));
    const openDeliveries = async () => {
      const data = await gql<Record<string, { edges: { node: unknown }[] }>>(s.gateway, auditor, `{ ${open.join('\n')} }`);
      return Object.entries(data).filter(([, v]) => v.edges.length > 0);
    };
    const settled = await eventually(async () => (await openDeliveries()).length === 0, 90_000);
    expect(settled, JSON.stringify(await openDeliveries())).toBe(true);
  }, 420_000);
});
