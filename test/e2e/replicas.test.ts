/**
 * Two replicas of the migration subgraph on one database, behind the gateway
 * (`MIGRATION_URL` with both URLs: round robin), each with its own relay (HTTP push, as
 * `npm start`): requests reach both, and every event they write reaches security once.
 * (The same on NATS JetStream, with two replicas of producer and subscriber as processes:
 * subgraphs/kit/src/events/transports.test.ts.)
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, DEV_JWT_SECRET } from '@nomad/kit';
import { createGateway, type Gateway } from '@nomad/gateway';
import { SUPERGRAPH_PATH } from '@nomad/schema';
import { AGENCY_STARTERS, type AgencyHandle } from '../src/agencies.ts';
import { SUBMIT, validApplication } from '../src/fixtures.ts';
import { silentLogger, startGraph, token, type TestGraph } from '../src/harness.ts';

let graph: TestGraph;
let second: AgencyHandle;
let gateway: Gateway;

beforeAll(async () => {
  graph = await startGraph();
  const eventsUrls = Object.fromEntries(Object.entries(graph.agencies).map(([n, a]) => [n, a.server.url.replace(/\/graphql$/, '/events')]));
  const startMigration = AGENCY_STARTERS.migration;
  if (!startMigration) throw new Error('no migration starter');
  // The second replica: same database (its migrations are already applied), its own server and relay.
  second = await startMigration({
    databaseUrl: graph.databaseUrls.migration ?? '',
    clock: graph.clock,
    logger: silentLogger,
    verifyToken: createTokenVerifier({ secret: DEV_JWT_SECRET }),
    eventsUrls,
    seed: false,
    // The same agency's key: a replica seals the same log (replicas take turns through an advisory lock).
    keyring: graph.keys.keyrings.migration ?? graph.keys.verifier,
    autoSeal: false,
  });
  const urls = Object.fromEntries(Object.entries(graph.agencies).map(([n, a]) => [n, a.server.url]));
  urls.migration = `${graph.migration.server.url},${second.server.url}`;
  gateway = await createGateway({ supergraphSdl: await readFile(SUPERGRAPH_PATH, 'utf8'), subgraphUrls: urls, logger: silentLogger, port: 0 });
}, 240_000);

afterAll(async () => {
  await gateway?.stop();
  await second?.stop();
  await graph?.stop();
});

/** Operations a migration server has answered (its own counter). */
async function operations(handle: { server: { registry: { getSingleMetric(name: string): unknown } } }): Promise<number> {
  const metric = handle.server.registry.getSingleMetric('nomad_graphql_operations_total') as { get(): Promise<{ values: { value: number }[] }> } | undefined;
  return ((await metric?.get())?.values ?? []).reduce((sum, v) => sum + v.value, 0);
}

describe('two replicas of a subgraph behind the gateway', () => {
  it('shares requests between them and delivers every event once', async () => {
    const first = graph.agencies.migration;
    if (!first) throw new Error('no migration');
    const before = [await operations(first), await operations(second)];
    const numbers: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const nomad = await token(['nomad'], { nomadId: randomUUID() });
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${nomad}` },
        body: JSON.stringify({ query: SUBMIT, variables: { input: validApplication() } }),
      });
      const body = (await res.json()) as { errors?: unknown; data?: { submitApplication: { application: { number: string } | null; userErrors: unknown[] } } };
      expect(body.errors).toBeUndefined();
      expect(body.data?.submitApplication.userErrors).toEqual([]);
      numbers.push(body.data?.submitApplication.application?.number ?? '');
    }
    const served = [(await operations(first)) - before[0]!, (await operations(second)) - before[1]!];
    expect(served[0]).toBeGreaterThan(0);
    expect(served[1]).toBeGreaterThan(0);

    await graph.flushEvents();
    for (const relay of [second.relay]) while (((await relay?.runOnce()) ?? 0) > 0);
    const security = graph.agencies.security;
    if (!security) throw new Error('no security');
    const inbox = await security.database.client.unsafe<{ event_type: string; n: number }[]>(
      `select event_type, count(*)::int as n from security.inbox where event_type = 'ApplicationSubmitted' group by event_type`,
    );
    expect(inbox).toEqual([{ event_type: 'ApplicationSubmitted', n: 8 }]);
    const screenings = await security.database.client.unsafe<{ n: number }[]>(`select count(*)::int as n from security.screenings`);
    expect(screenings[0]?.n).toBe(8);
    const deliveries = await graph.migration.database.client.unsafe<{ state: string; attempts: number; n: number }[]>(
      `select state, attempts, count(*)::int as n from migration.outbox_deliveries where subscriber = 'security' group by state, attempts`,
    );
    expect(deliveries).toEqual([{ state: 'DELIVERED', attempts: 1, n: 8 }]);
    expect(numbers.filter((n) => n !== '')).toHaveLength(8);
  });
});
