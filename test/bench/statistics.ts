import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '@nomad/kit/testing';
import { silentLogger, startGraph, token } from '../src/harness.ts';
import { PROGRAM_SEEDERS, seedLargeProgram } from '../src/program.ts';
import { runnerBench } from './runner.ts';

/**
 * `npm run bench -- statistics`: seeds a large program (`npm run seed:large`'s writers,
 * BENCH_PROGRAM_NOMADS, default 100,000, into one fresh database on the test server shared by
 * the four agencies), starts the graph on it and prints p50/p99 of each analysts' statistics
 * query through the gateway (BENCH_STATISTICS_REQUESTS each, default 30, one at a time), then
 * the query runner's rows/s exporting every application of the program.
 * With BENCH_PROGRAM_DATABASE_URL, it measures the program already written there (by
 * `npm run seed:large`, every agency in that one database) and neither seeds nor drops it.
 * Add a query to STATISTICS_QUERIES to measure it. Figures only.
 */
const NOMADS = Number(process.env.BENCH_PROGRAM_NOMADS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_STATISTICS_REQUESTS ?? 30);
const TODAY = '2026-11-24';
const EXISTING = process.env.BENCH_PROGRAM_DATABASE_URL;

/** (agency, name, query): the documented questions of docs/analysts.md. */
export const STATISTICS_QUERIES: readonly { agency: string; name: string; query: string }[] = [
  { agency: 'migration', name: 'applications per citizenship per month', query: '{ applicationStatistics(measures: [COUNT], groupBy: [CITIZENSHIP, SUBMITTED_MONTH]) { rows { count } total { count } } }' },
  { agency: 'migration', name: 'working days to decision per month', query: '{ applicationStatistics(measures: [COUNT, MEDIAN, P90], groupBy: [DECIDED_MONTH], filter: { states: [APPROVED, REFUSED] }) { rows { median p90 } total { count } } }' },
  { agency: 'migration', name: 'holders per status state on a day', query: '{ statusStatistics(asOf: "2026-06-30", groupBy: [STATE]) { rows { count } total { count } } }' },
  { agency: 'migration', name: 'renewals and expiries per year', query: '{ statusEventStatistics(measures: [RENEWALS, EXPIRIES], groupBy: [YEAR]) { rows { renewals expiries } } }' },
  { agency: 'labor', name: 'evaluations by verdict and activity', query: '{ evaluationStatistics(measures: [COUNT, MEDIAN_DAYS_TO_VERDICT], groupBy: [VERDICT, ACTIVITY]) { rows { count } total { count } } }' },
  { agency: 'labor', name: 'activity reports by quarter, late', query: '{ activityReportStatistics(measures: [COUNT, LATE_SHARE], groupBy: [PERIOD_QUARTER, LATE]) { rows { count lateShare } total { count } } }' },
  { agency: 'labor', name: 'monitoring cases by state and risk', query: '{ monitoringCaseStatistics(measures: [COUNT], groupBy: [STATE, RISK_LEVEL]) { rows { count } total { count } } }' },
  { agency: 'tax', name: 'declared income by quarter and activity', query: '{ declarationStatistics(measures: [COUNT, INCOME_SUM, INCOME_MEDIAN], groupBy: [QUARTER, ACTIVITY]) { rows { count } total { count } } }' },
  { agency: 'tax', name: 're-registration progress', query: '{ reregistrationStatistics(measures: [COUNT], groupBy: [OUTCOME, FAILURE_REASON]) { rows { count } total { count } } }' },
  { agency: 'security', name: 'screenings by outcome and month', query: '{ screeningStatistics(groupBy: [OUTCOME, CONCLUDED_MONTH]) { rows { count } total { count } } }' },
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function statisticsBench(): Promise<void> {
  const database = EXISTING ? { url: EXISTING, drop: () => Promise.resolve() } : await createTestDatabase('bench_program');
  let graph: Awaited<ReturnType<typeof startGraph>> | undefined;
  try {
    if (EXISTING) {
      console.log(`statistics benchmark: the program already in BENCH_PROGRAM_DATABASE_URL, ${REQUESTS} requests per query`);
    } else {
      const started = performance.now();
      const results = await seedLargeProgram({ today: TODAY, nomads: NOMADS, env: { DATABASE_URL: database.url }, logger: silentLogger });
      console.log(`statistics benchmark: ${NOMADS} nomads seeded in ${((performance.now() - started) / 1000).toFixed(1)} s (${results.map((r) => `${r.agency} ${r.seconds.toFixed(1)} s`).join(', ')}), ${REQUESTS} requests per query`);
    }
    graph = await startGraph({ today: TODAY, databaseUrls: Object.fromEntries(PROGRAM_SEEDERS.map((s) => [s.agency, database.url])) });
    const analyst = await token(['analyst']);
    for (const q of STATISTICS_QUERIES) {
      const latencies: number[] = [];
      let errors = 0;
      for (let i = 0; i < REQUESTS + 2; i++) {
        const t0 = performance.now();
        const res = await graph.request(analyst, q.query);
        // The first two warm the plan and the pools.
        if (i >= 2) latencies.push(performance.now() - t0);
        if (res.status !== 200 || res.body.errors) errors += 1;
      }
      latencies.sort((a, b) => a - b);
      console.log([`${q.agency}: ${q.name}`.padEnd(52), `p50 ${percentile(latencies, 50).toFixed(1).padStart(7)} ms`, `p99 ${percentile(latencies, 99).toFixed(1).padStart(7)} ms`, `${errors} errors`].join('  '));
    }
    await runnerBench(graph, analyst);
  } finally {
    await graph?.stop();
    await database.drop();
  }
}
