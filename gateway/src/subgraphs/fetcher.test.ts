import { createServer, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { close, dispose, listen } from '../__fixtures__/gateway.ts';
import { Agent } from 'undici';
import { poolCall, subgraphFetcher } from './fetcher.ts';

/** A subgraph that holds every answer until the test releases it, counting connections. */
async function heldSubgraph() {
  const held: ServerResponse[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => held.push(res));
  });
  server.on('connection', () => (connections += 1));
  const port = await listen(server);
  dispose(() => close(server));
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    held,
    connections: () => connections,
    releaseOne: () => held.shift()?.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"hello":"world"}}'),
  };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(5);
}

describe('subgraphFetcher keep-alive pool', () => {
  const options = { timeoutMs: 5_000, failureThreshold: 5, openMs: 10_000 };

  it('opens at most `connections` connections to a replica; further calls wait for one and are answered', async () => {
    const subgraph = await heldSubgraph();
    const { fetcher } = subgraphFetcher('hello', [subgraph.url], { ...options, connections: 1 });
    const calls = [1, 2, 3].map(() => fetcher(subgraph.url, { method: 'POST', body: '{}' }).then((r) => r.json()));
    await until(() => subgraph.held.length === 1);
    // The other two wait for the one connection: only one call has reached the subgraph.
    await sleep(50);
    expect([subgraph.held.length, subgraph.connections()]).toEqual([1, 1]);
    for (let answered = 0; answered < 3; answered += 1) {
      await until(() => subgraph.held.length === 1);
      subgraph.releaseOne();
    }
    expect(await Promise.all(calls)).toEqual([1, 2, 3].map(() => ({ data: { hello: 'world' } })));
    // Kept alive: the three calls shared the one connection.
    expect(subgraph.connections()).toBe(1);
  });

  it('opens as many as the calls need up to the bound', async () => {
    const subgraph = await heldSubgraph();
    const { fetcher } = subgraphFetcher('hello', [subgraph.url], { ...options, connections: 3 });
    const calls = [1, 2, 3].map(() => fetcher(subgraph.url, { method: 'POST', body: '{}' }));
    await until(() => subgraph.held.length === 3);
    expect(subgraph.connections()).toBe(3);
    for (let i = 0; i < 3; i += 1) subgraph.releaseOne();
    expect((await Promise.all(calls)).map((r) => r.status)).toEqual([200, 200, 200]);
  });
});

describe('subgraphFetcher calls', () => {
  const options = { timeoutMs: 300, failureThreshold: 5, openMs: 10_000, connections: 1 };

  /** A subgraph answering with `handle`, counting connections. */
  async function subgraph(handle: (res: ServerResponse) => void) {
    let connections = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => handle(res));
    });
    server.on('connection', () => (connections += 1));
    const port = await listen(server);
    dispose(() => close(server));
    return { url: `http://127.0.0.1:${port}/graphql`, connections: () => connections };
  }

  it('reads the answer whole: status, headers by any case, the body once', async () => {
    const { url } = await subgraph((res) => res.writeHead(200, { 'content-type': 'application/json', 'x-two': ['a', 'b'] }).end('{"data":{"n":1}}'));
    const { fetcher } = subgraphFetcher('hello', [url], options);
    const answer = await fetcher(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect([answer.ok, answer.status, answer.statusText, answer.url]).toEqual([true, 200, 'OK', url]);
    expect([answer.headers.get('Content-Type'), answer.headers.get('x-two'), answer.headers.get('x-none')]).toEqual(['application/json', 'a, b', null]);
    expect(Object.fromEntries(answer.headers)).toMatchObject({ 'content-type': 'application/json' });
    const copy = answer.clone();
    expect(await answer.json()).toEqual({ data: { n: 1 } });
    expect(answer.bodyUsed).toBe(true);
    await expect(answer.text()).rejects.toThrow(TypeError);
    expect(new TextDecoder().decode(await copy.arrayBuffer())).toBe('{"data":{"n":1}}');
  });

  it('fails a call whose answer stalls after its headers at the deadline, as a timeout', async () => {
    const { url } = await subgraph((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":');
    });
    const { fetcher } = subgraphFetcher('hello', [url], options);
    await expect(fetcher(url, { method: 'POST', body: '{}' })).rejects.toMatchObject({ name: 'AgencyUnavailableError', reason: 'timeout' });
  });

  it('counts 502/503/504 as unavailable and frees the pool connection for the next call', async () => {
    let status = 503;
    // An unavailable answer with a large body (a proxy's error page): left unread, it would hold the connection.
    const page = `internal detail: db host 10.0.0.7 ${'x'.repeat(4 * 1024 * 1024)}`;
    const sub = await subgraph((res) => res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? '{"data":{}}' : page));
    const { fetcher, circuit } = subgraphFetcher('hello', [sub.url], options);
    await expect(fetcher(sub.url, { method: 'POST', body: '{}' })).rejects.toMatchObject({ reason: 'HTTP 503', message: expect.not.stringContaining('10.0.0.7') as unknown });
    status = 200;
    // The pool's one connection was released (undici closes it rather than read a body that large).
    expect((await fetcher(sub.url, { method: 'POST', body: '{}' })).status).toBe(200);
    expect(sub.connections()).toBeLessThanOrEqual(2);
    expect(circuit.allow()).toBe(true);
  });

  it('fails a call still waiting for a free connection at its deadline, while the one ahead is held', async () => {
    const held: ServerResponse[] = [];
    const sub = await subgraph((res) => held.push(res));
    const pool = new Agent({ connections: 1 });
    dispose(() => pool.close());
    const first = poolCall(pool, 60_000)(sub.url, { method: 'POST', body: '{}' });
    await until(() => held.length === 1);
    // The pool's one connection is taken: the second call waits for it, and its deadline ends the wait.
    await expect(poolCall(pool, 200)(sub.url, { method: 'POST', body: '{}' })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(held).toHaveLength(1);
    held[0]?.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
    expect((await first).status).toBe(200);
  });

  it('goes past a replica that refuses the connection', async () => {
    // A port just freed: nothing listens there.
    const freed = createServer();
    const deadUrl = `http://127.0.0.1:${await listen(freed)}/graphql`;
    await close(freed);
    const alive = await subgraph((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"from":"alive"}}'));
    const { fetcher } = subgraphFetcher('hello', [deadUrl, alive.url], options);
    for (let i = 0; i < 2; i += 1) expect(await (await fetcher(deadUrl, { method: 'POST', body: '{}' })).json()).toEqual({ data: { from: 'alive' } });
  });
});
