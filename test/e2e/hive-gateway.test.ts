/**
 * The committed supergraph on Hive Gateway (`@graphql-hive/gateway`, run programmatically)
 * against the real subgraphs: the README's queries give the same answers through it as
 * through our gateway, each subgraph call carries what ours sends (token, purpose, request
 * id, that subgraph's gateway credential), and it calls nothing but the subgraphs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayRuntime, useCustomFetch, type GatewayRuntime } from '@graphql-hive/gateway';
import { DEV_GATEWAY_SECRET } from '@nomad/kit';
import { SUPERGRAPH_PATH } from '@nomad/schema';
import { startGraph, token, type GraphResponse, type TestGraph } from '../src/harness.ts';

const PURPOSE = 'hive gateway comparison';

/** Every call Hive Gateway makes, as it made it. */
const calls: { url: string; headers: Record<string, string> }[] = [];

let graph: TestGraph;
let hive: GatewayRuntime;
let server: Server;
let hiveUrl = '';

beforeAll(async () => {
  graph = await startGraph({ seed: true });
  const urls = Object.fromEntries(Object.entries(graph.agencies).map(([name, a]) => [name, a.server.url]));
  // One credential per subgraph, as <AGENCY>_GATEWAY_SECRET gives them to ours (all the
  // development default in this harness).
  const credentials: Record<string, string> = Object.fromEntries(Object.keys(urls).map((name) => [name, DEV_GATEWAY_SECRET]));
  hive = createGatewayRuntime({
    supergraph: await readFile(SUPERGRAPH_PATH, 'utf8'),
    // The supergraph names each subgraph's production URL; point them at this run's servers.
    transportEntries: Object.fromEntries(Object.entries(urls).map(([name, url]) => [name, { location: url }])),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, subgraphName }) => ({
        authorization: request.headers.get('authorization'),
        'x-purpose': request.headers.get('x-purpose'),
        'x-request-id': request.headers.get('x-request-id'),
        'idempotency-key': request.headers.get('idempotency-key'),
        'x-gateway-credential': credentials[subgraphName],
      }),
    },
    plugins: () => [
      useCustomFetch((url, options) => {
        calls.push({ url, headers: { ...options?.headers } });
        return fetch(url, options);
      }),
    ],
    // Nothing leaves the machine: no usage reporting, no landing page, no GraphiQL assets.
    landingPage: false,
    graphiql: false,
    logging: false,
  });
  // The runtime is a Node request listener that returns a promise Node does not need.
  server = createServer((req, res) => void hive(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hiveUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}, 240_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await hive?.dispose();
  await graph?.stop();
});

async function viaHive(tok: string, query: string, headers: Record<string, string> = {}): Promise<GraphResponse['body']> {
  const res = await fetch(hiveUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}`, 'x-purpose': PURPOSE, ...headers },
    body: JSON.stringify({ query }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as GraphResponse['body'];
}

/** The same query through both gateways; both answer without errors, with the same data. */
async function same(tok: string, query: string): Promise<Record<string, unknown>> {
  const ours = await graph.request(tok, query, {}, { 'x-purpose': PURPOSE });
  expect(ours.body.errors).toBeUndefined();
  const theirs = await viaHive(tok, query);
  expect(theirs.errors).toBeUndefined();
  expect(theirs.data).toEqual(ours.body.data);
  return ours.body.data ?? {};
}

const QUICK_START = `{
  nomads(first: 5) {
    totalCount
    edges { node { id surname givenNames citizenship pin applications(first: 3) { edges { node { number state reviewDeadlineOn overdue } } } } }
  }
}`;

describe('the supergraph on Hive Gateway', () => {
  it('answers the README quick-start query as our gateway does, across subgraphs', async () => {
    const officer = await token(['migration_officer']);
    const data = (await same(officer, QUICK_START)) as { nomads: { totalCount: number; edges: unknown[] } };
    expect(data.nomads.totalCount).toBeGreaterThan(0);
    expect(data.nomads.edges).toHaveLength(5);
  });

  it('answers the officers’ work queues, the eligibility rules and a nomad’s cross-agency view the same way', async () => {
    const officer = await token(['migration_officer']);
    await same(officer, `{
      review: applications(first: 50, filter: { states: [SUBMITTED, UNDER_REVIEW], overdue: true }) {
        totalCount
        edges { node { number state submittedAt reviewDeadlineOn clearance evaluationRequested expertVerdict version } }
      }
      expiring: expiringStatuses(withinDays: 30, first: 50) { edges { validUntil node { id surname pin status { state period { kind } } } } }
    }`);
    await same(officer, '{ eligibilityRules { minimumAnnualIncome { amountMinor currency } } }');

    // A status holder with a tax registration, as the nomad themself.
    const taxOfficer = await token(['tax_officer']);
    const registered = await graph.request<{ registrations?: { edges: { node: { nomad: { id: string } } }[] } }>(
      taxOfficer,
      '{ registrations: taxRegistrations(first: 1) { edges { node { nomad { id } } } } }',
      {},
      { 'x-purpose': PURPOSE },
    );
    expect(registered.body.errors).toBeUndefined();
    const nomadId = registered.body.data?.registrations?.edges[0]?.node.nomad.id;
    expect(nomadId).toBeTruthy();
    const nomad = await token(['nomad'], { nomadId: nomadId ?? '' });
    const me = (await same(nomad, `{
      me {
        pin
        status { state validUntil }
        taxRegistration { state firstRegistration registeredOn regime { code rateBasisPoints } }
        declarations(first: 4) { edges { node { period income { amountMinor currency } taxDue { amountMinor } balance { amountMinor } inArrears } } }
      }
    }`)) as { me: { taxRegistration: unknown } };
    expect(me.me.taxRegistration).not.toBeNull();
  });

  it('sends each subgraph the token, the purpose, the request id and that subgraph’s gateway credential, and calls nothing else', async () => {
    calls.length = 0;
    const officer = await token(['migration_officer']);
    const body = await viaHive(officer, QUICK_START, { 'x-request-id': 'hive-run-1' });
    expect(body.errors).toBeUndefined();
    expect(calls.length).toBeGreaterThan(0);
    const subgraphUrls = Object.values(graph.agencies).map((a) => a.server.url);
    for (const call of calls) {
      expect(subgraphUrls).toContain(call.url);
      expect(call.headers).toMatchObject({
        authorization: `Bearer ${officer}`,
        'x-purpose': PURPOSE,
        'x-request-id': 'hive-run-1',
        'x-gateway-credential': DEV_GATEWAY_SECRET,
      });
    }
  });
});
