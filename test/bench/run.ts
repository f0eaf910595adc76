/**
 * `npm run bench`: every part below; `npm run bench -- <part> …` only those parts.
 *
 * - `latency`: starts the real graph in-process (gateway + subgraphs on PostgreSQL: the server
 *   in DATABASE_URL, else an embedded one), seeds it, and prints latency and throughput of
 *   typical operations through the gateway. BENCH_REQUESTS (default 400) and
 *   BENCH_CONCURRENCY (default 8) size each scenario; then the query runner's rows/s exporting
 *   every application as an analyst (runner.ts).
 * - `scoreboard`: our gateway against stock `@apollo/gateway` and Hive Gateway on the same
 *   subgraphs, and the subgraph alone, reads and a write mix, each in a process of its own over
 *   the built stack (or BENCH_STACK=in-process), on the sample world or the program in
 *   BENCH_PROGRAM_DATABASE_URL, with the RSS of every process; writes BENCHMARKS.md (see scoreboard.ts).
 * - `cpu`: the CPU time each process (every gateway, each subgraph), PostgreSQL and the load
 *   driver spend per request of each scoreboard workload through each gateway and the floor,
 *   each gateway's own against ours, and what that bounds (see cpu.ts).
 * - `statistics`: a large program (`npm run seed:large`'s writers, BENCH_PROGRAM_NOMADS,
 *   default 100,000) and p50/p99 of each analysts' statistics query (see statistics.ts).
 * - `rss`: the whole built stack's idle memory with sample data, per process and in total,
 *   against the 1 GiB target (see rss.ts); `rss source` adds the `npm start` stack.
 *
 * Figures only: nothing here passes or fails.
 */
import { randomUUID } from 'node:crypto';
import setupDatabase from '@nomad/kit/testing/global-setup';
import { seedMigration } from '@nomad/migration';
import { silentLogger, startGraph, token, type TestGraph } from '../src/harness.ts';
import { SUBMIT, validApplication } from '../src/fixtures.ts';
import { drive } from './drive.ts';
import { rssBench } from './rss.ts';
import { cpuBench } from './cpu.ts';
import { runnerBench } from './runner.ts';
import { scoreboardBench } from './scoreboard.ts';
import { statisticsBench } from './statistics.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const NOMADS = Number(process.env.BENCH_NOMADS ?? 2000);

