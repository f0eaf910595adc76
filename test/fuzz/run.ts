/**
 * `npm run test:fuzz`: property-based fuzzing of the real graph (see `src/fuzz.ts`) with
 * FUZZ_RUNS runs of each property (default 10,000; FUZZ_SEED to replay one), on the server in
 * DATABASE_URL or an embedded one. Prints the counts and exits 1 unless every one is 0.
 */
import setupDatabase from '@nomad/kit/testing/global-setup';
import { fuzzGraph } from '../src/fuzz.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS must be a positive integer, not ${process.env.FUZZ_RUNS}`);

// Without DATABASE_URL: an embedded server for the run, stopped after; with it, nothing to stop.
const teardown = await setupDatabase();
let failed = true;
try {
  process.stdout.write(`fuzzing with ${runs} runs of each property (seed ${seed}) …\n`);
  const started = Date.now();
  const counts = await fuzzGraph({ runs, seed });
  const { examples, ...figures } = counts;
  process.stdout.write(
    [
      `requests sent:            ${figures.requests}`,
      `5xx answers:              ${figures.serverErrors}`,
      `internal errors (masked): ${figures.internalErrors}`,
      `crashes:                  ${figures.crashes}`,
      `round-trip failures:      ${figures.roundTripFailures} of ${figures.roundTrips}`,
      `personal data in logs:    ${figures.personalDataInLogs}`,
      `time:                     ${Math.round((Date.now() - started) / 1000)} s`,
      'answers by status and error code:',
      ...Object.entries(figures.outcomes)
        .sort((a, b) => b[1] - a[1])
        .map(([kind, n]) => `  ${String(n).padStart(7)}  ${kind}`),
      ...examples.map((e) => `  - ${e}`),
      '',
    ].join('\n'),
  );
  failed = figures.serverErrors + figures.internalErrors + figures.crashes + figures.roundTripFailures + figures.personalDataInLogs > 0;
} finally {
  await teardown?.();
}
process.exit(failed ? 1 : 0);
