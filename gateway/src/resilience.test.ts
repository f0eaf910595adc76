import { createServer } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import {
  bearer,
  capturingLogger,
  dispose,
  close,
  deadUrl,
  listen,
  post,
  startFakeSubgraph,
  startGateway,
  startHangingSubgraph,
} from './__fixtures__/gateway.ts';
import { TWO_SUBGRAPHS } from './__fixtures__/supergraph.ts';

/** Issue 14: a subgraph that is down or slow costs its callers an error naming the agency, quickly. */

/** A subgraph whose answers the test switches: `503` (its database is down), or up. */
async function switchableSubgraph() {
  const state = { up: false, calls: 0 };
  const server = createServer((req, res) => {
    state.calls++;
    req.resume();
    req.on('end', () => {
      if (!state.up) res.writeHead(503, { 'content-type': 'application/json' }).end('{"errors":[{"message":"not ready"}]}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"world":"back"}}');
    });
  });
  const port = await listen(server);
  dispose(() => close(server));
  return { url: `http://127.0.0.1:${port}/graphql`, state };
}

const NO_INTERNALS = /127\.0\.0\.1|ECONNREFUSED|http:|stack|Internal server error/i;

describe('an agency that is down', () => {
  it('is named in a masked error with the rest of the answer, status 200, and logged with the request id', async () => {
    const hello = await startFakeSubgraph({ hello: 'world' });
    const { logger, parsed } = capturingLogger();
    const gateway = await startGateway({ supergraphSdl: TWO_SUBGRAPHS, subgraphUrls: { hello: hello.url, world: await deadUrl() }, logger });
    const response = await post(gateway, { query: '{ hello world }' }, { ...(await bearer()), 'x-request-id': 'down-test-0001' });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ hello: 'world', world: null });
    expect(response.body.errors).toEqual([
      {
        message: 'The world agency is unavailable right now; what it holds is missing from this answer. Try again shortly.',
        extensions: { code: 'AGENCY_UNAVAILABLE', agency: 'world' },
      },
    ]);
    expect(response.text).not.toMatch(NO_INTERNALS);
    const line = parsed().find((l) => l.msg === 'agency unavailable');
    expect(line).toMatchObject({ requestId: 'down-test-0001', serviceName: 'world', detail: 'ECONNREFUSED', level: 40 });
  });

  it('answers 503 with Retry-After when nothing is left of the answer (a non-null root field), never 200 or 500', async () => {
    const gateway = await startGateway({ supergraphSdl: TWO_SUBGRAPHS, subgraphUrls: { hello: await deadUrl(), world: await deadUrl() } });
    const response = await post(gateway, { query: '{ required }' }, await bearer());
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'AGENCY_UNAVAILABLE', agency: 'world' });
    expect(response.text).not.toMatch(NO_INTERNALS);
  });
});

describe('an agency that hangs', () => {
  it('is given up after subgraphTimeoutMs, with the same named error', async () => {
    const { logger, parsed } = capturingLogger();
    const gateway = await startGateway({ subgraphUrls: { hello: await startHangingSubgraph() }, subgraphTimeoutMs: 200, logger });
    const response = await post(gateway, { query: '{ hello }' }, await bearer());
    expect(response.body).toEqual({
      data: { hello: null },
      errors: [
        {
          message: 'The hello agency is unavailable right now; what it holds is missing from this answer. Try again shortly.',
          extensions: { code: 'AGENCY_UNAVAILABLE', agency: 'hello' },
        },
      ],
    });
    expect(parsed().find((l) => l.msg === 'agency unavailable')).toMatchObject({ serviceName: 'hello', detail: 'timeout' });
  });
});

describe('an agency whose circuit opens', () => {
  it('after failureThreshold failures, later operations fail at once without calling it', async () => {
    // Down (503 at once), so every failed call is one that reached it: the count is exact.
    const world = await switchableSubgraph();
    const gateway = await startGateway({
      supergraphSdl: TWO_SUBGRAPHS,
      subgraphUrls: { hello: await deadUrl(), world: world.url },
      circuit: { failureThreshold: 2, openMs: 60_000 },
    });
    const auth = await bearer();
    for (let i = 0; i < 2; i++) expect((await post(gateway, { query: '{ world }' }, auth)).status).toBe(200);
    expect(world.state.calls).toBe(2);
    world.state.up = true;
    const refused = await post(gateway, { query: '{ required }' }, auth);
    expect(refused.status).toBe(503);
    // The circuit stays open for a minute: the client is told to come back then, not now.
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'AGENCY_UNAVAILABLE', agency: 'world' });
    expect(world.state.calls).toBe(2);
  });
});

describe('an agency that comes back', () => {
  it('is called again once its circuit lets a trial through, and answers', async () => {
    const world = await switchableSubgraph();
    const gateway = await startGateway({
      supergraphSdl: TWO_SUBGRAPHS,
      subgraphUrls: { hello: await deadUrl(), world: world.url },
      circuit: { failureThreshold: 1, openMs: 50 },
    });
    const auth = await bearer();
    const down = await post(gateway, { query: '{ world }' }, auth);
    expect(down.body.errors?.[0]?.extensions?.code).toBe('AGENCY_UNAVAILABLE');
    world.state.up = true;
    await vi.waitFor(
      async () => {
        const back = await post(gateway, { query: '{ world }' }, auth);
        expect(back.body).toEqual({ data: { world: 'back' } });
      },
      { timeout: 30_000, interval: 20 },
    );
  });
});

describe('GET /ready', () => {
  it('answers 503 naming (never addressing) a subgraph that hangs, once readyTimeoutMs has passed', async () => {
    const gateway = await startGateway({ subgraphUrls: { hello: await startHangingSubgraph() }, readyTimeoutMs: 200 });
    const response = await fetch(gateway.url.replace('/graphql', '/ready'));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'not ready', notReady: ['hello'] });
  });
});
