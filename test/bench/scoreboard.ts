/**
 * `npm run bench -- scoreboard`: our gateway against a stock `@apollo/gateway` and Hive
 * Gateway (de-duplication off and on), in one run, on the same subgraphs and data, with the
 * same token and headers; and each one-subgraph query sent straight to its subgraph (the
 * floor). Four reads and a write mix (submissions by new nomads and approvals, 1:1; see
 * workloads.ts) run at each client count in `BENCH_ROUNDS` rounds (default 3); in each round
 * every contender takes its turn, in an order that rotates, so that a change of load on a
 * shared machine weighs on all alike. Each cell counts SQL statements and subgraph fetches
 * (the GraphQL requests the subgraphs answered, from their Prometheus counters) per request.
 * Prints the figures and the resident memory (VmRSS) of each process, and writes
 * `BENCHMARKS.md` and `docs/benchmarks.svg`. Figures only: nothing here passes or fails.
 *
 * BENCH_STACK=processes (the default, process-stage.ts) builds and runs the stack as
 * `npm run start:prod` does (NODE_ENV=production, RATE_LIMIT and TRUSTED_DOCUMENTS off so that
 * every contender gets the same free-text requests), each subgraph, our gateway and each other
 * gateway (contender-main.ts) in a process of its own, and the load driver in this one; the
 * write mix prepares its approvals through the gateway and waits for the real relays.
 * BENCH_STACK=in-process (stage.ts) runs everything in this one process (the harness).
 *
 * BENCH_ROUND_REQUESTS (default 200) sizes the requests of one contender in one round;
 * BENCH_CLIENTS (default "10,50") the client counts. The world is the sample world (400
 * nomads, seeded by the services in a fresh database per agency on the test server:
 * DATABASE_URL, else an embedded one; in-process, BENCH_NOMADS sizes it). With
 * BENCH_PROGRAM_DATABASE_URL it runs on the program already written there instead (`npm run
 * seed:large`, 100,000 nomads by default, every agency in that one database, its day
 * 2026-11-24; in processes the services' clock is today's): nothing is seeded and nothing
 * dropped, but the write mix adds its nomads and applications and the reads their access
 * records, so measure on a copy (`createdb -T`) to keep it as written.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { REPO_ROOT } from '../src/doc-examples.ts';
import { median, memoryTable, notePeaks, percentile, ratios, scoreTable, throughputSvg, workloadRatios, type Cell, type MemoryLine } from '../src/scoreboard-report.ts';
import { drive } from './drive.ts';
import { startProcessStage } from './process-stage.ts';
import { PROGRAM_DAY, startInProcessStage, type Stage } from './stage.ts';
import { benchHeaders, endpointsFor, FLOOR, OURS, sender, type Endpoint } from './endpoints.ts';
import { PERSONAL_READ, PLAIN_READ, readWorkloads, writeMix, type BenchRequest, type Workload } from './workloads.ts';

const NOMADS = Number(process.env.BENCH_NOMADS ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_REQUESTS = Number(process.env.BENCH_ROUND_REQUESTS ?? 200);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '10,50').split(',').map(Number);
const PROGRAM = process.env.BENCH_PROGRAM_DATABASE_URL;
const STACK = process.env.BENCH_STACK ?? 'processes';
const WARM_UPS = 20;
const PURPOSE = 'benchmark';

interface Round {
  elapsed: number;
  latencies: number[];
  errors: number;
  /** The first failed answer, shortened: printed so that a broken workload is not mistaken for a slow one. */
  firstError: string | null;
}

interface Target extends Endpoint {
  cell: Cell;
}

/**
 * `requests` POSTs of the prepared requests by `clients` concurrent clients, after the warm-ups
 * (requests 0 … WARM_UPS-1, one at a time, not timed); errors count both.
 */
