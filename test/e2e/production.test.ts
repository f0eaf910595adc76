/**
 * The production start (issue 18): after `npm run build`, `node --conditions=nomad-dist
 * supervisor/dist/main.js` (`npm run start:prod`) runs the whole graph on plain node, no tsx
 * in any process, with NODE_ENV=production and every secret and key given in the environment
 * as an operator gives them; it answers through the gateway and stops cleanly.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_NAMES, DEV_JWT_SECRET, signToken } from '@nomad/kit';
import { buildAll, processTree, startProductionStack, type ProcessInfo, type Stack } from '../src/production.ts';
import { registeredHash } from '../src/trusted.ts';

let stack: Stack | undefined;
beforeAll(() => {
  // Turbo rebuilds only the packages whose sources changed since the last build.
  buildAll();
}, 600_000);
afterAll(async () => {
  if (stack && stack.child.exitCode === null) stack.child.kill('SIGKILL');
  await stack?.stop();
});

describe('production start (npm run build, then npm run start:prod)', () => {
  it('runs every service on plain node over its build, answers through the gateway and stops cleanly', async () => {
    stack = await startProductionStack();
    const root = stack.child.pid;
    expect(root).toBeDefined();
    const tree = processTree(root ?? -1);
    const nodes = tree.filter((p) => p.name === 'node');
    // The supervisor and one node per service: each agency and the gateway.
    expect(nodes.length).toBe(AGENCY_NAMES.length + 2);
    const argvOf = (p: ProcessInfo) => p.argv.join(' ');
    // No process of the stack (node, PostgreSQL, watchdog) runs tsx or any TypeScript.
    expect(tree.length).toBeGreaterThan(nodes.length);
    for (const p of tree) {
      expect(argvOf(p)).not.toMatch(/tsx|esbuild|\.ts(\s|$)/);
      expect(p.name).not.toBe('esbuild');
    }
    const entries = nodes.map((p) => p.argv.at(-1) ?? '');
    for (const agency of AGENCY_NAMES) expect(entries.some((e) => e.endsWith(`/subgraphs/${agency}/dist/main.js`)), agency).toBe(true);
    expect(entries.some((e) => e.endsWith('/gateway/dist/main.js'))).toBe(true);
    for (const p of nodes) expect(p.argv.slice(1, 2), argvOf(p)).toEqual(['--conditions=nomad-dist']);

    // Production runs the front ends' registered operations only (trusted documents), sent by hash.
    const officer = await stack.token(['migration_officer']);
    const res = await stack.post(officer, { documentId: await registeredHash('NomadList'), variables: { first: 1 } }, {
      'x-purpose': 'production start test',
    });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const nomads = res.body.data?.nomads as { totalCount: number; edges: unknown[] } | undefined;
    // SEED=true: the sample world, seeded by the built services.
    expect(nomads?.totalCount).toBeGreaterThanOrEqual(200);
    expect(nomads?.edges.length).toBe(1);
    // An officer's free query text is refused; an analyst's ad-hoc query runs.
    const free = await stack.query(officer, '{ nomads(first: 1) { totalCount } }', { 'x-purpose': 'production start test' });
    expect(free.status).toBe(400);
    expect(free.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    const analyst = await stack.token(['analyst']);
    const adHoc = await stack.query(analyst, '{ applications(first: 1) { totalCount } }', { 'x-purpose': 'production start test' });
    expect(adHoc.body.errors).toBeUndefined();
    expect((adHoc.body.data?.applications as { totalCount: number } | undefined)?.totalCount).toBeGreaterThan(0);
    // A cursor sealed in one request opens in the next: the service's own key, process-wide.
    type Page = { applications: { edges: { cursor: string; node: { number: string } }[] } };
    const pageOf = async (after: string | null) => {
      const page = await stack!.post(analyst, { query: 'query($after: String) { applications(first: 1, after: $after) { edges { cursor node { number } } } }', variables: { after } }, { 'x-purpose': 'production start test' });
      expect(page.body.errors).toBeUndefined();
      return (page.body.data as Page | undefined)?.applications.edges[0];
    };
    const first = await pageOf(null);
    const second = await pageOf(first?.cursor ?? '');
    expect(second?.node.number).toBeDefined();
    expect(second?.node.number).not.toBe(first?.node.number);

    // Each subgraph checks a token once and then serves it from its cache until it expires: the
    // officer's three requests and the analyst's three cost migration two checks.
    for (let i = 0; i < 2; i++) {
      const again = await stack.post(officer, { documentId: await registeredHash('NomadList'), variables: { first: 1 } }, { 'x-purpose': 'production start test' });
      expect(again.body.errors).toBeUndefined();
    }
    const metrics = await (await fetch(`http://127.0.0.1:${stack.env.MIGRATION_PORT}/metrics`)).text();
    expect(/^nomad_token_verifications_total\{[^}]*\} (\d+)$/m.exec(metrics)?.[1]).toBe('2');
    // Each operation counted its own SQL statements (countedDb), in the built service too.
    expect(Number(/^nomad_sql_statements_total(?:\{[^}]*\})? (\d+)$/m.exec(metrics)?.[1] ?? 0)).toBeGreaterThan(0);

    // A token signed with the development secret is refused: production runs on the operator's secret.
    const refused = await stack.query(await signToken(DEV_JWT_SECRET, { roles: ['analyst'] }), '{ applications(first: 1) { totalCount } }');
    expect(refused.body.data?.nomads ?? null).toBeNull();
    expect(refused.body.errors?.length).toBeGreaterThan(0);

    expect(await stack.stop(), stack.output().slice(-3000)).toBe(0);
    // Every service and every embedded cluster is gone with it.
    const left = tree.filter((p) => p.pid !== root && existsSync(`/proc/${p.pid}`));
    expect(left.map(argvOf)).toEqual([]);
  }, 400_000);
});
