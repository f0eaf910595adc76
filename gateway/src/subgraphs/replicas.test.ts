import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { replicaUrls, roundRobinFetch } from './replicas.ts';

const servers: Server[] = [];
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
});

/** A server that answers its own name. */
async function replica(name: string): Promise<string> {
  const server = createServer((_req, res) => res.end(name));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** A URL where nothing listens (a port just freed). */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return `http://127.0.0.1:${port}/graphql`;
}

describe('replicas', () => {
  it('reads a comma-separated <AGENCY>_URL', () => {
    expect(replicaUrls('http://a:4001/graphql, http://b:4001/graphql,')).toEqual(['http://a:4001/graphql', 'http://b:4001/graphql']);
    expect(replicaUrls('http://a:4001/graphql')).toEqual(['http://a:4001/graphql']);
  });

  it('sends calls round robin, and past a replica that refuses the connection', async () => {
    const a = await replica('a');
    const b = await replica('b');
    const send = roundRobinFetch([a, b], (url, init) => fetch(url, init));
    const answers: string[] = [];
    for (let i = 0; i < 4; i += 1) answers.push(await (await send({ method: 'POST', body: '{}' })).text());
    expect(answers).toEqual(['a', 'b', 'a', 'b']);

    const withDead = roundRobinFetch([await deadUrl(), b], (url, init) => fetch(url, init));
    const survived: string[] = [];
    for (let i = 0; i < 3; i += 1) survived.push(await (await withDead({ method: 'POST', body: '{}' })).text());
    expect(survived).toEqual(['b', 'b', 'b']);

    const allDead = roundRobinFetch([await deadUrl()], (url, init) => fetch(url, init));
    await expect(allDead({ method: 'POST', body: '{}' })).rejects.toThrow();
  });
});
