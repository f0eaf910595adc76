import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { currentSubgraphs, isSdlFile, watchSdl } from './dev.ts';
import { SUBGRAPHS } from './subgraphs.ts';

describe('npm run dev: recompose on an SDL change', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nomad-sdl-'));
    await mkdir(join(dir, 'modules', 'status'), { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("knows a subgraph's SDL files from its other sources", () => {
    expect(['modules/status/schema.graphql', 'sdl.ts', 'personal-fields.ts'].filter(isSdlFile)).toEqual(['modules/status/schema.graphql', 'sdl.ts', 'personal-fields.ts']);
    expect(['modules/status/service.ts', 'main.ts', 'schema.graphql.swp'].filter(isSdlFile)).toEqual([]);
  });

  it('recomposes once for a burst of saves to a module schema, and not for other files', async () => {
    let runs = 0;
    const watcher = watchSdl(
      [dir],
      () => {
        runs++;
        return Promise.resolve();
      },
      100,
    );
    try {
      await writeFile(join(dir, 'modules', 'status', 'service.ts'), 'export {};\n');
      for (const field of ['a', 'b', 'c']) await writeFile(join(dir, 'modules', 'status', 'schema.graphql'), `type Query { ${field}: String }\n`);
      await expect.poll(() => runs, { timeout: 10_000 }).toBe(1);
      await writeFile(join(dir, 'modules', 'status', 'schema.graphql'), 'type Query { d: String }\n');
      await expect.poll(() => runs, { timeout: 10_000 }).toBe(2);
    } finally {
      watcher.close();
    }
  });

  it("reads every subgraph's SDL as its files are now, the same as the composition's", async () => {
    const fresh = await currentSubgraphs();
    expect(fresh.map((s) => s.name)).toEqual(SUBGRAPHS.map((s) => s.name));
    expect(fresh.length).toBeGreaterThan(0);
    for (const [i, s] of fresh.entries()) expect(print(s.typeDefs)).toBe(print(SUBGRAPHS[i]!.typeDefs));
    for (const [i, s] of fresh.entries()) expect(s.personalFields).toEqual(SUBGRAPHS[i]!.personalFields);
  });
});
