/**
 * `npm run bench -- cpu`: where the machine's CPU goes, per request, for each of the
 * scoreboard's workloads through each gateway (ours, stock Apollo, Hive with and without its
 * de-duplication) and, for a one-subgraph read, its subgraph alone: the time each process
 * (each gateway, each subgraph, the supervisor), the PostgreSQL server and the load driver
 * spent during the timed requests and the background work they left, less what it spends with
 * no request (see `idleRate`), from `/proc/<pid>/stat` (user and system time), divided by the
 * requests. On one machine every process shares the cores, whose CPU bounds every throughput:
 * each table ends with the most ours could serve with a gateway that cost nothing, over every
 * endpoint's measured rate, what 0.8 of the floor's throughput would leave a gateway, and each
 * gateway's own CPU per request, which tells gateways apart where each has cores of its own.
 *
 * The stage is the scoreboard's (process-stage.ts: built, `NODE_ENV=production`, relays and
 * sealers running, every other gateway in a process of its own) on the sample world, or on the
 * program in BENCH_PROGRAM_DATABASE_URL. BENCH_CLIENTS (default "10"), BENCH_CPU_ROUNDS
 * (default: one per endpoint, so that each goes first once) and BENCH_CPU_REQUESTS (per
 * endpoint and round, default 200) size each cell, the endpoints taking turns in each round; BENCH_CPU_ONLY=<text> runs only the workloads whose name
 * contains it. PostgreSQL counts every `postgres` process of this machine (backends, WAL writer,
 * checkpointer, any other cluster): run it where nothing else uses PostgreSQL; with the world on
 * another machine that line is missing. Figures only: nothing here passes or fails.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { addRound, cellSummary, cellTable, restRates, spent, sumOf, type CpuCell, type Snapshot } from '../src/cpu-report.ts';
import { allProcessEntries } from '../src/production.ts';
import { drive } from './drive.ts';
import { benchHeaders, endpointsFor, FLOOR, OURS, sender, type Endpoint } from './endpoints.ts';
import { startProcessStage, type ProcessStage } from './process-stage.ts';
import { readWorkloads, writeMix, type BenchRequest } from './workloads.ts';

const CLIENTS = (process.env.BENCH_CLIENTS ?? '10').split(',').map(Number);
/** Rounds per cell; by default one per endpoint, so that each goes first once. */
const ROUNDS = process.env.BENCH_CPU_ROUNDS === undefined ? undefined : Number(process.env.BENCH_CPU_ROUNDS);
const REQUESTS = Number(process.env.BENCH_CPU_REQUESTS ?? 200);
const PROGRAM = process.env.BENCH_PROGRAM_DATABASE_URL;
const PURPOSE = 'benchmark';
const WARM_UPS = 30;
/**
 * A cell's CPU counts until the stack is quiet again after its last answer: what the requests
 * left to the background (sealing their access records, the ledger's copies at GKNB, a write's
 * events) is theirs, not the next cell's. Quiet: a second in which the stack spends at most
 * QUIET_FACTOR times its idle rate (plus QUIET_SLACK_MS), waited for at most SETTLE_MAX_MS. The
 * idle rate (sealer and relay passes with nothing to do, PostgreSQL's own processes, the idle
 * gateways) is measured once, after one warm-up request per endpoint and before the timed ones
 * (see `idleRate`), and taken off over each round's whole span.
 */
const IDLE_SETTLE_MS = 5_000;
const IDLE_WINDOWS = 5;
const IDLE_WINDOW_MS = 2_000;
const QUIET_FACTOR = 1.5;
const QUIET_SLACK_MS = 20;
const SETTLE_MAX_MS = 60_000;
const POSTGRES = 'PostgreSQL';

/**
 * The stage's node processes by part and the PostgreSQL server's processes: one read of /proc,
 * without the processes' memory (reading it cost this process about 30 ms a read). The driver is
 * not in it: reading /proc is its own work, so its part is taken around its requests (`round`).
 */
function snapshot(stage: ProcessStage): Snapshot {
  const all = allProcessEntries();
  const parts = stage.nodeParts(all);
  const byPid = new Map<number, { part: string; ms: number }>();
  for (const p of all) {
    const part = parts.get(p.pid) ?? (p.name === 'postgres' ? POSTGRES : undefined);
    if (part) byPid.set(p.pid, { part, ms: p.cpuMs });
  }
  return { at: performance.now(), byPid };
}

/**
 * What each part spends per ms with no request (`restRates` over IDLE_WINDOWS windows of
 * IDLE_WINDOW_MS), after each endpoint has answered `warm` (its start, loading and compiling, is
 * over) and the stack has had IDLE_SETTLE_MS to finish what that left (seals, relays' passes).
 */
async function idleRate(stage: ProcessStage, warm: () => Promise<void>): Promise<Map<string, number>> {
  await warm();
  await sleep(IDLE_SETTLE_MS);
  const windows: { span: number; spent: Map<string, number> }[] = [];
  let from = snapshot(stage);
  for (let i = 0; i < IDLE_WINDOWS; i++) {
    await sleep(IDLE_WINDOW_MS);
    const to = snapshot(stage);
    windows.push({ span: to.at - from.at, spent: spent(from, to) });
    from = to;
  }
  return restRates(windows);
}

