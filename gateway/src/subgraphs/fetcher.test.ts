import { createServer, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { close, dispose, listen } from '../__fixtures__/gateway.ts';
import { subgraphFetcher } from './fetcher.ts';

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
