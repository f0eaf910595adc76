/**
 * `npm run bench -- cpu`: where the machine's CPU goes, per request, for each of the
 * scoreboard's four reads through our gateway: the time each process of the built stack (our
 * gateway, each subgraph, the supervisor), the PostgreSQL server and the load driver spent
 * during the timed requests and the background work they left, less what it spends with no
 * request (see `settle`), from `/proc/<pid>/stat` (user and system time), divided by the
 * requests. On one machine every process shares the cores, so what the gateway costs bounds
 * what any gateway can change: it prints the throughput a gateway that cost nothing would
 * reach, beside the one measured.
 *
 * The stack runs as the scoreboard's does (process-stage.ts: built, `NODE_ENV=production`,
 * relays and sealers running) on the sample world, or on the program in
 * BENCH_PROGRAM_DATABASE_URL. BENCH_CLIENTS (default "10") and BENCH_CPU_REQUESTS (default 600)
 * size each cell; BENCH_CPU_ONLY=<text> runs only the reads whose name contains it. PostgreSQL
 * counts every `postgres` process of this machine (backends, WAL writer, checkpointer, any
 * other cluster): run it where nothing else uses PostgreSQL; with the world on another machine
 * that line is missing. Figures only: nothing here passes or fails.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { allProcesses, buildAll, processTree, startProductionStack } from '../src/production.ts';
import { drive } from './drive.ts';
import { benchEnv, databasesFor, partOf } from './process-stage.ts';
import { readWorkloads } from './workloads.ts';

const CLIENTS = (process.env.BENCH_CLIENTS ?? '10').split(',').map(Number);
const REQUESTS = Number(process.env.BENCH_CPU_REQUESTS ?? 600);
const PROGRAM = process.env.BENCH_PROGRAM_DATABASE_URL;
const WARM_UPS = 30;
/**
 * A cell's CPU counts until the stack is quiet again after its last answer: what the requests
 * left to the background (sealing their access records, the ledger's copies at GKNB) is theirs,
 * not the next cell's. Quiet: a second in which the stack spends at most QUIET_FACTOR times its
 * idle rate (plus QUIET_SLACK_MS), waited for at most SETTLE_MAX_MS. The idle rate (sealer and
 * relay passes with nothing to do, PostgreSQL's own processes) is measured once, before the
 * first request, over IDLE_WINDOW_MS, and taken off over each cell's whole span.
 */
const IDLE_WINDOW_MS = 5_000;
const QUIET_FACTOR = 1.5;
const QUIET_SLACK_MS = 20;
const SETTLE_MAX_MS = 60_000;
const DRIVER = 'load driver';
const POSTGRES = 'PostgreSQL';

/** Each process's part and CPU time so far, and when that was read. */
interface Snapshot {
  at: number;
  byPid: Map<number, { part: string; ms: number }>;
}

/** The stack's node processes by part, the PostgreSQL server's processes, this process: one read of /proc. */
function snapshot(stackPid: number): Snapshot {
  const byPid = new Map<number, { part: string; ms: number }>();
  const all = allProcesses();
  for (const p of processTree(stackPid, all)) if (p.name === 'node') byPid.set(p.pid, { part: partOf(p), ms: p.cpuMs });
  for (const p of all) if (p.name === 'postgres') byPid.set(p.pid, { part: POSTGRES, ms: p.cpuMs });
  const self = all.find((p) => p.pid === process.pid);
  if (self) byPid.set(self.pid, { part: DRIVER, ms: self.cpuMs });
  return { at: performance.now(), byPid };
}

/**
 * The CPU each part spent between two snapshots: a process in both counts its difference, one
 * started since counts whole. One that ended in between (a pooled connection's backend closed
 * when idle) is lost: /proc no longer has its time, and its earlier time is not subtracted.
 */
function spent(from: Snapshot, to: Snapshot): Map<string, number> {
  const parts = new Map<string, number>();
  for (const [pid, { part, ms }] of to.byPid) parts.set(part, (parts.get(part) ?? 0) + ms - (from.byPid.get(pid)?.ms ?? 0));
  return parts;
}

/** The sum of a map's values (ms of every part). */
const sumOf = (parts: Map<string, number>): number => [...parts.values()].reduce((sum, ms) => sum + ms, 0);

/** What each part spends per ms with no request, over IDLE_WINDOW_MS. */
async function idleRate(stackPid: number): Promise<Map<string, number>> {
  // What the start left running (first seals, relays' first passes) ends first.
  await sleep(IDLE_WINDOW_MS);
  const from = snapshot(stackPid);
  await sleep(IDLE_WINDOW_MS);
  const to = snapshot(stackPid);
  return new Map([...spent(from, to)].map(([part, ms]) => [part, ms / (to.at - from.at)]));
}

