import { mkdtemp, rename, rm, writeFile as writeInPlace } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, capturingLogger, post, startFakeSubgraph, startGateway, type FakeSubgraph } from './__fixtures__/gateway.ts';
import { SUPERGRAPH, TWO_SUBGRAPHS } from './__fixtures__/supergraph.ts';
import type { Gateway } from './server.ts';

/** The fixture with one more field, as `npm run compose` would write it after an agency added it. */
const WITH_GREETING = SUPERGRAPH.replace('  hello: String\n', '  hello: String\n  greeting: String\n');

/** Replaces the file in one step, as `npm run compose` does: a reader never sees half of it. */
async function writeFile(path: string, text: string): Promise<void> {
  await writeInPlace(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

/** Asks until `{ greeting }` answers with data, or the time is up: the reload is asynchronous. */
async function greetingWithin(gateway: Gateway, auth: Record<string, string>, ms: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    const response = await post(gateway, { query: '{ greeting }' }, auth);
    if (response.status === 200 && response.body.data?.greeting === 'hi') return Date.now() - started;
    await sleep(100);
  }
  return null;
}

describe('a gateway that follows its supergraph file (development)', () => {
  let dir: string;
  let file: string;
  let subgraph: FakeSubgraph;
  let auth: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nomad-supergraph-'));
    file = join(dir, 'supergraph.graphql');
    subgraph = await startFakeSubgraph({ hello: 'world', greeting: 'hi' });
    auth = await bearer();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a field added to the file without a restart, within 15 s; a static gateway does not', async () => {
    expect(WITH_GREETING).not.toBe(SUPERGRAPH);
    await writeFile(file, SUPERGRAPH);
    const { logger, parsed } = capturingLogger();
    const watching = await startGateway({ subgraphUrls: { hello: subgraph.url }, supergraphWatch: { path: file, intervalMs: 100 }, logger });
    const fixed = await startGateway({ subgraphUrls: { hello: subgraph.url } });
    const before = await post(watching, { query: '{ greeting }' }, auth);
    expect(before.status).toBe(400);
    expect(before.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    await writeFile(file, WITH_GREETING);
    const took = await greetingWithin(watching, auth, 15_000);
    expect(took, 'the watching gateway never served the new field').not.toBeNull();
    expect(parsed().some((line) => line.msg === 'supergraph reloaded')).toBe(true);
    // Same port, same server: no restart.
    expect((await post(watching, { query: '{ hello }' }, auth)).body.data).toEqual({ hello: 'world' });
    expect((await post(fixed, { query: '{ greeting }' }, auth)).status).toBe(400);
  });

  it('keeps the previous schema when the file is broken or names a subgraph it cannot route to', async () => {
    await writeFile(file, SUPERGRAPH);
    const { logger, parsed } = capturingLogger();
    const gateway = await startGateway({ subgraphUrls: { hello: subgraph.url }, supergraphWatch: { path: file, intervalMs: 100 }, logger });
    await writeFile(file, WITH_GREETING);
    expect(await greetingWithin(gateway, auth, 15_000)).not.toBeNull();

    const refusals = () =>
      parsed()
        .filter((line) => line.msg === 'supergraph not reloaded: the previous one stays')
        .map((line) => String(line.err));
    await writeFile(file, 'type Query {');
    await expect.poll(refusals, { timeout: 15_000 }).toContainEqual(expect.stringMatching(/does not parse/));
    await writeFile(file, TWO_SUBGRAPHS);
    await expect.poll(refusals, { timeout: 15_000 }).toContainEqual(expect.stringMatching(/no URL for subgraph\(s\) world/));
    expect((await post(gateway, { query: '{ greeting }' }, auth)).body.data).toEqual({ greeting: 'hi' });
  });
});
