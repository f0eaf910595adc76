import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { signToken } from '@nomad/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { JWT_SECRET, startFakeSubgraph, startGateway } from '../__fixtures__/gateway.ts';
import type { Gateway } from '../server.ts';
import { negotiateEncoding } from './compress.ts';

describe('negotiateEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['deflate', null],
    ['gzip', 'gzip'],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['BR;Q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', null],
    ['*', 'br'],
    ['*;q=0.1, gzip;q=0.5', 'gzip'],
    ['gzip;q=nonsense', null],
  ] as const)('Accept-Encoding %j: %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

/** A raw request (fetch would decompress and hide what came over the wire). */
function raw(gateway: Gateway, headers: Record<string, string>): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query: '{ hello }' }));
  });
}

describe('compressed answers', () => {
  const big = 'nomad '.repeat(2_000);
  let auth: Record<string, string>;
  let gateway: Gateway;
  let small: Gateway;
  let off: Gateway;

  beforeAll(async () => {
    auth = { authorization: `Bearer ${await signToken(JWT_SECRET, { roles: ['migration_officer'] })}` };
    const bigSubgraph = await startFakeSubgraph({ hello: big });
    gateway = await startGateway({ subgraphUrls: { hello: bigSubgraph.url }, compressMinBytes: 4096 });
    off = await startGateway({ subgraphUrls: { hello: bigSubgraph.url }, compressMinBytes: 0 });
    small = await startGateway({ subgraphUrls: { hello: (await startFakeSubgraph({ hello: 'world' })).url }, compressMinBytes: 4096 });
  });

  it('sends an answer over the threshold in br, smaller, with Vary', async () => {
    const res = await raw(gateway, { ...auth, 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(res.body.length).toBeLessThan(big.length / 10);
    expect(JSON.parse(brotliDecompressSync(res.body).toString('utf8'))).toEqual({ data: { hello: big } });
  });

  it('sends gzip to a client that takes only gzip', async () => {
    const res = await raw(gateway, { ...auth, 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.body).toString('utf8'))).toEqual({ data: { hello: big } });
  });

  it('sends the answer as it is to a client that takes no encoding, under the threshold, or with compression off', async () => {
    for (const [target, headers] of [
      [gateway, { ...auth }],
      [gateway, { ...auth, 'accept-encoding': 'identity' }],
      [small, { ...auth, 'accept-encoding': 'br, gzip' }],
      [off, { ...auth, 'accept-encoding': 'br, gzip' }],
    ] as const) {
      const res = await raw(target, headers);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(res.body.toString('utf8'))).toHaveProperty('data.hello');
    }
  });

  it('says the answer varies with Accept-Encoding even when it goes as it is, unless compression is off', async () => {
    expect((await raw(small, { ...auth, 'accept-encoding': 'br' })).headers.vary).toMatch(/Accept-Encoding/);
    expect((await raw(gateway, { ...auth })).headers.vary).toMatch(/Accept-Encoding/);
    expect((await raw(off, { ...auth, 'accept-encoding': 'br' })).headers.vary).not.toMatch(/Accept-Encoding/);
  });

  it('keeps the CORS Vary when it adds its own', async () => {
    const res = await raw(gateway, { ...auth, 'accept-encoding': 'br', origin: 'http://localhost:5173' });
    expect(res.headers.vary).toBe('Origin, Accept-Encoding');
  });
});