/** Waits (at most SETTLE_MAX_MS) until a second passes in which the stack is about as busy as idle; the last snapshot. */
async function settle(stackPid: number, idle: Map<string, number>): Promise<Snapshot> {
  const idlePerSecond = sumOf(idle) * 1_000;
  const deadline = performance.now() + SETTLE_MAX_MS;
  let last = snapshot(stackPid);
  for (;;) {
    await sleep(1_000);
    const next = snapshot(stackPid);
    const busy = sumOf(spent(last, next));
    last = next;
    if (busy <= idlePerSecond * QUIET_FACTOR + QUIET_SLACK_MS || performance.now() > deadline) return last;
  }
}

export async function cpuBench(): Promise<void> {
  buildAll();
  const databases = await databasesFor(PROGRAM);
  const stack = await startProductionStack(benchEnv(databases.urls, !PROGRAM));
  const sql = postgres(databases.urls.migration ?? '', { max: 2, onnotice: () => undefined });
  try {
    const officer = await stack.token(['migration_officer', 'labor_officer', 'tax_officer', 'security_officer']);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${officer}`, 'x-purpose': 'benchmark' };
    const only = process.env.BENCH_CPU_ONLY;
    const workloads = (await readWorkloads(sql)).filter((w) => !only || w.name.includes(only));
    if (workloads.length === 0) throw new Error(`no workload${only ? ` named with "${only}"` : ''}`);
    const idle = await idleRate(stack.child.pid ?? -1);
    console.log(`at rest, the stack and PostgreSQL spend ${(sumOf(idle) * 1_000).toFixed(0)} ms of CPU per second (taken off each cell over its span)`);
    console.log(`CPU per request through our gateway (${PROGRAM ? 'the program in BENCH_PROGRAM_DATABASE_URL' : 'the sample world'}; ${REQUESTS} requests per cell after ${WARM_UPS} warm-ups; ms of user and system time per request)`);
    for (const workload of workloads) {
      const request = await workload.prepare(REQUESTS + WARM_UPS, 0);
      const send = async (j: number) => {
        const res = await fetch(`${stack.gateway}/graphql`, { method: 'POST', headers, body: JSON.stringify(request(j)) });
        const text = await res.text();
        return res.ok && !text.includes('"errors"');
      };
      for (let j = 0; j < WARM_UPS; j++) if (!(await send(REQUESTS + j))) throw new Error(`${workload.name}: a warm-up failed`);
      for (const clients of CLIENTS) {
        await settle(stack.child.pid ?? -1, idle);
        const before = snapshot(stack.child.pid ?? -1);
        const { elapsed, errors } = await drive(clients, REQUESTS, send);
        // The driver's part ends with its requests: settling, it reads /proc every second.
        const driven = snapshot(stack.child.pid ?? -1);
        const after = await settle(stack.child.pid ?? -1, idle);
        const span = after.at - before.at;
        const driver = spent(before, driven).get(DRIVER) ?? 0;
        const perRequest = [...spent(before, after)]
          .map(([part, ms]) => [part, (part === DRIVER ? driver : ms - (idle.get(part) ?? 0) * span) / REQUESTS] as const)
          .filter(([, ms]) => ms > 0);
        const total = perRequest.reduce((sum, [, ms]) => sum + ms, 0);
        const gateway = perRequest.find(([part]) => part === 'ours')?.[1] ?? 0;
        const rate = REQUESTS / elapsed;
        console.log(`\n${workload.name}, ${clients} clients: ${rate.toFixed(0)} req/s, ${errors} errors; ${total.toFixed(2)} ms of CPU per request`);
        for (const [part, ms] of perRequest.sort((a, b) => b[1] - a[1])) {
          console.log(`  ${(part === 'ours' ? 'our gateway' : part).padEnd(20)} ${ms.toFixed(2).padStart(6)} ms  ${((100 * ms) / total).toFixed(0).padStart(3)}%`);
        }
        // The same CPU-bound run with the gateway's share gone: the most any gateway could give.
        if (total > gateway) console.log(`  a gateway that cost nothing: at most ${((rate * total) / (total - gateway)).toFixed(0)} req/s (${(total / (total - gateway)).toFixed(2)} times), if the run is CPU-bound`);
      }
    }
  } finally {
    await sql.end();
    await stack.stop();
    await databases.drop();
  }
}
