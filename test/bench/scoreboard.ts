/**
 * `npm run bench -- scoreboard`: our gateway against a stock `@apollo/gateway` and Hive
 * Gateway (de-duplication off and on), in one run, on the same subgraphs and data, with the
 * same token and headers; and each one-subgraph query sent straight to its subgraph (the
 * floor). Every workload runs at each client count in `BENCH_ROUNDS` rounds (default 3); in
 * each round every contender takes its turn, in an order that rotates, so that a change of
 * load on a shared machine weighs on all alike. Prints the figures and writes `BENCHMARKS.md`
 * and `docs/benchmarks.svg`. Figures only: nothing here passes or fails.
 *
 * BENCH_NOMADS (default 400, the sample world) sizes the seeded world of every agency;
 * BENCH_ROUND_REQUESTS (default 200) the requests of one contender in one round;
 * BENCH_CLIENTS (default "10,50") the client counts.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import setupDatabase from '@nomad/kit/testing/global-setup';
import { DEV_GATEWAY_SECRET } from '@nomad/kit';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import { REPO_ROOT } from '../src/doc-examples.ts';
import { median, percentile, ratios, scoreTable, throughputSvg, type Cell } from '../src/scoreboard-report.ts';
import { hive, stockApollo, type Contender } from './contenders.ts';
import { drive } from './drive.ts';

const NOMADS = Number(process.env.BENCH_NOMADS ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_REQUESTS = Number(process.env.BENCH_ROUND_REQUESTS ?? 200);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '10,50').split(',').map(Number);
const PURPOSE = 'benchmark';
const OURS = 'ours';
const FLOOR = 'subgraph alone';

interface Workload {
  name: string;
  query: string;
  /** Variables of the i-th request. */
  variables: (i: number) => Record<string, unknown>;
  /** The subgraph that answers it alone, for the floor (one-subgraph workloads only). */
  subgraph?: string;
}

async function workloads(graph: TestGraph): Promise<Workload[]> {
  const ids = (await graph.migration.database.client<{ id: string }[]>`select id from migration.nomads order by id`).map((r) => r.id);
  const holders = (await graph.migration.database.client<{ id: string }[]>`select distinct nomad_id as id from migration.status_periods order by nomad_id`).map((r) => r.id);
  if (ids.length === 0 || holders.length === 0) throw new Error('the seeded world has no nomad or no status holder');
  const nomad = (list: string[]) => (i: number) => ({ id: list[i % list.length] });
  return [
    {
      name: "officer's case view: one status holder across four subgraphs",
      query: `query Case($id: ID!) { nomad(id: $id) {
        id surname givenNames citizenship pin status { state validUntil }
        applications(first: 3) { edges { node { number state submittedAt } } }
        monitoring { state riskLevel } latestEvaluation { verdict }
        taxRegistration { state registeredOn } clearance { outcome concludedAt } } }`,
      variables: nomad(holders),
    },
    {
      name: '50 nomads with fields from every subgraph',
      query: `{ nomads(first: 50) { edges { node { id citizenship status { state }
        monitoring { state } taxRegistration { state } clearance { outcome } } } } }`,
      variables: () => ({}),
    },
    {
      name: 'one subgraph, personal fields',
      query: 'query Profile($id: ID!) { nomad(id: $id) { id citizenship surname passport { number } } }',
      variables: nomad(ids),
      subgraph: 'migration',
    },
    {
      name: 'one subgraph, no personal field',
      query: 'query Profile($id: ID!) { nomad(id: $id) { id citizenship } }',
      variables: nomad(ids),
      subgraph: 'migration',
    },
  ];
}

interface Round {
  elapsed: number;
  latencies: number[];
  errors: number;
  /** The first failed answer, shortened: printed so that a broken workload is not mistaken for a slow one. */
  firstError: string | null;
}

/** `requests` POSTs of the workload by `clients` concurrent clients (after 20 to warm up). */
async function round(url: string, headers: Record<string, string>, workload: Workload, clients: number, requests: number, offset: number): Promise<Round> {
  let firstError: string | null = null;
  const send = async (i: number): Promise<boolean> => {
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: workload.query, variables: workload.variables(i) }) });
    const text = await res.text();
    let ok = res.ok;
    try {
      ok &&= !(JSON.parse(text) as { errors?: unknown[] }).errors;
    } catch {
      ok = false;
    }
    if (!ok) firstError ??= `${res.status} ${text.slice(0, 300)}`;
    return ok;
  };
  for (let i = 0; i < 20; i++) await send(offset + i);
  return { ...(await drive(clients, requests, (i) => send(offset + i))), firstError };
}

function versionOf(pkg: string): string {
  try {
    return execFileSync('npm', ['ls', pkg, '--depth=0', '--json'], { cwd: REPO_ROOT, encoding: 'utf8' }).match(/"version":\s*"([^"]+)"/)?.[1] ?? '?';
  } catch {
    return '?';
  }
}

