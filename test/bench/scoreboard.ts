/**
 * `npm run bench -- scoreboard`: our gateway against a stock `@apollo/gateway` and Hive
 * Gateway (de-duplication off and on), in one run, on the same subgraphs and data, with the
 * same token and headers; and each one-subgraph query sent straight to its subgraph (the
 * floor). Four reads and a write mix (submissions by new nomads and approvals, 1:1; see
 * workloads.ts) run at each client count in `BENCH_ROUNDS` rounds (default 3); in each round
 * every contender takes its turn, in an order that rotates, so that a change of load on a
 * shared machine weighs on all alike. Each cell counts SQL statements and subgraph fetches
 * (the GraphQL requests the subgraphs answered) per request. Prints the figures and writes
 * `BENCHMARKS.md` and `docs/benchmarks.svg`. Figures only: nothing here passes or fails.
 *
 * BENCH_NOMADS (default 400, the sample world) sizes the seeded world of every agency;
 * BENCH_ROUND_REQUESTS (default 200) the requests of one contender in one round;
 * BENCH_CLIENTS (default "10,50") the client counts. With BENCH_PROGRAM_DATABASE_URL it runs
 * on the program already written there instead (`npm run seed:large`, 100,000 nomads by
 * default, every agency in that one database, its day 2026-11-24, as `bench -- statistics`):
 * nothing is seeded and nothing dropped, but the write mix adds its nomads and applications
 * and the reads their access records, so measure on a copy (`createdb -T`) to keep it as written.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import setupDatabase from '@nomad/kit/testing/global-setup';
import { DEV_GATEWAY_SECRET } from '@nomad/kit';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import { REPO_ROOT } from '../src/doc-examples.ts';
import { PROGRAM_SEEDERS } from '../src/program.ts';
import { median, percentile, ratios, scoreTable, throughputSvg, type Cell } from '../src/scoreboard-report.ts';
import { hive, stockApollo, type Contender } from './contenders.ts';
import { drive } from './drive.ts';
import { readWorkloads, succeeded, writeMix, type BenchRequest, type Workload } from './workloads.ts';

const NOMADS = Number(process.env.BENCH_NOMADS ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_REQUESTS = Number(process.env.BENCH_ROUND_REQUESTS ?? 200);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '10,50').split(',').map(Number);
const PROGRAM = process.env.BENCH_PROGRAM_DATABASE_URL;
/** The program's day (`npm run seed:large`'s and `bench -- statistics`'), and the harness's. */
const TODAY = '2026-11-24';
const WARM_UPS = 20;
const PURPOSE = 'benchmark';
const OURS = 'ours';
const FLOOR = 'subgraph alone';

interface Round {
  elapsed: number;
  latencies: number[];
  errors: number;
  /** The first failed answer, shortened: printed so that a broken workload is not mistaken for a slow one. */
  firstError: string | null;
}

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  cell: Cell;
}

/**
 * `requests` POSTs of the prepared requests by `clients` concurrent clients, after the warm-ups
 * (requests 0 … WARM_UPS-1, one at a time, not timed); errors count both.
 */
async function round(target: Target, request: (j: number) => BenchRequest, clients: number, requests: number): Promise<Round> {
  let firstError: string | null = null;
  const send = async (j: number): Promise<boolean> => {
    const { query, variables, authorization } = request(j);
    const headers = authorization ? { ...target.headers, authorization } : target.headers;
    const res = await fetch(target.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const text = await res.text();
    let ok = res.ok;
    try {
      ok &&= succeeded(JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown[] });
    } catch {
      ok = false;
    }
    if (!ok) firstError ??= `${res.status} ${text.slice(0, 300)}`;
    return ok;
  };
  let warmUpErrors = 0;
  for (let j = 0; j < WARM_UPS; j++) if (!(await send(j))) warmUpErrors++;
  const timed = await drive(clients, requests, (i) => send(WARM_UPS + i));
  // A failed warm-up counts too: the error printed is always one of those counted.
  return { ...timed, errors: timed.errors + warmUpErrors, firstError };
}