interface Scenario {
  name: string;
  run: (graph: TestGraph, i: number) => Promise<void>;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Figures {
  requests: number;
  /** Seconds. */
  elapsed: number;
  latencies: number[];
  statements: number;
}

/** Runs `requests` of a scenario, `CONCURRENCY` at a time, after a warm-up (JIT, pools, prepared statements). */
async function run(graph: TestGraph, scenario: Scenario, requests: number): Promise<Figures> {
  for (let i = 0; i < Math.min(20, requests); i++) await scenario.run(graph, -1 - i);
  const sqlBefore = graph.migration.database.statementCount();
  const { elapsed, latencies } = await drive(CONCURRENCY, requests, (i) => scenario.run(graph, i));
  return { requests, elapsed, latencies, statements: graph.migration.database.statementCount() - sqlBefore };
}

/** Prints a scenario's figures; returns its throughput (requests per second). */
function report(name: string, parts: Figures[]): number {
  const requests = parts.reduce((n, p) => n + p.requests, 0);
  const elapsed = parts.reduce((n, p) => n + p.elapsed, 0);
  const latencies = parts.flatMap((p) => p.latencies).sort((a, b) => a - b);
  const sqlPerOp = parts.reduce((n, p) => n + p.statements, 0) / requests;
  console.log(
    [
      name.padEnd(44),
      `${(requests / elapsed).toFixed(0).padStart(6)} req/s`,
      `p50 ${percentile(latencies, 50).toFixed(1).padStart(6)} ms`,
      `p95 ${percentile(latencies, 95).toFixed(1).padStart(6)} ms`,
      `p99 ${percentile(latencies, 99).toFixed(1).padStart(6)} ms`,
      `${sqlPerOp.toFixed(1).padStart(5)} SQL/op`,
    ].join('  '),
  );
  return requests / elapsed;
}

async function measure(graph: TestGraph, scenario: Scenario): Promise<number> {
  return report(scenario.name, [await run(graph, scenario, REQUESTS)]);
}

/** Rounds the pair alternates in, so that a change of load on a shared machine weighs on both alike. */
const PAIR_ROUNDS = 4;

/**
 * The access ledger's target (issue 13): the same one-subgraph query with and without personal
 * fields, a different seeded nomad per request, the sealers running in the background as in
 * production. Personal reads should reach at least 70% of the throughput of the others. The
 * two run in alternating rounds of a quarter of the requests each.
 */
async function accessLogPair(graph: TestGraph, officer: string): Promise<void> {
  const ids = (await graph.migration.database.client<{ id: string }[]>`select id from migration.nomads order by id limit 2000`).map((r) => r.id);
  if (ids.length === 0) throw new Error('no seeded nomad');
  const query = (fields: string) => `query Profile($id: ID!) { nomad(id: $id) { id citizenship ${fields} } }`;
  const pick = (i: number) => ids[((i % ids.length) + ids.length) % ids.length];
  const scenario = (fields: string, offset: number): Scenario => ({
    name: fields,
    run: async (g, i) => expectOk(await g.request(officer, query(fields), { id: pick(i + offset) }, { 'x-purpose': 'bench' })),
  });
  const plain: Figures[] = [];
  const personal: Figures[] = [];
  const perRound = Math.max(1, Math.round(REQUESTS / PAIR_ROUNDS));
  for (let round = 0; round < PAIR_ROUNDS; round++) {
    // Each round reads other nomads than the last, the same ones for both.
    plain.push(await run(graph, scenario('', round * perRound), perRound));
    personal.push(await run(graph, scenario('surname passport { number }', round * perRound), perRound));
  }
  const without = report('one subgraph: nomad(id:), no personal field', plain);
  const withPersonal = report('one subgraph: nomad(id:), personal fields', personal);
  console.log(`personal reads reach ${((100 * withPersonal) / without).toFixed(0)}% of the throughput of the same query without personal fields (target: at least 70%; ${PAIR_ROUNDS} alternating rounds, same run)`);
}

function expectOk(res: Awaited<ReturnType<TestGraph['request']>>): void {
  if (res.status !== 200 || res.body.errors) throw new Error(`benchmark request failed: ${res.text.slice(0, 300)}`);
}

async function latencyBench(): Promise<void> {
  const teardown = await setupDatabase();
  // The sealers run as in production: every read is sealed within the rule's delay meanwhile.
  const graph = await startGraph({ today: '2026-11-24', autoSeal: true });
  try {
    await seedMigration(graph.migration.database.db, silentLogger, { today: '2026-11-24', nomads: NOMADS });
    const officer = await token(['migration_officer']);
    const analyst = await token(['analyst']);
    const scenarios: Scenario[] = [
      {
        name: 'nomads(first: 50) with applications',
        run: async (g) =>
          expectOk(await g.request(officer, '{ nomads(first: 50) { edges { node { id surname citizenship applications(first: 3) { edges { node { number state overdue } } } } } } }')),
      },
      {
        name: 'nomad(id:) with passport (access-logged)',
        run: async (g) => expectOk(await g.request(officer, '{ nomad(id: "7c9e6679-7425-40de-944b-e07fc1f90ae7") { surname passport { number } } }')),
      },
      {
        name: 'applications(overdue) analyst, totalCount',
        run: async (g) =>
          expectOk(await g.request(analyst, '{ applications(first: 100, filter: { overdue: true }) { totalCount edges { node { number state nomad { citizenship } } } } }')),
      },
      {
        name: 'submitApplication (new nomad each time)',
        run: async (g) => {
          const res = await g.request(await token(['nomad'], { nomadId: randomUUID() }), SUBMIT, { input: validApplication() });
          expectOk(res);
        },
      },
    ];
    console.log(`nomad graph benchmark: ${NOMADS} seeded nomads, ${REQUESTS} requests per scenario, concurrency ${CONCURRENCY}, node ${process.version}`);
    for (const s of scenarios) await measure(graph, s);
    await accessLogPair(graph, officer);
    await runnerBench(graph, analyst);
  } finally {
    await graph.stop();
    await teardown?.();
  }
}

const PARTS = ['latency', 'scoreboard', 'cpu', 'rss', 'statistics'] as const;
const args = process.argv.slice(2);
const unknownArgs = args.filter((a) => !(PARTS as readonly string[]).includes(a) && a !== 'source');
if (unknownArgs.length > 0) {
  process.stderr.write(`bench: unknown part ${unknownArgs.join(', ')} (parts: ${PARTS.join(', ')}; rss takes 'source')\n`);
  process.exit(2);
}
const chosen = PARTS.filter((p) => args.length === 0 || args.includes(p) || (p === 'rss' && args.includes('source')));
if (chosen.includes('latency')) await latencyBench();
if (chosen.includes('scoreboard')) await scoreboardBench();
if (chosen.includes('cpu')) await cpuBench();
if (chosen.includes('statistics')) await statisticsBench();
if (chosen.includes('rss')) await rssBench({ source: args.includes('source') || process.env.BENCH_RSS_SOURCE === '1' });
