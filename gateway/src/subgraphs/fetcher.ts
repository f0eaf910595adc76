import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, fetch } from 'undici';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.ts';
import { roundRobinFetch } from './replicas.ts';

/**
 * A subgraph did not answer: refused, timed out, answered 502/503/504, or its circuit is
 * open. Carries the subgraph's (the agency's) name, never its URL; the error masker turns it
 * into `AGENCY_UNAVAILABLE` naming the agency.
 */
export class AgencyUnavailableError extends Error {
  constructor(
    readonly agency: string,
    /** Why, for the operator's log: `timeout`, `circuit open`, `HTTP 503`, an errno. */
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`Agency ${agency} is unavailable (${reason}).`, options);
    this.name = 'AgencyUnavailableError';
  }
}

export interface SubgraphFetchOptions extends CircuitBreakerOptions {
  /**
   * How long one call to the subgraph may take, connection and answer; past it the call
   * fails (and counts against the circuit). @default 5_000 // 5 seconds
   */
  timeoutMs: number;
  /**
   * Keep-alive connections to each replica of the subgraph, at most; calls beyond them wait for
   * one to be free (within `timeoutMs`).
   */
  connections: number;
}

/** What a data source calls instead of its default fetch. */
export type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;

const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

function reasonOf(err: unknown): string {
  const error = err as { name?: unknown; code?: unknown; cause?: { code?: unknown } };
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timeout';
  const code = error.cause?.code ?? error.code;
  return typeof code === 'string' && /^E[A-Z_]+$/.test(code) ? code : 'fetch failed';
}

/**
 * Node's own fetch (undici, keep-alive) to one subgraph's replicas, round robin (see
 * `replicas.ts`), with a deadline per call and one circuit breaker for the subgraph. It
 * replaces the data source's default (make-fetch-happen, no deadline), so that a hanging
 * subgraph cannot hold the client's request, and a dead one is not called at all until its
 * circuit lets a trial call through.
 */
export function subgraphFetcher(
  agency: string,
  urls: readonly string[],
  options: SubgraphFetchOptions,
): { fetcher: Fetcher; circuit: CircuitBreaker } {
  const circuit = new CircuitBreaker(options);
  // Keep-alive connections to this subgraph's replicas, as many as configured per replica.
  const pool = new Agent({ connections: options.connections });
  // The undici package's fetch (Node's own is a bundled copy of it), which takes the pool.
  const send = roundRobinFetch(urls, (target, init) => fetch(target, { ...init, dispatcher: pool, signal: AbortSignal.timeout(options.timeoutMs) }));
  const fetcher: Fetcher = async (_input, init = {}) => {
    if (!circuit.allow()) throw new AgencyUnavailableError(agency, 'circuit open');
    let response: Awaited<ReturnType<typeof send>>;
    try {
      response = await send({
        ...(init.method !== undefined ? { method: init.method } : {}),
        ...(init.headers !== undefined ? { headers: init.headers } : {}),
        ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : new Uint8Array(init.body) } : {}),
      });
    } catch (err) {
      circuit.failed();
      throw new AgencyUnavailableError(agency, reasonOf(err), { cause: err });
    }
    if (UNAVAILABLE_STATUSES.has(response.status)) {
      circuit.failed();
      // Release the connection; the body says nothing a client may see.
      await response.body?.cancel();
      throw new AgencyUnavailableError(agency, `HTTP ${response.status}`);
    }
    circuit.succeeded();
    return response;
  };
  return { fetcher, circuit };
}