/** GraphQL requests every subgraph answered so far (`nomad_graphql_operations_total`: one per HTTP request, batching is off). */
async function subgraphFetches(graph: TestGraph): Promise<number> {
  let total = 0;
  for (const agency of Object.values(graph.agencies)) {
    const value = await agency.server.registry.getSingleMetric('nomad_graphql_operations_total')?.get();
    total += value?.values.reduce((sum, v) => sum + v.value, 0) ?? 0;
  }
  return total;
}

/** Every round of one workload at one client count, every contender in turn (rotating). */
async function measure(graph: TestGraph, workload: Workload, clients: number, targets: Target[]): Promise<void> {
  const perRound = ROUND_REQUESTS + WARM_UPS;
  for (let r = 0; r < ROUNDS; r++) {
    // Rotate who goes first, so that no contender always runs on a warmer (or busier) machine.
    for (let k = 0; k < targets.length; k++) {
      const t = targets[(k + r) % targets.length]!;
      const request = await workload.prepare(perRound, r * perRound);
      let figures: Round | undefined;
      const fetchesBefore = await subgraphFetches(graph);
      const sql = await graph.countSql(async () => {
        figures = await round(t, request, clients, ROUND_REQUESTS);
      });
      const fetches = (await subgraphFetches(graph)) - fetchesBefore;
      const f = figures!;
      t.cell.rounds.push(ROUND_REQUESTS / f.elapsed);
      t.cell.latencies.push(...f.latencies);
      t.cell.errors += f.errors;
      if (f.firstError) console.log(`  ${t.name}, ${workload.name}: ${f.firstError}`);
      t.cell.sqlPerRequest += Object.values(sql).reduce((a, b) => a + b, 0) / perRound / ROUNDS;
      t.cell.fetchesPerRequest += fetches / perRound / ROUNDS;
    }
  }
}

function printCell(c: Cell): void {
  console.log(
    `${c.workload.slice(0, 44).padEnd(44)} ${String(c.clients).padStart(3)} clients  ${c.contender.padEnd(16)} ${median(c.rounds).toFixed(0).padStart(6)} req/s  p50 ${percentile(c.latencies, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(c.latencies, 99).toFixed(1).padStart(7)} ms  ${c.sqlPerRequest.toFixed(1).padStart(5)} SQL/req  ${c.fetchesPerRequest.toFixed(1).padStart(4)} fetches/req  ${c.errors} errors`,
  );
}

function versionOf(pkg: string): string {
  try {
    return execFileSync('npm', ['ls', pkg, '--depth=0', '--json'], { cwd: REPO_ROOT, encoding: 'utf8' }).match(/"version":\s*"([^"]+)"/)?.[1] ?? '?';
  } catch {
    return '?';
  }
}

/** The graph on the world measured: the program in BENCH_PROGRAM_DATABASE_URL (kept), or a seeded one (dropped after). */
async function startWorld(): Promise<{ graph: TestGraph; world: string; stop: () => Promise<void> }> {
  if (PROGRAM) {
    const graph = await startGraph({ today: TODAY, databaseUrls: Object.fromEntries(PROGRAM_SEEDERS.map((s) => [s.agency, PROGRAM])), autoSeal: true });
    const [row] = await graph.migration.database.client<{ n: number }[]>`select count(*)::int as n from migration.nomads`;
    const world = `the program in \`BENCH_PROGRAM_DATABASE_URL\` (${(row?.n ?? 0).toLocaleString('en')} nomads when the run began, written by \`npm run seed:large\`; every agency in that one database, its day ${TODAY}; neither seeded nor dropped here, the write mix adds its nomads and applications)`;
    return { graph, world, stop: () => graph.stop() };
  }
  const teardown = await setupDatabase();
  const graph = await startGraph({ seed: true, ...(NOMADS === 400 ? {} : { seedNomads: NOMADS }), autoSeal: true });
  return {
    graph,
    world: `${NOMADS} nomads seeded in every agency`,
    stop: async () => {
      await graph.stop();
      await teardown?.();
    },
  };
}

