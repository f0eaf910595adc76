/**
 * `npm run bench -- rss`: the whole stack's idle memory with sample data. Builds (`npm run
 * build`), starts the graph as production does (`npm run start:prod`: the supervisor's build on
 * plain node, NODE_ENV=production, every agency seeding the sample world), sends a few typical
 * queries, lets it settle, then reads /proc: every process under the supervisor (the
 * supervisor, each service, each embedded PostgreSQL server with its backends and helpers, each
 * cluster's watchdog), its resident set (VmRSS) and proportional set (PSS, shared pages divided
 * among the processes that share them). The target (issue 18) is the sum of RSS under 1 GiB;
 * RSS counts PostgreSQL's shared buffers once per process that touched them, so that sum
 * overstates, PSS does not. With `rss source` (or BENCH_RSS_SOURCE=1) the same for `npm start`
 * (tsx over the sources, development) afterwards. Figures only: nothing here passes or fails.
 */
import { buildAll, processTree, startNpmStartStack, startProductionStack, startSourceStack, type ProcessInfo, type Stack } from '../src/production.ts';
import { registeredHash } from '../src/trusted.ts';

const TARGET_BYTES = 1024 ** 3;
/** Longer than an embedded pool's connection lifetime (60 s), so that a burst's connections are gone. */
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 90);
const MiB = (bytes: number) => (bytes / 1024 ** 2).toFixed(0).padStart(6);

/** Which part of the stack a process is: a service's node, its PostgreSQL, its watchdog, or the supervisor. */
function owner(p: ProcessInfo, tree: ProcessInfo[], root: number): string {
  if (p.pid === root) return 'supervisor';
  let cur: ProcessInfo | undefined = p;
  // Walk up to the service (a direct child of the supervisor).
  while (cur && cur.ppid !== root) cur = tree.find((q) => q.pid === cur?.ppid);
  const entry = cur?.argv.find((a) => /\/(src|dist)\/main\.(ts|js)$/.test(a)) ?? '';
  return /(?:subgraphs\/)?([a-z]+)\/(?:src|dist)\/main/.exec(entry)?.[1] ?? `pid ${cur?.pid ?? '?'}`;
}

function kind(p: ProcessInfo): string {
  if (p.name === 'postgres') return p.argv[0]?.endsWith('/postgres') ? 'postgres (server)' : `postgres: ${(p.argv[0] ?? '').replace(/^postgres: /, '').replace(/postgres postgres .*/, 'connection')}`;
  if (p.name === 'sh') return 'watchdog (sh)';
  return p.name;
}

async function measureStack(label: string, stack: Stack): Promise<void> {
  const officer = await stack.token(['migration_officer']);
  const analyst = await stack.token(['analyst']);
  // An officer's screen sends a registered operation (production runs no other); an analyst queries ad hoc.
  const bodies: [string, Record<string, unknown>][] = [
    [officer, { documentId: await registeredHash('NomadList'), variables: { first: 50 } }],
    [analyst, { query: '{ applications(first: 100, filter: { overdue: true }) { totalCount edges { node { number state nomad { citizenship } } } } }' }],
  ];
  for (const [token, body] of bodies) {
    const res = await stack.post(token, body, { 'x-purpose': 'bench' });
    if (res.status !== 200 || res.body.errors) throw new Error(`bench query failed: ${JSON.stringify(res.body).slice(0, 300)}`);
  }
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  const root = stack.child.pid ?? -1;
  const tree = processTree(root);
  if (tree.length === 0) throw new Error('no process under the supervisor');

  // Per part of the stack: each service with its cluster, and the supervisor.
  const groups = new Map<string, { node: number; postgres: number; other: number; pss: number; count: number }>();
  for (const p of tree) {
    const name = owner(p, tree, root);
    const g = groups.get(name) ?? { node: 0, postgres: 0, other: 0, pss: 0, count: 0 };
    if (p.name === 'node') g.node += p.rss;
    else if (p.name === 'postgres') g.postgres += p.rss;
    else g.other += p.rss;
    g.pss += p.pss;
    g.count += 1;
    groups.set(name, g);
  }
  const total = tree.reduce((sum, p) => sum + p.rss, 0);
  const totalPss = tree.reduce((sum, p) => sum + p.pss, 0);
  console.log(`\n${label}: ${tree.length} processes, idle ${IDLE_SECONDS} s after start and a few queries, node ${process.version}`);
  console.log(`${'part'.padEnd(12)} ${'processes'.padStart(9)} ${'node MiB'.padStart(9)} ${'pg MiB'.padStart(7)} ${'other'.padStart(6)} ${'RSS MiB'.padStart(8)} ${'PSS MiB'.padStart(8)}`);
  for (const [name, g] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`${name.padEnd(12)} ${String(g.count).padStart(9)} ${MiB(g.node).padStart(9)} ${MiB(g.postgres).padStart(7)} ${MiB(g.other)} ${MiB(g.node + g.postgres + g.other).padStart(8)} ${MiB(g.pss).padStart(8)}`);
  }
  console.log(`${'total'.padEnd(12)} ${String(tree.length).padStart(9)} ${''.padStart(9)} ${''.padStart(7)} ${''.padStart(6)} ${MiB(total).padStart(8)} ${MiB(totalPss).padStart(8)}`);
  console.log(
    `whole stack idle RSS ${MiB(total).trim()} MiB (PSS ${MiB(totalPss).trim()} MiB): ${total < TARGET_BYTES ? 'under' : 'OVER'} the 1 GiB target (${((100 * total) / TARGET_BYTES).toFixed(0)}%)`,
  );
  if (process.env.BENCH_RSS_PROCESSES === '1') {
    for (const p of tree) console.log(`  ${String(p.pid).padStart(7)} ${owner(p, tree, root).padEnd(10)} ${kind(p).padEnd(36)} RSS ${MiB(p.rss)} MiB  PSS ${MiB(p.pss)} MiB`);
  }
}

/**
 * The `npm start` stack (its build on plain node, development defaults, sample data), the
 * production stack, and with `source` the `npm run start:source` stack (tsx).
 */
export async function rssBench(options: { source: boolean }): Promise<void> {
  buildAll();
  for (const [label, start] of [
    ['npm start (npm run build, then node over dist/: development keys, SEED=true)', startNpmStartStack],
    ['production (npm run start:prod, NODE_ENV=production, SEED=true)', startProductionStack],
    ...(options.source ? [['npm run start:source (tsx over TypeScript, development)', startSourceStack] as const] : []),
  ] as const) {
    const stack = await start();
    try {
      await measureStack(label, stack);
    } finally {
      await stack.stop();
    }
  }
}
