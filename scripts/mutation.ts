// The mutation check (`npm run test:mutation [-- module ...]`): Stryker mutates the rule-bearing
// modules one at a time and runs that module's tests against each mutant. Slow, so not in
// `.ci/run`. Reports go to reports/mutation/<module>/ (gitignored); the summary of the last run
// of every module to reports/mutation/summary.md. Exits non-zero when a module scores below 90%.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Stryker } from '@stryker-mutator/core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPORTS = path.join(ROOT, 'reports', 'mutation');
const MINIMUM = 90;

interface MutationModule {
  /** What the module holds, for the summary. */
  about: string;
  /** Files (or `file:from-to` line ranges) Stryker mutates. */
  mutate: string[];
  /** The test files run against each mutant. */
  tests: string[];
  /** The tests need the test database (embedded PostgreSQL, or DATABASE_URL). */
  database: boolean;
}

const MODULES: Record<string, MutationModule> = {
  calendar: {
    about: 'kit: Bishkek dates, working days, holidays',
    mutate: ['subgraphs/kit/src/calendar.ts'],
    tests: ['subgraphs/kit/src/calendar.test.ts'],
    database: false,
  },
  intake: {
    about: 'migration: the intake rules and the document rules',
    mutate: ['subgraphs/migration/src/modules/applications/intake.ts', 'subgraphs/migration/src/modules/applications/documents.ts'],
    tests: ['subgraphs/migration/src/modules/applications/intake.test.ts'],
    database: false,
  },
  policies: {
    about: 'need to know: who reads what in migration, labor, tax and security',
    mutate: [
      // The read checks of the nomads module, its lookups and references (the rest of it lists
      // and pages), and the applications' visibility checks over the same table.
      'subgraphs/migration/src/modules/nomads/service.ts:1-113',
      'subgraphs/migration/src/modules/applications/service.ts:53-68',
      'subgraphs/labor/src/access.ts',
      'subgraphs/tax/src/access.ts',
      'subgraphs/security/src/modules/screenings/policy.ts',
      // The role × field tables the checks read, and the kit's check over them.
      'subgraphs/migration/src/policy.ts',
      'subgraphs/labor/src/policy.ts',
      'subgraphs/tax/src/policy.ts',
      'subgraphs/security/src/policy.ts',
      'subgraphs/kit/src/access/need-to-know.ts',
    ],
    tests: [
      'subgraphs/migration/src/modules/nomads/policy.test.ts',
      'subgraphs/labor/src/access.test.ts',
      'subgraphs/tax/src/access.test.ts',
      'subgraphs/security/src/modules/screenings/policy.test.ts',
      // Every cell of each table, written by hand, and tried through the agency's check.
      'subgraphs/migration/src/policy.test.ts',
      'subgraphs/labor/src/policy.test.ts',
      'subgraphs/tax/src/policy.test.ts',
      'subgraphs/security/src/policy.test.ts',
      'subgraphs/kit/src/access/need-to-know.test.ts',
    ],
    database: false,
  },
  recorder: {
    about: 'kit: the access recorder (access ledger append) and its reader/processing policy',
    mutate: ['subgraphs/kit/src/access/recorder.ts', 'subgraphs/kit/src/access/policy.ts'],
    tests: ['subgraphs/kit/src/access/recorder.test.ts'],
    database: false,
  },
  events: {
    about: 'kit: the outbox (publishEvent) and the inbox (createEventReceiver)',
    mutate: ['subgraphs/kit/src/events/outbox.ts', 'subgraphs/kit/src/events/receive.ts'],
    tests: ['subgraphs/kit/src/events/outbox.test.ts', 'subgraphs/kit/src/events/receive.test.ts'],
    database: true,
  },
  status: {
    about: 'migration: deriving a status, and the status changes (extend, renew, suspend, reinstate, revoke)',
    mutate: ['subgraphs/migration/src/modules/status/derive.ts', 'subgraphs/migration/src/modules/status/change.ts'],
    tests: ['subgraphs/migration/src/modules/status/derive.test.ts', 'subgraphs/migration/src/modules/status/change.test.ts'],
    database: true,
  },
  review: {
    about: 'migration: the application life cycle (decide: who, which state, each action\'s rules)',
    mutate: ['subgraphs/migration/src/modules/review/service.ts', 'subgraphs/migration/src/modules/review/actions.ts'],
    tests: ['subgraphs/migration/src/modules/review/service.test.ts'],
    database: true,
  },
};

interface Score {
  module: string;
  about: string;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  errors: number;
  ignored: number;
  score: number;
  seconds: number;
  survivors: string[];
  at: string;
}

