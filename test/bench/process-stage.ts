import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import setupDatabase from '@nomad/kit/testing/global-setup';
import { createTestDatabase, type TestDatabase } from '@nomad/kit/testing';
import { AGENCY_NAMES } from '@nomad/kit';
import { allProcesses, buildAll, processTree, startProductionStack, type ProcessEntry, type Stack } from '../src/production.ts';
import { SUPERGRAPH_PATH } from '@nomad/schema';
import type { Contender, Subgraphs } from './contenders.ts';
import type { Stage } from './stage.ts';
import { approvableThroughRelays } from './workloads.ts';

/**
 * The scoreboard's default stage (`BENCH_STACK=processes`): the stack as production runs it
 * (`npm run build`, then `npm run start:prod`: the supervisor's build on plain node,
 * NODE_ENV=production, each subgraph and our gateway a process of its own) and each other
 * gateway in a process of its own (contender-main.ts), all on the machine's PostgreSQL.
 */

const TEST_DIR = fileURLToPath(new URL('../', import.meta.url));
const CONTENDERS: [kind: string, name: string][] = [
  ['apollo', 'stock Apollo'],
  ['hive-off', 'Hive (dedup off)'],
  ['hive-on', 'Hive (dedup on)'],
];

/** The children this module started, to stop them whatever happens. */
interface Started {
  child: ChildProcess;
  exited: Promise<unknown>;
}

async function stopChild(started: Started): Promise<void> {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await started.exited;
  clearTimeout(killer);
}

