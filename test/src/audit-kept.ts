/**
 * CI: `tsx test/src/audit-kept.ts <file>` runs `npm run audit:verify -- all` against every graph
 * the end-to-end tests ran with `E2E_KEEP_GRAPHS=<file>` (one JSON line per graph: database URLs
 * and public keys), then drops those databases. Exits 1 when any audit fails or no graph was kept.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';

interface KeptGraph {
  databases: Record<string, string>;
  publicKeys: Record<string, string>;
}

async function dropDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const admin = postgres(u.toString(), { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`drop database if exists "${name.replace(/"/g, '')}" with (force)`);
  } finally {
    await admin.end();
  }
}

async function main(file: string | undefined): Promise<number> {
  if (!file) {
    process.stderr.write('usage: tsx test/src/audit-kept.ts <file written by E2E_KEEP_GRAPHS>\n');
    return 2;
  }
  const graphs = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as KeptGraph);
  if (graphs.length === 0) {
    process.stderr.write('no graph was kept: did the end-to-end tests run with E2E_KEEP_GRAPHS?\n');
    return 1;
  }
  let failed = 0;
  for (const [i, graph] of graphs.entries()) {
    const env: Record<string, string | undefined> = { ...process.env, ...graph.publicKeys, NODE_ENV: 'test' };
    for (const [agency, url] of Object.entries(graph.databases)) env[`${agency.toUpperCase()}_DATABASE_URL`] = url;
    const run = spawnSync('npm', ['run', '-s', 'audit:verify', '--', 'all'], { env, encoding: 'utf8', timeout: 300_000 });
    process.stdout.write(`graph ${i + 1}/${graphs.length}:\n${run.stdout}${run.stderr}`);
    if (run.status !== 0) failed += 1;
    for (const url of Object.values(graph.databases)) await dropDatabase(url);
  }
  process.stdout.write(`audit:verify: ${graphs.length - failed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

process.exit(await main(process.argv[2]));