export async function scoreboardBench(): Promise<void> {
  const { graph, world, stop } = await startWorld();
  const subgraphUrls = Object.fromEntries(Object.entries(graph.agencies).map(([name, a]) => [name, a.server.url]));
  const others: Contender[] = [];
  const cells: Cell[] = [];
  try {
    others.push(await stockApollo(subgraphUrls), await hive(subgraphUrls, false), await hive(subgraphUrls, true));
    const contenders: Contender[] = [{ name: OURS, url: graph.gateway.url, stop: () => Promise.resolve() }, ...others];
    const officer = await token(['migration_officer', 'labor_officer', 'tax_officer', 'security_officer']);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${officer}`, 'x-purpose': PURPOSE };
    const loads = [...(await readWorkloads(graph)), writeMix(graph, officer)];
    console.log(`scoreboard: ${world}; ${ROUNDS} rounds of ${ROUND_REQUESTS} requests per contender, clients ${CLIENTS.join(' and ')}, node ${process.version}, ${os.cpus().length} cores`);
    for (const workload of loads) {
      for (const clients of CLIENTS) {
        const targets: Omit<Target, 'cell'>[] = contenders.map((c) => ({ name: c.name, url: c.url, headers }));
        if (workload.subgraph) {
          targets.push({ name: FLOOR, url: subgraphUrls[workload.subgraph] ?? '', headers: { ...headers, 'x-gateway-credential': DEV_GATEWAY_SECRET } });
        }
        const mine: Target[] = targets.map((t) => ({ ...t, cell: { workload: workload.name, clients, contender: t.name, rounds: [], latencies: [], errors: 0, sqlPerRequest: 0, fetchesPerRequest: 0 } }));
        await measure(graph, workload, clients, mine);
        for (const t of mine) {
          cells.push(t.cell);
          printCell(t.cell);
        }
      }
    }
    await writeReport(cells, contenders.map((c) => c.name), world);
  } finally {
    for (const c of others) await c.stop().catch(() => undefined);
    await stop();
  }
}

async function writeReport(cells: Cell[], names: string[], world: string): Promise<void> {
  const columns = [...names, FLOOR];
  const line = (other: string) =>
    ratios(cells, OURS, other)
      .map((r) => `${r.workload} (${r.clients}): ${r.ratio.toFixed(2)}×`)
      .join('; ');
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, load average ${os.loadavg()[0]?.toFixed(1)} at the end`;
  const markdown = `# Benchmarks

Written by \`npm run bench -- scoreboard\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Reproduce with the
same command (environment: \`BENCH_NOMADS\`, \`BENCH_ROUNDS\`, \`BENCH_ROUND_REQUESTS\`, \`BENCH_CLIENTS\`,
\`BENCH_PROGRAM_DATABASE_URL\`).

- Machine: ${machine}; Node ${process.version}.
- Versions: @apollo/gateway ${versionOf('@apollo/gateway')}, @apollo/server ${versionOf('@apollo/server')}, @graphql-hive/gateway ${versionOf('@graphql-hive/gateway')}.
- World: ${world}. Every contender in one process with the four
  subgraphs and their PostgreSQL clients (the harness), one worker each, the same officer token
  (migration, labor, tax and security roles) and \`X-Purpose\`; the access-log sealers run.
- Write mix: each even request submits an application for a new nomad (their own token), each odd
  one approves an application (the officer), one put under review with its screening cleared before
  the round; every round of every contender has its own nomads and applications. A request counts
  as an error if it has GraphQL errors or user errors; the errors shown include the warm-ups'.
- Each cell: median requests/s of ${ROUNDS} rounds of ${ROUND_REQUESTS} requests (the order of the contenders rotates
  each round), p50 and p99 over every request of every round; SQL statements and subgraph fetches
  (GraphQL requests the four subgraphs answered) per request, ${WARM_UPS} warm-ups per round included.

${scoreTable(cells, columns)}

Ours over stock Apollo: ${line('stock Apollo') || '—'}.

Ours over Hive (dedup on, its default): ${line('Hive (dedup on)') || '—'}.

Ours over the subgraph alone (one-subgraph workloads): ${line(FLOOR) || '—'}.

![Throughput per workload](docs/benchmarks.svg)

Not measured yet: RSS per process. Every contender runs in one process with the subgraphs (the
harness), so no contender's memory can be told apart; \`npm run bench -- rss\` measures the built
stack's memory, ours only.
`;
  await writeFile(`${REPO_ROOT}BENCHMARKS.md`, markdown);
  await writeFile(`${REPO_ROOT}docs/benchmarks.svg`, throughputSvg(cells, columns));
  console.log(`\nwrote BENCHMARKS.md and docs/benchmarks.svg`);
}
