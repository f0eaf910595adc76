import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLogger,
  createTokenVerifier,
  DEV_GATEWAY_SECRET,
  DEV_JWT_SECRET,
  fixedClock,
  openDatabase,
  signToken,
  type Clock,
  type Database,
  type DefinedAgencySubgraphOptions,
  type Logger,
  type Role,
  type SubgraphServer,
} from '@nomad/kit';
import { createTestDatabase, createTestKeys } from '@nomad/kit/testing';
import { createGateway } from '@nomad/gateway';
import { compose } from './compose.ts';
import { badAgencyName, scaffoldAgency, ScaffoldError } from './new-agency.ts';
import type { SubgraphDefinition } from './subgraphs.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A temporary copy of what the scaffold touches (schema/, contract's agency list), whose node_modules links every
 * package of the repository's plus the scaffolded `@nomad/demo`: the repository stays as it is.
 */
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'nomad-new-agency-'));
  await cp(path.join(REPO_ROOT, 'schema', 'src'), path.join(root, 'schema', 'src'), { recursive: true });
  await cp(path.join(REPO_ROOT, 'schema', 'package.json'), path.join(root, 'schema', 'package.json'));
  await cp(path.join(REPO_ROOT, 'contract', 'src', 'agencies.ts'), path.join(root, 'contract', 'src', 'agencies.ts'));
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

/** What the scaffolded agency's `src/index.ts` exports that the test uses. */
interface ScaffoldedAgency {
  schema: Record<string, unknown>;
  seedDemo: (db: Database<Record<string, unknown>>['db'], logger: Logger, options: { today: string }) => Promise<void>;
  startDemoSubgraph: (options: DefinedAgencySubgraphOptions<Record<string, unknown>, { clock: Clock }>) => Promise<SubgraphServer>;
}

