import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { signToken } from '@nomad/contract';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  capturingLogger,
  codeOf,
  CREDENTIAL,
  deadUrl,
  JWT_SECRET,
  post,
  startFakeSubgraph,
  startGateway,
  type FakeSubgraph,
} from './__fixtures__/gateway.ts';
import { SUPERGRAPH } from './__fixtures__/supergraph.ts';
import { createGateway, type Gateway } from './server.ts';

describe('createGateway with a reachable subgraph', () => {
  let subgraph: FakeSubgraph;
  let gateway: Gateway;
  let token: string;
  let auth: Record<string, string>;
  let logLines: string[];

  beforeAll(async () => {
    subgraph = await startFakeSubgraph();
    const { logger, lines } = capturingLogger();
    logLines = lines;
    gateway = await startGateway({
      subgraphUrls: { hello: subgraph.url },
      logger,
      graphiql: true,
      limits: { maxBodyBytes: 64_000 },
    });
    token = await signToken(JWT_SECRET, { roles: ['migration_officer'] });
    auth = { authorization: `Bearer ${token}` };
  });

  beforeEach(() => {
    subgraph.received.length = 0;
  });

  it('refuses an operation without a token with 401 UNAUTHENTICATED, executing nothing', async () => {
    const response = await post(gateway, { query: '{ hello }' });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      errors: [{ message: 'A valid bearer token is required.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(subgraph.received).toEqual([]);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await signToken('another-secret-that-is-at-least-32-characters', { roles: ['auditor'] });
    const response = await post(gateway, { query: '{ hello }' }, { authorization: `Bearer ${forged}` });
    expect(response.status).toBe(401);
    expect(codeOf(response.body)).toBe('UNAUTHENTICATED');
    expect(subgraph.received).toEqual([]);
  });

  it('refuses a malformed Authorization header', async () => {
    const response = await post(gateway, { query: '{ hello }' }, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(response.status).toBe(401);
  });

  it('answers with data and forwards exactly the token, purpose, request id, credential and idempotency key', async () => {
    const response = await post(
      gateway,
      { query: '{ hello }' },
      {
        ...auth,
        'x-purpose': 'Review of application MIG-2025-000001',
        'idempotency-key': 'retry-42',
        'x-gateway-credential': 'forged-by-the-client',
        'x-service-credential': 'forged-by-the-client',
        cookie: 'session=abc',
        'x-forwarded-for': '10.0.0.1',
      },
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { hello: 'world' } });
    expect(response.headers.get('cache-control')).toBe('no-store');

    expect(subgraph.received).toHaveLength(1);
    const sent = subgraph.received[0]?.headers ?? {};
    expect(sent.authorization).toBe(`Bearer ${token}`);
    expect(sent['x-gateway-credential']).toBe(CREDENTIAL);
    expect(sent['x-purpose']).toBe('Review of application MIG-2025-000001');
    expect(sent['idempotency-key']).toBe('retry-42');
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent['x-request-id']).toBe(requestId);
    expect(sent['x-service-credential']).toBeUndefined();
    expect(sent.cookie).toBeUndefined();
    expect(sent['x-forwarded-for']).toBeUndefined();
  });

  it("carries a client's well-formed request id through and echoes it", async () => {
    const response = await post(gateway, { query: '{ hello }' }, { ...auth, 'x-request-id': 'client-req-0001' });
    expect(response.headers.get('x-request-id')).toBe('client-req-0001');
    expect(subgraph.received[0]?.headers['x-request-id']).toBe('client-req-0001');
  });

  it('replaces a malformed request id', async () => {
    const response = await post(gateway, { query: '{ hello }' }, { ...auth, 'x-request-id': 'bad id!' });
    const requestId = response.headers.get('x-request-id');
    expect(requestId).not.toBe('bad id!');
    expect(subgraph.received[0]?.headers['x-request-id']).toBe(requestId);
  });

  it('refuses a bad purpose with 400 BAD_USER_INPUT', async () => {
    const response = await post(gateway, { query: '{ hello }' }, { ...auth, 'x-purpose': 'x'.repeat(201) });
    expect(response.status).toBe(400);
    expect(codeOf(response.body)).toBe('BAD_USER_INPUT');
    expect(subgraph.received).toEqual([]);
  });

  it.each([
    ['depth bomb', `{ me { ${'friends { '.repeat(12)}name${' }'.repeat(12)} } }`, /MAX_DEPTH/],
    ['alias bomb', `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: hello`).join(' ')} }`, /MAX_ALIASES/],
    ['token bomb', `{ ${'hello '.repeat(6000)}}`, /MAX_TOKENS/],
  ])('refuses a %s with 400 GRAPHQL_VALIDATION_FAILED, no stack, nothing executed', async (_name, query, limit) => {
    const response = await post(gateway, { query }, auth);
    expect(response.status).toBe(400);
    expect(codeOf(response.body)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.body.errors?.[0]?.message).toMatch(limit);
    expect(response.text).not.toMatch(/stacktrace|\bat .*\.(ts|js):\d+/);
    expect(subgraph.received).toEqual([]);
  });

  it('refuses a cost bomb with 400 COST_LIMIT_EXCEEDED, its cost and the budget, nothing executed', async () => {
    const response = await post(gateway, { query: '{ me { friends(first: 1000) { friends(first: 1000) { name } } } }' }, auth);
    expect(response.status).toBe(400);
    // me 1 + 1000 × (friends 1 + 1000 × name 1)
    const cost = 1 + 1 + 1000 * (1 + 1000);
    expect(response.body.errors).toEqual([
      { message: `The operation's estimated cost is ${cost}; this caller's budget is 50000 (MAX_COST).`, extensions: { code: 'COST_LIMIT_EXCEEDED', cost, budget: 50_000 } },
    ]);
    expect(subgraph.received).toEqual([]);
  });

  it("gives an analyst ANALYST_MAX_COST: a query over an officer's budget runs for an analyst", async () => {
    // me 1 + friends 1 + 300 × (friends 1 + 300 × name 1) = 90,302: over 50,000, under 500,000.
    const query = '{ me { friends(first: 300) { friends(first: 300) { name } } } }';
    const officer = await post(gateway, { query }, auth);
    expect(officer.status).toBe(400);
    expect(officer.body.errors?.[0]?.extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', cost: 90_302, budget: 50_000 });
    expect(subgraph.received).toEqual([]);
    const analyst = await signToken(JWT_SECRET, { roles: ['analyst'] });
    const analysed = await post(gateway, { query }, { authorization: `Bearer ${analyst}` });
    expect(analysed.status).toBe(200);
    expect(subgraph.received.length).toBeGreaterThan(0);
  });

  it('counts first: from variables for cost', async () => {
    const query = 'query Q($n: Int) { me { friends(first: $n) { friends(first: $n) { name } } } }';
    expect((await post(gateway, { query, variables: { n: 1000 } }, auth)).status).toBe(400);
    // Small pages pass the limits; the fake subgraph then answers whatever it answers.
    expect((await post(gateway, { query, variables: { n: 2 } }, auth)).status).toBe(200);
  });

  it('refuses batched requests', async () => {
    const response = await post(gateway, [{ query: '{ hello }' }, { query: '{ hello }' }], auth);
    expect(response.status).toBe(400);
    expect(subgraph.received).toEqual([]);
  });

  it('refuses a body over the size limit with 413 and a JSON error', async () => {
    const response = await post(gateway, { query: '{ hello }', variables: { pad: 'x'.repeat(70_000) } }, auth);
    expect(response.status).toBe(413);
    expect(response.body.errors?.[0]?.message).toMatch(/MAX_BODY_BYTES/);
  });

  it('answers 413 to a streamed body without Content-Length that grows past the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(gateway.url, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' } });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      // Chunked transfer: the gateway cannot refuse on a declared length.
      for (let i = 0; i < 10; i++) req.write('x'.repeat(10_000));
      req.end();
    });
    expect(status).toBe(413);
    expect(subgraph.received).toEqual([]);
  });

  it('refuses operations over GET', async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ hello }')}`, { headers: auth });
    expect(response.status).toBe(405);
    expect(subgraph.received).toEqual([]);
  });

  it('blocks a simple (CSRF-able) POST', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
    expect(subgraph.received).toEqual([]);
  });

  it('refuses introspection when it is off', async () => {
    const response = await post(gateway, { query: '{ __schema { types { name } } }' }, auth);
    expect(response.status).toBe(400);
    expect(codeOf(response.body)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('serves GraphiQL to a browser without a token', async () => {
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('The nomad graph');
    expect(html).toContain('"endpoint":"/graphql"');
    // Offline: nothing is loaded from another origin.
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
  });

  it('answers /health and /ready', async () => {
    const health = await fetch(gateway.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
    const ready = await fetch(gateway.url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('never logs the token', () => {
    expect(logLines.join('')).not.toContain(token);
  });
});


describe('createGateway without GraphiQL', () => {
  it('does not serve GraphiQL when it is off', async () => {
    const gateway = await startGateway({ subgraphUrls: { hello: await deadUrl() } });
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(405);
  });
});

describe('createGateway configuration', () => {
  it('refuses a supergraph subgraph without a URL', async () => {
    await expect(createGateway({ supergraphSdl: SUPERGRAPH, subgraphUrls: {} })).rejects.toThrow(
      /No URL configured for subgraph\(s\): hello/,
    );
  });
});

describe('createGateway with rate limits on', () => {
  it('answers 429 with Retry-After once a principal has spent its burst, before any subgraph is called', async () => {
    const subgraph = await startFakeSubgraph();
    const gateway = await startGateway({
      subgraphUrls: { hello: subgraph.url },
      rateLimit: { perPrincipal: { perSecond: 0.01, burst: 2 }, perAddress: { perSecond: 1000, burst: 1000 } },
    });
    const auth = { authorization: `Bearer ${await signToken(JWT_SECRET, { roles: ['analyst'], sub: 'busy-analyst' })}` };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(gateway, { query: '{ hello }' }, auth)).status);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await post(gateway, { query: '{ hello }' }, auth);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(codeOf(refused.body)).toBe('RATE_LIMITED');
    expect(subgraph.received).toHaveLength(2);
  });

  it('limits a client address even when every token it sends is bad', async () => {
    const gateway = await startGateway({ subgraphUrls: { hello: await deadUrl() }, rateLimit: { perAddress: { perSecond: 0.01, burst: 2 } } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(gateway, { query: '{ hello }' }, { authorization: 'Bearer a.b.c' })).status);
    expect(statuses).toEqual([401, 401, 429]);
  });
});

describe('createGateway and browsers on other origins', () => {
  it('answers a preflight from a localhost port with 204 (not 405) and lets the page read the answer', async () => {
    const subgraph = await startFakeSubgraph();
    const gateway = await startGateway({ subgraphUrls: { hello: subgraph.url } });
    const origin = 'http://localhost:5173';
    const preflight = await fetch(gateway.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    const response = await post(gateway, { query: '{ hello }' }, { origin, authorization: `Bearer ${await signToken(JWT_SECRET, { roles: ['analyst'] })}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('refuses a preflight from an origin that is not allowed', async () => {
    const gateway = await startGateway({ subgraphUrls: { hello: await deadUrl() }, cors: { allowLoopback: false, origins: ['https://portal.example.kg'] } });
    const preflight = await fetch(gateway.url, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('createGateway with trusted documents enforced (production)', () => {
  const HELLO = 'query Hello { hello }';
  const HELLO_ID = `sha256:${createHash('sha256').update(HELLO).digest('hex')}`;

  it('runs a registered hash, refuses free text from an officer before any subgraph is called, lets an analyst query ad hoc', async () => {
    const subgraph = await startFakeSubgraph();
    const gateway = await startGateway({ subgraphUrls: { hello: subgraph.url }, trustedDocuments: { documents: { [HELLO_ID]: HELLO }, enforce: true } });
    const officer = { authorization: `Bearer ${await signToken(JWT_SECRET, { roles: ['migration_officer'] })}` };
    const analyst = { authorization: `Bearer ${await signToken(JWT_SECRET, { roles: ['analyst'] })}` };

    const registered = await post(gateway, { documentId: HELLO_ID, operationName: 'Hello' }, officer);
    expect(registered.status).toBe(200);
    expect(registered.body).toEqual({ data: { hello: 'world' } });
    expect(subgraph.received).toHaveLength(1);

    const free = await post(gateway, { query: '{ hello }' }, officer);
    expect(free.status).toBe(400);
    expect(codeOf(free.body)).toBe('PERSISTED_QUERY_REQUIRED');
    const unknown = await post(gateway, { documentId: `sha256:${'0'.repeat(64)}` }, officer);
    expect(unknown.status).toBe(400);
    expect(codeOf(unknown.body)).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(subgraph.received).toHaveLength(1);

    // A batch or a bare JSON value is refused before the body hook could be skipped, whatever Apollo's batching says.
    for (const body of [[{ documentId: HELLO_ID }, { query: '{ hello }' }], null, 42]) {
      const refused = await post(gateway, body, officer);
      expect(refused.status).toBe(400);
      expect(codeOf(refused.body)).toBe('BAD_REQUEST');
      // Refused by the gateway itself (not by Apollo's batching being off, which could change).
      expect(refused.body.errors?.[0]?.message).toBe('The request body must be one JSON object: operations are not batched.');
    }
    expect(subgraph.received).toHaveLength(1);

    const adHoc = await post(gateway, { query: '{ hello }' }, analyst);
    expect(adHoc.status).toBe(200);
    expect(adHoc.body).toEqual({ data: { hello: 'world' } });
    // Still under the limits: the analyst's query is weighed as any other.
    const tooDeep = await post(gateway, { query: `{ me { ${'friends { '.repeat(14)}name${' }'.repeat(14)} } }` }, analyst);
    expect(tooDeep.status).toBe(400);
    expect(codeOf(tooDeep.body)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('without enforcement (development) runs free text and registered hashes alike', async () => {
    const subgraph = await startFakeSubgraph();
    const gateway = await startGateway({ subgraphUrls: { hello: subgraph.url }, trustedDocuments: { documents: { [HELLO_ID]: HELLO }, enforce: false } });
    const officer = { authorization: `Bearer ${await signToken(JWT_SECRET, { roles: ['migration_officer'] })}` };
    expect((await post(gateway, { query: '{ hello }' }, officer)).body).toEqual({ data: { hello: 'world' } });
    expect((await post(gateway, { documentId: HELLO_ID }, officer)).body).toEqual({ data: { hello: 'world' } });
  });
});
