// The copy/paste check (issue 11): jscpd (pinned at 5.3.2) over subgraphs/, generated code,
// SQL migrations and tests aside. A block repeated in two packages (two agencies, or an agency
// and the kit) fails the check: what agencies share belongs in the kit, once. A block repeated
// inside one package is listed as a note, for its owners to judge.
//
//   npm run check:copies               # subgraphs/
//   npm run check:copies -- some/dir   # another folder, its first-level folders as packages
//
// Exits 1 on a clone across packages, 2 when jscpd cannot run or reads no file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What jscpd's JSON reporter writes for one clone (the fields the check reads). */
export interface JscpdClone {
  lines: number;
  tokens: number;
  firstFile: { name: string; start: number; end: number };
  secondFile: { name: string; start: number; end: number };
}

export interface JscpdReport {
  duplicates: JscpdClone[];
  statistics: { total: { sources: number } };
}

/** Files that are not hand-written code the rule is about. */
export const IGNORED = ['**/node_modules/**', '**/generated/**', '**/drizzle/**', '**/dist/**', '**/.data/**', '**/*.test.ts', '**/__fixtures__/**'];

/** The package a scanned path belongs to: its first folder under the scanned root. */
export function packageOf(path: string): string {
  return path.replace(/^\.\//, '').split('/')[0] ?? path;
}

/** The clones whose two copies are in different packages, and those inside one. */
export function classify(report: JscpdReport): { across: JscpdClone[]; within: JscpdClone[] } {
  const across: JscpdClone[] = [];
  const within: JscpdClone[] = [];
  for (const clone of report.duplicates) {
    (packageOf(clone.firstFile.name) === packageOf(clone.secondFile.name) ? within : across).push(clone);
  }
  return { across, within };
}

function describe(clone: JscpdClone): string {
  const at = (f: JscpdClone['firstFile']) => `${f.name}:${f.start}-${f.end}`;
  return `${at(clone.firstFile)}  =  ${at(clone.secondFile)}  (${clone.lines} lines, ${clone.tokens} tokens)`;
}

/** Runs jscpd over `root` (from inside it, so that paths start at its packages) and reads its JSON report. */
export function scan(root: string): JscpdReport {
  const out = mkdtempSync(join(tmpdir(), 'nomad-jscpd-'));
  try {
    const bin = fileURLToPath(new URL('../node_modules/.bin/jscpd', import.meta.url));
    const run = spawnSync(bin, ['.', '--format', 'typescript', '--ignore', IGNORED.join(','), '--reporters', 'json', '--output', out, '--silent'], {
      encoding: 'utf8',
      cwd: resolve(fileURLToPath(new URL('..', import.meta.url)), root),
    });
    if (run.error || run.status !== 0) throw new Error(`jscpd did not run: ${run.error?.message ?? run.stderr.trim()}`);
    return JSON.parse(readFileSync(join(out, 'jscpd-report.json'), 'utf8')) as JscpdReport;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function main(argv: string[]): number {
  const root = argv[0] ?? 'subgraphs';
  let report: JscpdReport;
  try {
    report = scan(root);
  } catch (err) {
    process.stderr.write(`check:copies: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (report.statistics.total.sources === 0) {
    process.stderr.write(`check:copies: no file read under ${root}\n`);
    return 2;
  }
  const { across, within } = classify(report);
  for (const c of within) process.stdout.write(`note (one package)  ${describe(c)}\n`);
  for (const c of across) process.stdout.write(`COPY (two packages) ${describe(c)}\n`);
  process.stdout.write(`${report.statistics.total.sources} files read under ${root}: ${across.length} blocks repeated across packages, ${within.length} within one.\n`);
  return across.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
