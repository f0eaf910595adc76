import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, parseArguments, runQuery } from '../../clients/query/src/index.ts';
import type { TestGraph } from '../src/harness.ts';

/** Every application of the program, as an analyst exports it with the query runner. */
const EXPORT = '{ applications { edges { node { id state submittedAt activity { code } nomad { citizenship } } } } }';

/**
 * Issue 16's figure: the query runner's rows/s exporting the whole program (every application,
 * pages of 100, NDJSON to a file) through the gateway as an analyst. Figures only.
 */
export async function runnerBench(graph: TestGraph, analyst: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'nomad-bench-query-'));
  try {
    await writeFile(join(dir, 'export.graphql'), EXPORT);
    const parsed = parseArguments(['export.graphql', '--out', 'applications.ndjson', '--page-size', '100', '--quiet'], { gatewayUrl: graph.gateway.url, token: analyst, initCwd: undefined }, dir);
    if (parsed.help) throw new Error('unreachable: --help');
    let rows = 0;
    let pages = 0;
    const started = performance.now();
    const code = await runQuery(parsed.options, {
      fetch: (url, init) => fetch(url, init),
      stdout: { write: (_chunk: string, callback: (error?: Error | null) => void) => callback() },
      stderr: { write: () => true },
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      stop: { requested: false },
      onPage: (counts) => ({ rows, pages } = counts),
    });
    const seconds = (performance.now() - started) / 1000;
    if (code !== EXIT.OK) throw new Error(`the query runner exited ${code}`);
    const bytes = (await stat(join(dir, 'applications.ndjson'))).size;
    console.log(
      [
        'query runner: every application (analyst)'.padEnd(44),
        `${(rows / seconds).toFixed(0).padStart(6)} rows/s`,
        `${rows} rows in ${pages} pages of 100, ${seconds.toFixed(1)} s, ${(bytes / 1024).toFixed(0)} KiB NDJSON`,
      ].join('  '),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