async function round(target: Target, request: (j: number) => BenchRequest, clients: number, requests: number): Promise<Round> {
  let firstError: string | null = null;
  const send = sender(target, request, (answer) => (firstError ??= answer));
  let warmUpErrors = 0;
  for (let j = 0; j < WARM_UPS; j++) if (!(await send(j))) warmUpErrors++;
  const timed = await drive(clients, requests, (i) => send(WARM_UPS + i));
  // A failed warm-up counts too: the error printed is always one of those counted.
  return { ...timed, errors: timed.errors + warmUpErrors, firstError };
}

/** The RSS samples of a run: the peak of each process over every round, and every process at the end of each workload. */
interface Memory {
  peak: Map<string, number>;
  afterWorkload: MemoryLine[][];
  /** What ran before each sample of `afterWorkload`: a workload, or a pair run together. */
  groups: string[];
}

/**
 * Every round of some workloads at one client count (one, or a pair compared with each other),
 * every contender in turn (rotating), the workloads of a pair one after the other in each round,
 * in turns.
 * SQL statements and fetches: the subgraphs' counters (`nomad_sql_statements_total`,
 * `nomad_graphql_operations_total`: one per GraphQL request, batching is off) before and after.
 */
async function measure(stage: Stage, runs: { workload: Workload; targets: Target[] }[], clients: number, memory: Memory): Promise<void> {
  const perRound = ROUND_REQUESTS + WARM_UPS;
  for (let r = 0; r < ROUNDS; r++) {
    // A pair swaps its order each round: neither workload always follows the other (and takes on its background work).
    for (const { workload, targets } of r % 2 === 0 ? runs : [...runs].reverse()) {
      // Rotate who goes first, so that no contender always runs on a warmer (or busier) machine.
      for (let k = 0; k < targets.length; k++) {
        const t = targets[(k + r) % targets.length]!;
        const request = await workload.prepare(perRound, r * perRound);
        const before = await stage.counters();
        const f = await round(t, request, clients, ROUND_REQUESTS);
        const after = await stage.counters();
        notePeaks(memory.peak, stage.memory());
        t.cell.rounds.push(ROUND_REQUESTS / f.elapsed);
        t.cell.latencies.push(...f.latencies);
        t.cell.errors += f.errors;
        if (f.firstError) console.log(`  ${t.name}, ${workload.name}: ${f.firstError}`);
        t.cell.sqlPerRequest += (after.sql - before.sql) / perRound / ROUNDS;
        t.cell.fetchesPerRequest += (after.fetches - before.fetches) / perRound / ROUNDS;
      }
    }
  }
}

function printCell(c: Cell): void {
  console.log(
    `${c.workload.slice(0, 44).padEnd(44)} ${String(c.clients).padStart(3)} clients  ${c.contender.padEnd(16)} ${median(c.rounds).toFixed(0).padStart(6)} req/s  p50 ${percentile(c.latencies, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(c.latencies, 99).toFixed(1).padStart(7)} ms  ${c.sqlPerRequest.toFixed(1).padStart(5)} SQL/req  ${c.fetchesPerRequest.toFixed(1).padStart(4)} fetches/req  ${c.errors} errors`,
  );
}

