import { performance } from 'node:perf_hooks';

/**
 * Sends requests `0 … requests-1` through `clients` concurrent workers, each taking the next
 * index as soon as it is free: what every benchmark here measures. `send` answers whether the
 * request succeeded (`false` counts an error). Warm-ups are the caller's.
 */
export async function drive(clients: number, requests: number, send: (i: number) => Promise<boolean | void>): Promise<{ elapsed: number; latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requests) {
        const i = next++;
        const t0 = performance.now();
        if ((await send(i)) === false) errors++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { elapsed: (performance.now() - started) / 1000, latencies, errors };
}
