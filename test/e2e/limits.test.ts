import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, token, type GraphResponse, type TestGraph } from '../src/harness.ts';

let graph: TestGraph;
let officer: string;
beforeAll(async () => {
  graph = await startGraph();
  officer = await token(['migration_officer']);
});
afterAll(async () => {
  await graph?.stop();
});

/** Nothing internal may reach a client: no stack frames, no SQL, no subgraph URL. */
function expectNoInternals(res: GraphResponse): void {
  expect(res.text).not.toMatch(/\bat .+:\d+:\d+/);
  expect(res.text).not.toMatch(/stacktrace|"stack"/i);
  expect(res.text).not.toMatch(/select |insert into|postgres/i);
  expect(res.text).not.toContain(graph.migration.server.url);
  expect(res.text).not.toMatch(/127\.0\.0\.1:\d+|ECONNREFUSED/);
}

function nested(depth: number): string {
  let inner = 'id';
  for (let i = 0; i < depth; i++) {
    inner = `applications(first: 1) { edges { node { nomad { ${inner} } } } }`;
  }
  return `{ nomads(first: 1) { edges { node { ${inner} } } } }`;
}

describe('hostile and malformed requests', () => {
  it('a malformed query gets 400 GRAPHQL_PARSE_FAILED', async () => {
    const res = await graph.request(officer, '{ nomads(first: 1) { edges { node { id }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expectNoInternals(res);
  });

  it('an unknown field gets 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await graph.request(officer, '{ nomads(first: 1) { edges { node { passwordHash } } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expectNoInternals(res);
  });

  it('a depth bomb is refused before execution', async () => {
    const counts = await graph.countSql(async () => {
      const res = await graph.request(officer, nested(10));
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.message).toMatch(/depth/i);
      expectNoInternals(res);
    });
    expect(counts.migration).toBe(0);
  });

  it('an alias bomb is refused before execution', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: nomads(first: 100) { totalCount }`).join(' ');
    const counts = await graph.countSql(async () => {
      const res = await graph.request(officer, `{ ${aliases} }`);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.message).toMatch(/alias/i);
      expectNoInternals(res);
    });
    expect(counts.migration).toBe(0);
  });

  it("an operation over the caller's budget is refused before any SQL, weighed by schema/costs.json; an analyst's larger budget lets it run", async () => {
    // ActivityReportConnection.totalCount weighs 10 in schema/costs.json: 1 + 100 × (1 + 1 + (1 + 100 × 10)) = 100,301.
    // Unweighed it would cost 10,301 and pass: the refusal shows the gateway reads the map.
    const query = '{ nomads(first: 100) { edges { node { activityReports(first: 100) { totalCount } } } } }';
    const counts = await graph.countSql(async () => {
      const res = await graph.request(officer, query);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', cost: 100_301, budget: 50_000 });
      expect(res.body.errors?.[0]?.message).toMatch(/MAX_COST/);
      expectNoInternals(res);
    });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
    const analyst = await token(['analyst']);
    const analysed = await graph.request(analyst, query, undefined, { 'x-purpose': 'cost limit test' });
    expect(analysed.status).toBe(200);
    expect(analysed.body.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('COST_LIMIT_EXCEEDED');
  });

  it('batched requests are refused', async () => {
    const res = await fetch(graph.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('an unknown operationName and a subscription get 400 with a stable code, never 500', async () => {
    const unknown = await graph.request(officer, 'query Mine { nomads(first: 1) { totalCount } }', undefined, undefined, 'Theirs');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    const subscription = await graph.request(officer, 'subscription { nomads(first: 1) { totalCount } }');
    expect(subscription.status).toBe(400);
    expect(subscription.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expectNoInternals(unknown);
    expectNoInternals(subscription);
  });

  it('a body that is not JSON gets 400', async () => {
    const res = await fetch(graph.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('a subgraph that is down gives 503 and an error naming its agency, without its URL', async () => {
    const res = await graph.request(officer, '{ nomads(first: 1) { totalCount } }');
    expect(res.body.errors).toBeUndefined();
    await graph.migration.server.stop();
    const down = await graph.request(officer, '{ nomads(first: 1) { totalCount } }');
    // `nomads` is non-null: nothing is left of the answer, so the gateway says "try later".
    expect(down.status).toBe(503);
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(down.body.errors?.[0]?.extensions).toEqual({ code: 'AGENCY_UNAVAILABLE', agency: 'migration' });
    expectNoInternals(down);
  });
});