/** Waits (at most SETTLE_MAX_MS) until a second passes in which the stack is about as busy as idle; the last snapshot. */
async function settle(stage: ProcessStage, idle: Map<string, number>): Promise<Snapshot> {
  const idlePerSecond = sumOf(idle) * 1_000;
  const deadline = performance.now() + SETTLE_MAX_MS;
  let last = snapshot(stage);
  for (;;) {
    await sleep(1_000);
    const next = snapshot(stage);
    const busy = sumOf(spent(last, next));
    last = next;
    if (busy <= idlePerSecond * QUIET_FACTOR + QUIET_SLACK_MS || performance.now() > deadline) return last;
  }
}

/** One round of a cell: warms its endpoint up, waits for quiet, drives REQUESTS requests and adds the CPU each part spent until quiet again. */
async function round(stage: ProcessStage, cell: CpuCell, endpoint: Endpoint, request: (j: number) => BenchRequest, clients: number, idle: Map<string, number>, gateways: Set<string>): Promise<void> {
  const failures: string[] = [];
  const send = sender(endpoint, request, (answer) => failures.push(answer));
  for (let j = 0; j < WARM_UPS; j++) if (!(await send(REQUESTS + j))) throw new Error(`${endpoint.name}: a warm-up failed: ${failures[0] ?? ''}`);
  const before = await settle(stage, idle);
  // The driver's part is its requests': settling, it reads /proc every second.
  const driverBefore = process.cpuUsage();
  const { elapsed, errors } = await drive(clients, REQUESTS, send);
  const { user, system } = process.cpuUsage(driverBefore);
  const after = await settle(stage, idle);
  if (failures.length > 0) console.log(`  ${endpoint.name}: ${failures.length} failed, the first: ${failures[0] ?? ''}`);
  cell.requests += REQUESTS;
  cell.elapsed += elapsed;
  cell.errors += errors;
  addRound(cell, gateways, spent(before, after), (user + system) / 1_000, idle, after.at - before.at);
}

export async function cpuBench(): Promise<void> {
  const stage = await startProcessStage(PROGRAM, 400, PURPOSE);
  try {
    const officer = await stage.token(['migration_officer', 'labor_officer', 'tax_officer', 'security_officer']);
    const headers = benchHeaders(officer, PURPOSE);
    const only = process.env.BENCH_CPU_ONLY;
    const reads = await readWorkloads(stage.migrationSql);
    const workloads = [...reads, writeMix(stage, officer)].filter((w) => !only || w.name.includes(only));
    if (workloads.length === 0) throw new Error(`no workload${only ? ` named with "${only}"` : ''}`);
    const gateways = new Set([OURS, ...stage.others.map((c) => c.name)]);
    const idle = await idleRate(stage, async () => {
      // Every gateway answers a read once first: its start (loading, compiling) is not taken for rest.
      const [read] = reads;
      if (!read) throw new Error('no read to warm the gateways with');
      const request = await read.prepare(1, 0);
      for (const endpoint of endpointsFor(stage, read, headers)) {
        const failures: string[] = [];
        if (!(await sender(endpoint, request, (answer) => failures.push(answer))(0))) throw new Error(`${endpoint.name}: the first request failed: ${failures[0] ?? ''}`);
      }
    });
    console.log(`at rest, the stack, the other gateways and PostgreSQL spend ${(sumOf(idle) * 1_000).toFixed(0)} ms of CPU per second (taken off each round over its span)`);
    console.log(
      `CPU per request (${PROGRAM ? 'the program in BENCH_PROGRAM_DATABASE_URL' : 'the sample world'}; ${ROUNDS === undefined ? 'one round per endpoint' : `${ROUNDS} rounds`} of ${REQUESTS} requests per endpoint, each after ${WARM_UPS} warm-ups, the endpoints taking turns; ms of user and system time per request)`,
    );
    for (const workload of workloads) {
      const endpoints = endpointsFor(stage, workload, headers);
      for (const clients of CLIENTS) {
        const cells: CpuCell[] = endpoints.map((e) => ({ endpoint: e.name, requests: 0, elapsed: 0, errors: 0, ms: new Map() }));
        for (let r = 0; r < (ROUNDS ?? endpoints.length); r++) {
          // Rotate who goes first, so that no endpoint always runs on a warmer (or busier) machine.
          for (let k = 0; k < endpoints.length; k++) {
            const i = (k + r) % endpoints.length;
            await round(stage, cells[i]!, endpoints[i]!, await workload.prepare(REQUESTS + WARM_UPS, r * (REQUESTS + WARM_UPS)), clients, idle, gateways);
          }
        }
        console.log(`\n${workload.name}, ${clients} clients\n\n${cellTable(cells)}\n`);
        for (const line of cellSummary(cells, OURS, FLOOR, os.cpus().length)) console.log(`- ${line}`);
      }
    }
  } finally {
    await stage.stop();
  }
}