describe('npm run new:agency -- <name>', () => {
  it('writes an agency that composes with the others, through its lines in schema/src/subgraphs.ts and contract/', async () => {
    const { port } = await scaffoldAgency(root, 'demo');
    expect(port).toBe(4005);
    const listed = await readFile(path.join(root, 'schema', 'src', 'subgraphs.ts'), 'utf8');
    expect(listed).toContain("{ name: 'demo', url: 'http://127.0.0.1:4005/graphql', typeDefs: demo, personalFields: demoPersonal },");
    expect(await readFile(path.join(root, 'contract', 'src', 'agencies.ts'), 'utf8')).toMatch(/ {2}security: 4004,\n {2}demo: 4005,\n\} as const;/);
    expect(existsSync(path.join(root, 'subgraphs', 'demo', 'drizzle', 'meta', '0000_snapshot.json'))).toBe(true);
    const pkg = JSON.parse(await readFile(path.join(root, 'schema', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['@nomad/demo']).toBe('*');

    // The copied list, scaffolded line included, is what composition reads.
    const { SUBGRAPHS } = (await import(pathToFileURL(path.join(root, 'schema', 'src', 'subgraphs.ts')).href)) as { SUBGRAPHS: SubgraphDefinition[] };
    expect(SUBGRAPHS.map((s) => s.name)).toEqual(['migration', 'labor', 'tax', 'security', 'demo']);
    const result = compose(SUBGRAPHS);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.apiSdl).toMatch(/demoDesks: \[DemoDesk!\]!/);
    expect(result.supergraphSdl).toContain('DEMO @join__graph(name: "demo", url: "http://127.0.0.1:4005/graphql")');
  });

  it('writes an agency that migrates, seeds and answers a query through the gateway, its rule refusing who it names', async () => {
    const scaffolded = (await import(pathToFileURL(path.join(root, 'subgraphs', 'demo', 'src', 'index.ts')).href)) as ScaffoldedAgency;
    const { SUBGRAPHS } = (await import(pathToFileURL(path.join(root, 'schema', 'src', 'subgraphs.ts')).href)) as { SUBGRAPHS: SubgraphDefinition[] };
    const composed = compose(SUBGRAPHS);
    if (!composed.ok) throw new Error(composed.errors.join('\n'));
    const logger = createLogger('demo', 'silent');
    const testDb = await createTestDatabase('scaffold');
    const stops: (() => Promise<void>)[] = [() => testDb.drop()];
    try {
      const database = await openDatabase({
        agency: 'demo',
        url: testDb.url,
        migrationsFolder: path.join(root, 'subgraphs', 'demo', 'drizzle'),
        schema: scaffolded.schema,
        logger,
        warnWhenOwner: false,
      });
      stops.unshift(() => database.close());
      // Its access log is append-only, as every agency's, and its sealer has its rules.
      await expect(database.client`truncate demo.access_records`).rejects.toThrow('demo.access_records is append-only');
      expect(await database.client`select key from demo.access_rules order by key`).toEqual([{ key: 'seal_delay_ms' }, { key: 'seal_max_records' }]);
      await scaffolded.seedDemo(database.db, logger, { today: '2026-11-24' });
      const server = await scaffolded.startDemoSubgraph({
        database,
        app: { clock: fixedClock('2026-11-24T06:00:00Z') },
        verifyToken: createTokenVerifier({ secret: DEV_JWT_SECRET }),
        gatewaySecret: DEV_GATEWAY_SECRET,
        keyring: createTestKeys(['demo']).keyrings['demo']!,
        logger,
      });
      stops.unshift(() => server.stop());
      // The other agencies are not running: the query plan must not need them.
      const elsewhere = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, 'http://127.0.0.1:9/graphql']));
      const gateway = await createGateway({ supergraphSdl: composed.supergraphSdl, subgraphUrls: { ...elsewhere, demo: server.url }, logger, port: 0 });
      stops.unshift(() => gateway.stop());
      const ask = async (role: Role) => {
        const res = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await signToken(DEV_JWT_SECRET, { roles: [role] })}`, 'x-purpose': 'scaffold test' },
          body: JSON.stringify({ query: '{ demoDesks { city address openedOn } }' }),
        });
        return (await res.json()) as { data?: { demoDesks: unknown[] } | null; errors?: { extensions?: { code?: string } }[] };
      };
      const officer = await ask('migration_officer');
      expect(officer.errors).toBeUndefined();
      expect(officer.data?.demoDesks).toEqual([
        { city: 'Bishkek', address: 'Chui Avenue 1', openedOn: '2026-11-24' },
        { city: 'Osh', address: 'Lenin Street 2', openedOn: '2026-11-24' },
      ]);
      const analyst = await ask('analyst');
      expect(analyst.data ?? null).toBeNull();
      expect(analyst.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    } finally {
      for (const stop of stops) await stop();
    }
  });

  it('refuses a name already taken, and writes nothing', async () => {
    const before = await readFile(path.join(root, 'schema', 'src', 'subgraphs.ts'), 'utf8');
    await expect(scaffoldAgency(root, 'demo')).rejects.toThrow(new ScaffoldError('an agency "demo" already exists (subgraphs/demo, schema/src/subgraphs.ts or contract/src/agencies.ts)'));
    await expect(scaffoldAgency(root, 'labor')).rejects.toThrow(/an agency "labor" already exists/);
    expect(await readFile(path.join(root, 'schema', 'src', 'subgraphs.ts'), 'utf8')).toBe(before);
  });

  it('refuses a bad name with what a name must be', async () => {
    for (const name of ['', 'Demo', 'de-mo', '1demo', 'd', 'a'.repeat(31)]) {
      expect(badAgencyName(name), name).toMatch(/is not an agency name: 2 to 30 lower-case letters and digits/);
    }
    expect(badAgencyName('kit')).toMatch(/reserved/);
    expect(badAgencyName('customs')).toBeNull();
    // Names whose variables would read as shared ones, the subgraphs' and the gateway's.
    expect(badAgencyName('analyst')).toMatch(/ANALYST_… variables read as the shared ANALYST_STATEMENT_TIMEOUT_MS/);
    expect(badAgencyName('jwks')).toMatch(/shared JWKS_URL/);
    expect(badAgencyName('jwt')).toMatch(/shared JWT_/);
    await expect(scaffoldAgency(root, '../evil')).rejects.toThrow(ScaffoldError);
  });
});