async function run(name: string, module: MutationModule): Promise<Score> {
  const dir = path.join(REPORTS, name);
  await mkdir(dir, { recursive: true });
  process.env.NOMAD_MUTATION_TESTS = module.tests.join(',');
  process.env.NOMAD_MUTATION_DATABASE = module.database ? '1' : '0';
  const started = Date.now();
  const results = await new Stryker({
    packageManager: 'npm',
    plugins: ['@stryker-mutator/vitest-runner'],
    testRunner: 'vitest',
    vitest: { configFile: 'vitest.mutation.config.ts', related: false },
    coverageAnalysis: 'perTest',
    // Two cores, shared with other work.
    concurrency: 2,
    // The packages are workspace symlinks: a sandbox copy would test the unmutated originals.
    inPlace: true,
    tempDirName: '.stryker-tmp',
    // Vitest does not type-check: no need to add @ts-nocheck to every file (in place, that is the working tree).
    disableTypeChecks: false,
    cleanTempDir: true,
    timeoutMS: module.database ? 30_000 : 10_000,
    mutate: module.mutate,
    reporters: ['html', 'json', 'clear-text', 'progress'],
    htmlReporter: { fileName: path.join('reports', 'mutation', name, 'index.html') },
    jsonReporter: { fileName: path.join('reports', 'mutation', name, 'mutation.json') },
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
    thresholds: { high: 95, low: MINIMUM, break: null },
  }).runMutationTest();
  const count = (...statuses: string[]) => results.filter((r) => statuses.includes(r.status)).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const detected = killed + timeout;
  const valid = detected + survived + noCoverage;
  const survivors = results
    .filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')
    .map((r) => `${path.relative(ROOT, r.fileName)}:${r.location.start.line} ${r.mutatorName} → \`${(r.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80)}\` (${r.status})`);
  const score: Score = {
    module: name,
    about: module.about,
    killed,
    timeout,
    survived,
    noCoverage,
    errors: count('CompileError', 'RuntimeError'),
    ignored: count('Ignored'),
    score: valid === 0 ? 0 : Math.floor((detected / valid) * 1000) / 10,
    seconds: Math.round((Date.now() - started) / 1000),
    survivors,
    at: new Date().toISOString(),
  };
  await writeFile(path.join(dir, 'score.json'), `${JSON.stringify(score, null, 2)}\n`);
  return score;
}

/** reports/mutation/summary.md: the last score of every module that has one. */
async function writeSummary(): Promise<void> {
  const scores: Score[] = [];
  for (const name of Object.keys(MODULES)) {
    const file = path.join(REPORTS, name, 'score.json');
    if (existsSync(file)) scores.push(JSON.parse(await readFile(file, 'utf8')) as Score);
  }
  const lines = [
    '# Mutation scores',
    '',
    '| module | score | killed | timeout | survived | no coverage | ignored | seconds | run at |',
    '|---|---|---|---|---|---|---|---|---|',
    ...scores.map((s) => `| ${s.module} | ${s.score}% | ${s.killed} | ${s.timeout} | ${s.survived} | ${s.noCoverage} | ${s.ignored} | ${s.seconds} | ${s.at} |`),
    '',
    ...scores.flatMap((s) => [`## ${s.module}: survivors`, '', ...(s.survivors.length === 0 ? ['none'] : s.survivors.map((v) => `- ${v}`)), '']),
  ];
  await writeFile(path.join(REPORTS, 'summary.md'), lines.join('\n'));
}

const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !Object.hasOwn(MODULES, a));
if (unknown.length > 0) {
  console.error(`Unknown module(s): ${unknown.join(', ')}. Modules: ${Object.keys(MODULES).join(', ')}.`);
  process.exit(2);
}
const names = asked.length > 0 ? asked : Object.keys(MODULES);
const scores: Score[] = [];
for (const name of names) {
  const module = MODULES[name];
  if (!module) continue;
  scores.push(await run(name, module));
}
await writeSummary();
console.log('\nmodule      score  killed+timeout / mutants  survivors  seconds');
for (const s of scores) {
  console.log(`${s.module.padEnd(10)} ${`${s.score}%`.padStart(6)}  ${String(s.killed + s.timeout).padStart(5)} / ${String(s.killed + s.timeout + s.survived + s.noCoverage).padEnd(15)}  ${String(s.survived + s.noCoverage).padStart(9)}  ${String(s.seconds).padStart(7)}`);
}
console.log(`\nReports: ${path.relative(ROOT, REPORTS)}/<module>/index.html; survivors: ${path.relative(ROOT, REPORTS)}/summary.md`);
const low = scores.filter((s) => s.score < MINIMUM);
if (low.length > 0) {
  console.error(`Below ${MINIMUM}%: ${low.map((s) => `${s.module} (${s.score}%)`).join(', ')}`);
  process.exitCode = 1;
}