/** The installed version of a package (its package.json under the root's node_modules). */
function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(`${REPO_ROOT}node_modules/${pkg}/package.json`, 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

/** The world, as the report describes it: the program's size when the run began, or the sample world. */
async function describeWorld(stage: Stage): Promise<string> {
  if (!PROGRAM) return stage.world;
  const [row] = await stage.migrationSql<{ n: number }[]>`select count(*)::int as n from migration.nomads`;
  return `${stage.world} (${(row?.n ?? 0).toLocaleString('en')} nomads when the run began, written by \`npm run seed:large\`; every agency in that one database, its day ${PROGRAM_DAY}${STACK === 'processes' ? ", the services' clock today's" : ''}; neither seeded nor dropped here, the write mix adds its nomads and applications)`;
}

/** Every workload at every client count through every contender (and the floor), printed as it goes. */
async function measureAll(stage: Stage, memory: Memory): Promise<Cell[]> {
  const officer = await stage.token(['migration_officer', 'labor_officer', 'tax_officer', 'security_officer']);
  const headers = benchHeaders(officer, PURPOSE);
  const cells: Cell[] = [];
  const workloads = [...(await readWorkloads(stage.migrationSql)), writeMix(stage, officer)];
  const partnerOf = (w: Workload) => {
    const partner = w.pairedWith === undefined ? undefined : workloads.find((o) => o.name === w.pairedWith);
    if (w.pairedWith !== undefined && !partner) throw new Error(`${w.name}: paired with ${w.pairedWith}, which is no workload`);
    if (partner?.pairedWith !== undefined) throw new Error(`${w.name}: paired with ${partner.name}, which is paired itself`);
    return partner;
  };
  const paired = new Set(workloads.flatMap((w) => partnerOf(w)?.name ?? []));
  // A workload another is paired with runs with it, in the same rounds.
  for (const workload of workloads.filter((w) => !paired.has(w.name))) {
    const partner = partnerOf(workload);
    const group = partner ? [workload, partner] : [workload];
    for (const clients of CLIENTS) {
      const runs = group.map((w) => ({
        workload: w,
        targets: endpointsFor(stage, w, headers).map((t) => ({ ...t, cell: { workload: w.name, clients, contender: t.name, rounds: [], latencies: [], errors: 0, sqlPerRequest: 0, fetchesPerRequest: 0 } })),
      }));
      await measure(stage, runs, clients, memory);
      for (const t of runs.flatMap((r) => r.targets)) {
        cells.push(t.cell);
        printCell(t.cell);
      }
    }
    const lines = stage.memory();
    memory.afterWorkload.push(lines);
    memory.groups.push(group.map((w) => w.name).join(' with '));
    notePeaks(memory.peak, lines);
    console.log(`RSS after ${group.length > 1 ? 'them' : 'it'}: ${lines.map((l) => `${l.name} ${(l.rss / 2 ** 20).toFixed(0)} MiB`).join(', ')}`);
  }
  return cells;
}

export async function scoreboardBench(): Promise<void> {
  if (STACK !== 'processes' && STACK !== 'in-process') throw new Error(`BENCH_STACK: processes or in-process, not ${STACK}`);
  const stage = STACK === 'processes' ? await startProcessStage(PROGRAM, NOMADS, PURPOSE) : await startInProcessStage(PROGRAM, NOMADS);
  try {
    const world = await describeWorld(stage);
    console.log(`scoreboard: ${world}; ${STACK}; ${ROUNDS} rounds of ${ROUND_REQUESTS} requests per contender, clients ${CLIENTS.join(' and ')}, node ${process.version}, ${os.cpus().length} cores`);
    const memory: Memory = { peak: new Map(), afterWorkload: [], groups: [] };
    const cells = await measureAll(stage, memory);
    await writeReport(cells, [OURS, ...stage.others.map((c) => c.name)], world, stage.setting, memory);
  } finally {
    await stage.stop();
  }
}

/** The report's words on memory: the table of every process, or why there is none in one process. */
function memorySection(memory: Memory, workloads: string[]): string {
  if (STACK === 'in-process') {
    return `Not measured: RSS per process. With \`BENCH_STACK=in-process\` every contender runs in one process with the
subgraphs (the harness), so no contender's memory can be told apart; the default (\`BENCH_STACK=processes\`) measures it.`;
  }
  return `Resident memory (VmRSS from \`/proc/<pid>/status\`, MiB) of each process: its peak over the samples taken after
every round and workload, and its RSS at the end of each workload (${workloads.map((w, i) => `${i + 1}: ${w}`).join('; ')}). The
PostgreSQL lines sum the server backends connected to the world's databases; RSS counts the shared buffers in every backend
that touched them, so that sum overstates: the PSS line (proportional set size) divides shared pages among their sharers. The other gateways' figures include
tsx's loader, which runs their entry script (about 33 MiB: an empty script takes 72 MiB under \`node --import tsx\`, 39 MiB
on plain node); ours runs on plain node. The load driver (this process) is not counted.

${memoryTable(memory.afterWorkload, memory.peak)}`;
}

async function writeReport(cells: Cell[], names: string[], world: string, setting: string, memory: Memory): Promise<void> {
  const columns = [...names, FLOOR];
  const line = (other: string) =>
    ratios(cells, OURS, other)
      .map((r) => `${r.workload} (${r.clients}): ${r.ratio.toFixed(2)}×`)
      .join('; ');
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, load average ${os.loadavg()[0]?.toFixed(1)} at the end`;
  const markdown = `# Benchmarks

Written by \`npm run bench -- scoreboard\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Reproduce with the
same command (environment: \`BENCH_STACK\`, \`BENCH_NOMADS\`, \`BENCH_ROUNDS\`, \`BENCH_ROUND_REQUESTS\`, \`BENCH_CLIENTS\`,
\`BENCH_PROGRAM_DATABASE_URL\`).

- Machine: ${machine}; Node ${process.version}.
- Versions: @apollo/gateway ${versionOf('@apollo/gateway')}, @apollo/server ${versionOf('@apollo/server')}, @graphql-hive/gateway ${versionOf('@graphql-hive/gateway')}.
- World: ${world}.
- Contenders: ${setting}; one worker each, the same officer token (migration, labor, tax and
  security roles) and \`X-Purpose\`; the access-log sealers run.${STACK === 'processes' ? ' The load driver (this script) is a process of its own.' : ''}
- Write mix: each even request submits an application for a new nomad (their own token), each odd
  one approves an application (the officer), one put under review with its screening cleared before
  the round (${STACK === 'processes' ? 'concluded CLEARED by the officer through our gateway, carried by the real relays, waited for' : "the clearance delivered as GKNB's relay would"}); every round of every contender has its own nomads and applications. A request counts
  as an error if it has GraphQL errors or user errors; the errors shown include the warm-ups'.
- De-duplication is not the same rule everywhere. Hive's (on by default) shares one subgraph call
  between concurrent identical requests whatever they read: here every client sends the same
  token and no request id, so on the reads of personal fields (the case view and the 50 nomads
  read \`Nomad.status\`) one call answers several requests, and the agencies record one read for
  several. Ours shares only one caller's identical queries that read no personal field, and
  never across a mutation: every personal read reaches its agency and is recorded.
- Compression: the driver asks for answers uncompressed (\`Accept-Encoding: identity\`), so every
  contender sends the same bytes. The others cannot compress; ours compresses answers of 4 KiB or
  more for a client that takes it (its default), which on one machine only costs (the driver
  inflates them again).
- Each cell: median requests/s of ${ROUNDS} rounds of ${ROUND_REQUESTS} requests (the order of the contenders rotates
  each round), p50 and p99 over every request of every round; SQL statements and subgraph fetches
  (GraphQL requests the four subgraphs answered) per request, ${WARM_UPS} warm-ups per round included.

${scoreTable(cells, columns)}

Ours over stock Apollo: ${line('stock Apollo') || '—'}.

Ours over Hive (dedup on, its default): ${line('Hive (dedup on)') || '—'}.

Ours over the subgraph alone (one-subgraph workloads): ${line(FLOOR) || '—'}.

${PERSONAL_READ} over ${PLAIN_READ} (each contender's own, the two run in the same rounds one after the other; the access ledger's target for ours: at least 70%): ${
    workloadRatios(cells, PERSONAL_READ, PLAIN_READ)
      .map((r) => `${r.contender} (${r.clients}): ${(100 * r.ratio).toFixed(0)}%`)
      .join('; ') || '—'
  }.

![Throughput per workload](docs/benchmarks.svg)

${memorySection(memory, memory.groups)}
`;
  await writeFile(`${REPO_ROOT}BENCHMARKS.md`, markdown);
  await writeFile(`${REPO_ROOT}docs/benchmarks.svg`, throughputSvg(cells, columns));
  console.log(`\nwrote BENCHMARKS.md and docs/benchmarks.svg`);
}