export async function scoreboardBench(): Promise<void> {
  const teardown = await setupDatabase();
  const graph = await startGraph({ seed: true, ...(NOMADS === 400 ? {} : { seedNomads: NOMADS }), autoSeal: true });
  const subgraphUrls = Object.fromEntries(Object.entries(graph.agencies).map(([name, a]) => [name, a.server.url]));
  const others: Contender[] = [await stockApollo(subgraphUrls), await hive(subgraphUrls, false), await hive(subgraphUrls, true)];
  const contenders: Contender[] = [{ name: OURS, url: graph.gateway.url, stop: () => Promise.resolve() }, ...others];
  const cells: Cell[] = [];
  try {
    const officer = await token(['migration_officer', 'labor_officer', 'tax_officer', 'security_officer']);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${officer}`, 'x-purpose': PURPOSE };
    const loads = await workloads(graph);
    console.log(`scoreboard: ${NOMADS} nomads, ${ROUNDS} rounds of ${ROUND_REQUESTS} requests per contender, clients ${CLIENTS.join(' and ')}, node ${process.version}, ${os.cpus().length} cores`);
    for (const workload of loads) {
      for (const clients of CLIENTS) {
        const targets: { name: string; url: string; headers: Record<string, string> }[] = contenders.map((c) => ({ name: c.name, url: c.url, headers }));
        if (workload.subgraph) {
          targets.push({ name: FLOOR, url: subgraphUrls[workload.subgraph] ?? '', headers: { ...headers, 'x-gateway-credential': DEV_GATEWAY_SECRET } });
        }
        const mine = targets.map((t) => {
          const cell: Cell = { workload: workload.name, clients, contender: t.name, rounds: [], latencies: [], errors: 0, sqlPerRequest: 0 };
          return { ...t, cell };
        });
        for (let r = 0; r < ROUNDS; r++) {
          // Rotate who goes first, so that no contender always runs on a warmer (or busier) machine.
          for (let k = 0; k < mine.length; k++) {
            const t = mine[(k + r) % mine.length]!;
            let figures: Round | undefined;
            const sql = await graph.countSql(async () => {
              figures = await round(t.url, t.headers, workload, clients, ROUND_REQUESTS, r * ROUND_REQUESTS);
            });
            const f = figures!;
            t.cell.rounds.push(ROUND_REQUESTS / f.elapsed);
            t.cell.latencies.push(...f.latencies);
            t.cell.errors += f.errors;
            if (f.firstError) console.log(`  ${t.name}, ${workload.name}: ${f.firstError}`);
            t.cell.sqlPerRequest += Object.values(sql).reduce((a, b) => a + b, 0) / (ROUND_REQUESTS + 20) / ROUNDS;
          }
        }
        for (const t of mine) {
          cells.push(t.cell);
          const c = t.cell;
          console.log(
            `${workload.name.slice(0, 44).padEnd(44)} ${String(clients).padStart(3)} clients  ${t.name.padEnd(16)} ${median(c.rounds).toFixed(0).padStart(6)} req/s  p50 ${percentile(c.latencies, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(c.latencies, 99).toFixed(1).padStart(7)} ms  ${c.sqlPerRequest.toFixed(1).padStart(5)} SQL/req  ${c.errors} errors`,
          );
        }
      }
    }
  } finally {
    for (const c of others) await c.stop().catch(() => undefined);
    await graph.stop();
    await teardown?.();
  }
  await writeReport(cells, contenders.map((c) => c.name));
}

async function writeReport(cells: Cell[], names: string[]): Promise<void> {
  const columns = [...names, FLOOR];
  const line = (other: string) =>
    ratios(cells, OURS, other)
      .map((r) => `${r.workload} (${r.clients}): ${r.ratio.toFixed(2)}×`)
      .join('; ');
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, load average ${os.loadavg()[0]?.toFixed(1)} at the end`;
  const markdown = `# Benchmarks

Written by \`npm run bench -- scoreboard\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Reproduce with the
same command (environment: \`BENCH_NOMADS\`, \`BENCH_ROUNDS\`, \`BENCH_ROUND_REQUESTS\`, \`BENCH_CLIENTS\`).

- Machine: ${machine}; Node ${process.version}.
- Versions: @apollo/gateway ${versionOf('@apollo/gateway')}, @apollo/server ${versionOf('@apollo/server')}, @graphql-hive/gateway ${versionOf('@graphql-hive/gateway')}.
- World: ${NOMADS} nomads seeded in every agency; every contender in one process with the four
  subgraphs and their PostgreSQL clients (the harness), one worker each, the same officer token
  (migration, labor, tax and security roles) and \`X-Purpose\`; the access-log sealers run.
- Each cell: median requests/s of ${ROUNDS} rounds of ${ROUND_REQUESTS} requests (the order of the contenders rotates
  each round), p50 and p99 over every request of every round.

${scoreTable(cells, columns)}

Ours over stock Apollo: ${line('stock Apollo') || '—'}.

Ours over Hive (dedup on, its default): ${line('Hive (dedup on)') || '—'}.

Ours over the subgraph alone (one-subgraph workloads): ${line(FLOOR) || '—'}.

![Throughput per workload](docs/benchmarks.svg)

Not measured yet: a write mix (submit, decide), 100k nomads in every agency, RSS per process
(every contender shares the harness's process here; \`npm run bench -- rss\` measures the
built stack's memory), subgraph fetches per request.
`;
  await writeFile(`${REPO_ROOT}BENCHMARKS.md`, markdown);
  await writeFile(`${REPO_ROOT}docs/benchmarks.svg`, throughputSvg(cells, columns));
  console.log(`\nwrote BENCHMARKS.md and docs/benchmarks.svg`);
}
