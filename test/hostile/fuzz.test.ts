import { describe, expect, it } from 'vitest';
import { fuzzGraph } from '../src/fuzz.ts';

/**
 * Property-based fuzzing on every run of the suite: every mutation of the supergraph with
 * generated input, random schema-aware queries and SQL-metacharacter round trips, from every
 * role, against a real graph. `npm run test:fuzz` runs the same with 10,000 runs of each.
 */
describe('fuzzing the graph', () => {
  it('answers generated input without a 5xx, a masked internal error, a crash or personal data in a log, and stores text as sent', async () => {
    const counts = await fuzzGraph({ runs: Number(process.env.FUZZ_RUNS ?? 100) });
    const { examples, outcomes, ...figures } = counts;
    expect(figures.requests).toBeGreaterThan(200);
    expect(figures.roundTrips).toBeGreaterThan(5);
    // The input reaches the services: some answers are data, some the services' own refusals.
    expect(outcomes['200 data'] ?? 0, JSON.stringify(outcomes)).toBeGreaterThan(0);
    expect({ ...figures, requests: 0, roundTrips: 0 }, examples.join('\n')).toEqual({
      requests: 0,
      roundTrips: 0,
      serverErrors: 0,
      internalErrors: 0,
      crashes: 0,
      roundTripFailures: 0,
      personalDataInLogs: 0,
    });
  }, 300_000);
});