/** Starts one other gateway (`node --import tsx bench/contender-main.ts <kind>`) and waits for its `listening <url>`. */
async function startContender(kind: string, name: string, subgraphs: Subgraphs, pids: Map<string, number>): Promise<Contender> {
  const { DATABASE_URL: _a, NOMAD_TEST_PG_URL: _b, NODE_OPTIONS: _c, ...base } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/contender-main.ts', kind], {
    cwd: TEST_DIR,
    env: { ...base, NODE_ENV: 'production', BENCH_SUBGRAPHS: JSON.stringify(subgraphs) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started: Started = { child, exited: new Promise((resolve) => child.once('exit', resolve)) };
  const contender: Contender = { name, url: '', stop: () => stopChild(started) };
  let out = '';
  try {
    contender.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not listen within 60 s:\n${out.slice(-2000)}`)), 60_000);
      child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        const url = /^listening (\S+)$/m.exec(out)?.[1];
        if (url) resolve(url);
      });
      void started.exited.then(() => reject(new Error(`${name} exited before listening:\n${out.slice(-2000)}`)));
      void started.exited.finally(() => clearTimeout(timer));
    });
  } catch (err) {
    await stopChild(started);
    throw err;
  }
  pids.set(name, child.pid ?? -1);
  return contender;
}

/** Sums a counter of a Prometheus text exposition (every label set). */
function counterTotal(text: string, name: string): number {
  let total = 0;
  for (const line of text.split('\n')) if (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  return total;
}

/** Which line of the memory table a process of the stack is: our gateway, a subgraph, or the supervisor. */
export function partOf(p: ProcessEntry): string {
  const entry = p.argv.find((a) => /\/dist\/main\.js$/.test(a)) ?? '';
  const part = /(?:subgraphs\/)?([a-z]+)\/dist\/main\.js$/.exec(entry)?.[1] ?? '';
  if (part === 'gateway') return 'ours';
  return AGENCY_NAMES.includes(part as never) ? `subgraph ${part}` : 'supervisor';
}

/**
 * Every node process of the stack (by partOf) and of each other gateway (by its name; tsx may
 * leave an esbuild child behind one contender and not another, so node processes only), by pid,
 * from one read of /proc (`all`).
 */
function nodeParts(stack: Stack, pids: Map<string, number>, all: ProcessEntry[]): Map<number, string> {
  const parts = new Map<number, string>();
  for (const p of processTree(stack.child.pid ?? -1, all)) if (p.name === 'node') parts.set(p.pid, partOf(p));
  for (const [name, pid] of pids) for (const p of processTree(pid, all)) if (p.name === 'node') parts.set(p.pid, name);
  return parts;
}

/** RSS of the stack's node processes, of each other gateway's processes, and of the PostgreSQL backends serving `databases` (with their PSS). */
function memoryOf(stack: Stack, pids: Map<string, number>, databases: string[]): { name: string; processes: number; rss: number }[] {
  const all = allProcesses();
  const byPid = new Map(all.map((p) => [p.pid, p]));
  const byPart = new Map<string, { name: string; processes: number; rss: number }>();
  for (const [pid, name] of nodeParts(stack, pids, all)) {
    const line = byPart.get(name) ?? { name, processes: 0, rss: 0 };
    line.processes++;
    line.rss += byPid.get(pid)?.rss ?? 0;
    byPart.set(name, line);
  }
  const lines = [...byPart.values()];
  const backends = all.filter((p) => p.name === 'postgres' && databases.some((db) => (p.argv[0] ?? '').includes(` ${db} `)));
  lines.push({ name: 'PostgreSQL backends', processes: backends.length, rss: backends.reduce((sum, p) => sum + p.rss, 0) });
  // RSS counts the shared buffers once per backend that touched them; PSS divides them among the sharers.
  lines.push({ name: 'PostgreSQL backends, PSS', processes: backends.length, rss: backends.reduce((sum, p) => sum + p.pss, 0) });
  return lines;
}

/** Where each agency's data is: the program's one database, or a fresh database per agency seeded with the sample world. */
export async function databasesFor(program: string | undefined): Promise<{ urls: Record<string, string>; drop: () => Promise<void> }> {
  if (program) return { urls: Object.fromEntries(AGENCY_NAMES.map((a) => [a, program])), drop: () => Promise.resolve() };
  const teardown = await setupDatabase();
  const created: TestDatabase[] = [];
  const drop = async () => {
    for (const d of created) await d.drop();
    await teardown?.();
  };
  try {
    for (const agency of AGENCY_NAMES) created.push(await createTestDatabase(`bench_${agency}`));
  } catch (err) {
    await drop();
    throw err;
  }
  return { urls: Object.fromEntries(AGENCY_NAMES.map((a, i) => [a, created[i]?.url ?? ''])), drop };
}

/** The settings every contender gets alike: no rate limit, free query text (the others have no trusted documents), the harness's subgraph timeout. */
export function benchEnv(urls: Record<string, string>, seed: boolean): Record<string, string> {
  const env: Record<string, string> = { RATE_LIMIT: 'off', TRUSTED_DOCUMENTS: 'off', SUBGRAPH_TIMEOUT_MS: '30000', SEED: String(seed) };
  for (const [agency, url] of Object.entries(urls)) env[`${agency.toUpperCase()}_DATABASE_URL`] = url;
  return env;
}

/** The process stage: a Stage that also tells which part of it each node process is. */
export interface ProcessStage extends Stage {
  /** Each node process of the stack and of the other gateways, by pid: `ours`, `subgraph <agency>`, `supervisor`, or a contender's name. */
  nodeParts(all: ProcessEntry[]): Map<number, string>;
}

export async function startProcessStage(program: string | undefined, nomads: number, purpose: string): Promise<ProcessStage> {
  if (!program && nomads !== 400) throw new Error('BENCH_NOMADS: the stack seeds the sample world (400 nomads) only; use BENCH_STACK=in-process or a program (BENCH_PROGRAM_DATABASE_URL)');
  buildAll();
  const databases = await databasesFor(program);
  const others: Contender[] = [];
  let stack: Stack | undefined;
  let sql: postgres.Sql | undefined;
  const stop = async () => {
    for (const c of others) await c.stop().catch(() => undefined);
    await sql?.end();
    await stack?.stop();
    await databases.drop();
  };
  try {
    stack = await startProductionStack(benchEnv(databases.urls, !program));
    const s = stack;
    const urls = Object.fromEntries(AGENCY_NAMES.map((a) => [a, s.env[`${a.toUpperCase()}_URL`] ?? '']));
    const subgraphs: Subgraphs = { urls, supergraphPath: SUPERGRAPH_PATH, credentials: Object.fromEntries(AGENCY_NAMES.map((a) => [a, s.env[`${a.toUpperCase()}_GATEWAY_SECRET`] ?? ''])) };
    const pids = new Map<string, number>();
    for (const [kind, name] of CONTENDERS) others.push(await startContender(kind, name, subgraphs, pids));
    sql = postgres(databases.urls.migration ?? '', { max: 2, onnotice: () => undefined });
    const databaseNames = [...new Set(Object.values(databases.urls).map((u) => new URL(u).pathname.slice(1)))];
    const send = async (token: string, query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${s.gateway}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': purpose },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, text: await res.text() };
    };
    return {
      world: program ? 'the program in `BENCH_PROGRAM_DATABASE_URL`' : 'the sample world (400 nomads) the services seed, one database per agency',
      setting:
        'each in a process of its own: the stack as `npm run start:prod` runs it (built, plain node, NODE_ENV=production; the supervisor, each subgraph and our gateway a process, their relays and sealers running; RATE_LIMIT and TRUSTED_DOCUMENTS off so that every contender gets the same free-text requests), each other gateway in its own node process (`test/bench/contender-main.ts` through tsx, the gateways being their packages\' JavaScript), all on the machine\'s PostgreSQL (`BENCH_STACK=processes`)',
      ours: `${s.gateway}/graphql`,
      others,
      subgraphs,
      token: (roles, claims) => s.token(roles, claims),
      migrationSql: sql,
      counters: async () => {
        const texts = await Promise.all(Object.values(urls).map(async (u) => (await fetch(new URL('/metrics', u))).text()));
        return { sql: texts.reduce((n, t) => n + counterTotal(t, 'nomad_sql_statements_total'), 0), fetches: texts.reduce((n, t) => n + counterTotal(t, 'nomad_graphql_operations_total'), 0) };
      },
      approvable: (officer, count) => approvableThroughRelays(send, () => s.token(['nomad'], { nomadId: randomUUID() }), officer, count),
      memory: () => memoryOf(s, pids, databaseNames),
      nodeParts: (all) => nodeParts(s, pids, all),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
