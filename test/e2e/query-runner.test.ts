import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The runner's library, by path: the command itself is `npm run query` (clients/query/src/cli.ts).
import { EXIT, parseArguments, runQuery, statePathOf, type RunDeps } from '../../clients/query/src/index.ts';
import { startGraph, token, type TestGraph } from '../src/harness.ts';

// Issue 16's command-line runner against the seeded graph, as an analyst: a list exported
// across several pages, interrupted after the first page (Ctrl-C), a crash's half-written page
// appended, then resumed: every application exactly once. And a statistics query to CSV,
// through the real command in its own process.

const CLI = fileURLToPath(new URL('../../clients/query/src/cli.ts', import.meta.url));
/** tsx's command, by path: the command runs from a directory of its own. */
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const LIST = /* GraphQL */ `
  query Applications($states: [ApplicationState!]) {
    applications(filter: { states: $states }) {
      edges { node { id state activity { code } submittedAt nomad { citizenship } } }
    }
  }`;

let graph: TestGraph;
let dir: string;
let analyst: string;

beforeAll(async () => {
  graph = await startGraph({ seed: true, seedNomads: 40 });
  analyst = await token(['analyst']);
  dir = await mkdtemp(join(tmpdir(), 'nomad-query-e2e-'));
});
afterAll(async () => {
  await graph?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs the runner in this process with `argv`; stops it (as Ctrl-C does) after `stopAfterPages`. */
async function run(argv: string[], stopAfterPages?: number): Promise<{ code: number; pages: number; stderr: string }> {
  const parsed = parseArguments(argv, { gatewayUrl: graph.gateway.url, token: analyst, initCwd: undefined }, dir);
  if (parsed.help) throw new Error('help');
  const stderr: string[] = [];
  let pages = 0;
  const stop = { requested: false };
  const deps: RunDeps = {
    fetch: (url, init) => fetch(url, init),
    stdout: { write: (_chunk: string, callback: (error?: Error | null) => void) => callback() },
    stderr: { write: (text: string) => stderr.push(text) },
    now: () => Date.now(),
    sleep: () => Promise.resolve(),
    stop,
    onPage: () => {
      pages++;
      if (stopAfterPages !== undefined && pages >= stopAfterPages) stop.requested = true;
    },
  };
  const code = await runQuery(parsed.options, deps);
  return { code, pages, stderr: stderr.join('') };
}

describe('the query runner against the graph, as an analyst', () => {
  it('exports a list across pages, interrupted after the first and resumed after a crash mid-page: every row exactly once', async () => {
    await writeFile(join(dir, 'list.graphql'), LIST);
    await writeFile(join(dir, 'vars.json'), JSON.stringify({ states: ['APPROVED', 'REFUSED', 'SUBMITTED', 'UNDER_REVIEW'] }));
    const total = await graph.request<{ applications: { totalCount: number } }>(analyst, 'query($s: [ApplicationState!]) { applications(filter: { states: $s }) { totalCount } }', {
      s: ['APPROVED', 'REFUSED', 'SUBMITTED', 'UNDER_REVIEW'],
    });
    expect(total.body.errors, total.text).toBeUndefined();
    const expected = total.body.data?.applications.totalCount ?? 0;
    expect(expected).toBeGreaterThan(14);
    const argv = ['list.graphql', '--vars', 'vars.json', '--page-size', '7', '--out', 'list.ndjson'];

    const first = await run(argv, 1);
    expect(first.code).toBe(EXIT.INTERRUPTED);
    expect(first.pages).toBe(1);
    expect(first.stderr).toMatch(/interrupted after 7 rows \(1 pages\).*Re-run the same command/);
    const state = JSON.parse(await readFile(statePathOf(join(dir, 'list.ndjson')), 'utf8')) as { rows: number; bytes: number; cursor: string };
    expect(state.rows).toBe(7);
    expect(typeof state.cursor).toBe('string');
    // A crash while writing the second page: bytes after the committed ones, more than the rest
    // of the export is long (only truncating to the committed size removes them all).
    await appendFile(join(dir, 'list.ndjson'), '{"id":"a row of a page never committed"}\n'.repeat(1000) + '{"id":"half a row", "state":"APPR');

    const second = await run(argv);
    expect(second.code, second.stderr).toBe(EXIT.OK);
    expect(second.pages).toBe(Math.ceil((expected - 7) / 7));
    await expect(stat(statePathOf(join(dir, 'list.ndjson')))).rejects.toThrow();
    const rows = (await readFile(join(dir, 'list.ndjson'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((r) => r.id)).size).toBe(expected);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['id', 'state', 'activity.code', 'submittedAt', 'nomad.citizenship']);
      expect(row.state).toMatch(/^(APPROVED|REFUSED|SUBMITTED|UNDER_REVIEW)$/);
      expect(row['nomad.citizenship']).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('writes a statistics query to CSV through the command, and refuses a personal field before sending', async () => {
    const query = '{ applicationStatistics(measures: [COUNT], groupBy: [CITIZENSHIP]) { rows { citizenship suppressed count } } }';
    await writeFile(join(dir, 'stats.graphql'), query);
    const answer = await graph.request<{ applicationStatistics: { rows: { citizenship: string; suppressed: boolean; count: number | null }[] } }>(analyst, query);
    expect(answer.body.errors, answer.text).toBeUndefined();
    const rows = answer.body.data?.applicationStatistics.rows ?? [];
    expect(rows.length).toBeGreaterThan(1);

    const command = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [TSX, CLI, ...args], {
          cwd: dir,
          env: { ...process.env, NOMAD_TOKEN: analyst, NOMAD_GATEWAY_URL: graph.gateway.url, INIT_CWD: dir },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const ok = await command(['stats.graphql', '--out', 'stats.csv']);
    expect(ok.code, ok.stderr).toBe(EXIT.OK);
    expect(ok.stderr).not.toContain(analyst);
    const csv = (await readFile(join(dir, 'stats.csv'), 'utf8')).split('\r\n');
    expect(csv[0]).toBe('citizenship,suppressed,count');
    expect(csv.slice(1, -1)).toEqual(rows.map((r) => [r.citizenship ?? '', String(r.suppressed), r.count ?? ''].join(',')));

    await writeFile(join(dir, 'personal.graphql'), '{ nomads(first: 5) { edges { node { citizenship givenNames } } } }');
    const refused = await command(['personal.graphql', '--out', 'personal.csv']);
    expect(refused.code).toBe(EXIT.REFUSED);
    expect(refused.stderr).toContain('nomads.edges.node.givenNames (Nomad.givenNames)');
    await expect(stat(join(dir, 'personal.csv'))).rejects.toThrow();
  });
});
