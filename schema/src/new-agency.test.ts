import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose } from './compose.ts';
import { badAgencyName, scaffoldAgency, ScaffoldError } from './new-agency.ts';
import type { SubgraphDefinition } from './subgraphs.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A temporary copy of what the scaffold touches (schema/), whose node_modules links every
 * package of the repository's plus the scaffolded `@nomad/demo`: the repository stays as it is.
 */
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'nomad-new-agency-'));
  await cp(path.join(REPO_ROOT, 'schema', 'src'), path.join(root, 'schema', 'src'), { recursive: true });
  await cp(path.join(REPO_ROOT, 'schema', 'package.json'), path.join(root, 'schema', 'package.json'));
  await cp(path.join(REPO_ROOT, 'tsconfig.json'), path.join(root, 'tsconfig.json'));
  const modules = path.join(root, 'node_modules');
  await mkdir(path.join(modules, '@nomad'), { recursive: true });
  for (const entry of await readdir(path.join(REPO_ROOT, 'node_modules'))) {
    if (entry === '@nomad' || entry.startsWith('.')) continue;
    await symlink(path.join(REPO_ROOT, 'node_modules', entry), path.join(modules, entry));
  }
  for (const entry of await readdir(path.join(REPO_ROOT, 'node_modules', '@nomad'))) {
    await symlink(path.join(REPO_ROOT, 'node_modules', '@nomad', entry), path.join(modules, '@nomad', entry));
  }
  await symlink(path.join(root, 'subgraphs', 'demo'), path.join(modules, '@nomad', 'demo'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('npm run new:agency -- <name>', () => {
  it('writes an agency that composes with the others, through its one line in schema/src/subgraphs.ts', async () => {
    const { port } = await scaffoldAgency(root, 'demo');
    expect(port).toBe(4005);
    const listed = await readFile(path.join(root, 'schema', 'src', 'subgraphs.ts'), 'utf8');
    expect(listed).toContain("{ name: 'demo', url: 'http://127.0.0.1:4005/graphql', typeDefs: demo, personalFields: demoPersonal },");
    const pkg = JSON.parse(await readFile(path.join(root, 'schema', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['@nomad/demo']).toBe('*');

    // The copied list, scaffolded line included, is what composition reads.
    const { SUBGRAPHS } = (await import(pathToFileURL(path.join(root, 'schema', 'src', 'subgraphs.ts')).href)) as { SUBGRAPHS: SubgraphDefinition[] };
    expect(SUBGRAPHS.map((s) => s.name)).toEqual(['migration', 'labor', 'tax', 'security', 'demo']);
    const result = compose(SUBGRAPHS);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.apiSdl).toMatch(/demoHello: String!/);
    expect(result.supergraphSdl).toContain('DEMO @join__graph(name: "demo", url: "http://127.0.0.1:4005/graphql")');
  });

  it('refuses a name already taken, and writes nothing', async () => {
    const before = await readFile(path.join(root, 'schema', 'src', 'subgraphs.ts'), 'utf8');
    await expect(scaffoldAgency(root, 'demo')).rejects.toThrow(new ScaffoldError('an agency "demo" already exists (subgraphs/demo or schema/src/subgraphs.ts)'));
    await expect(scaffoldAgency(root, 'labor')).rejects.toThrow(/an agency "labor" already exists/);
    expect(await readFile(path.join(root, 'schema', 'src', 'subgraphs.ts'), 'utf8')).toBe(before);
  });

  it('refuses a bad name with what a name must be', async () => {
    for (const name of ['', 'Demo', 'de-mo', '1demo', 'd', 'a'.repeat(31)]) {
      expect(badAgencyName(name), name).toMatch(/is not an agency name: 2 to 30 lower-case letters and digits/);
    }
    expect(badAgencyName('kit')).toMatch(/reserved/);
    expect(badAgencyName('customs')).toBeNull();
    await expect(scaffoldAgency(root, '../evil')).rejects.toThrow(ScaffoldError);
  });
});
