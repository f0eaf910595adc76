import { STATUS_CODES } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent } from 'undici';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.ts';
import { roundRobinFetch, type CallInit } from './replicas.ts';

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
/** What a fetcher answers: a Fetch API response as the data source reads it. */
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

function reasonOf(err: unknown): string {
  const error = err as { name?: unknown; code?: unknown; cause?: { code?: unknown } };
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timeout';
  const code = error.cause?.code ?? error.code;
  return typeof code === 'string' && /^E[A-Z_]+$/.test(code) ? code : 'fetch failed';
}

/** The headers of a subgraph's answer, as the data source reads them (`FetcherHeaders`), over undici's own record. */
class AnswerHeaders implements FetcherHeaders {
  readonly #map = new Map<string, string>();
  constructor(raw: Record<string, string | string[] | undefined>) {
    for (const [name, value] of Object.entries(raw)) if (value !== undefined) this.#map.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
  }
  append(name: string, value: string): void {
    const had = this.#map.get(name.toLowerCase());
    this.#map.set(name.toLowerCase(), had === undefined ? value : `${had}, ${value}`);
  }
  delete(name: string): void {
    this.#map.delete(name.toLowerCase());
  }
  get(name: string): string | null {
    return this.#map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.#map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.#map.set(name.toLowerCase(), value);
  }
  entries(): IterableIterator<[string, string]> {
    return this.#map.entries();
  }
  keys(): IterableIterator<string> {
    return this.#map.keys();
  }
  values(): IterableIterator<string> {
    return this.#map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#map.entries();
  }
}

/**
 * A subgraph's whole answer, read within the call's deadline, as the data source reads a
 * Fetch API response (`FetcherResponse`): a plain object over the text, none of the WHATWG
 * streams and wrappers that a `fetch` response costs on every call.
 */
export class SubgraphAnswer implements FetcherResponse {
  readonly redirected = false;
  #used = false;
  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: FetcherHeaders,
    body: string,
  ) {
    this.#body = body;
  }
  /** The text, until it is read (then dropped: the parsed answer is what the request keeps). */
  #body: string;
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  get statusText(): string {
    return STATUS_CODES[this.status] ?? '';
  }
  get bodyUsed(): boolean {
    return this.#used;
  }
  text(): Promise<string> {
    if (this.#used) return Promise.reject(new TypeError('Body is unusable: the answer was already read'));
    this.#used = true;
    const body = this.#body;
    this.#body = '';
    return Promise.resolve(body);
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = new TextEncoder().encode(await this.text());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  clone(): SubgraphAnswer {
    if (this.#used) throw new TypeError('Body is unusable: the answer was already read');
    return new SubgraphAnswer(this.url, this.status, new AnswerHeaders(Object.fromEntries(this.headers)), this.#body);
  }
}

/** A call that outlived its deadline. */
class DeadlineError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * One call over the pool with undici's own request API (no WHATWG fetch, no per-call
 * AbortSignal.timeout), the answer read whole before the deadline: connection, waiting for a
 * free one, headers and body all count against `timeoutMs`. An unavailable status's body is
 * discarded unread.
 */
export function poolCall(pool: Agent, timeoutMs: number) {
  const targets = new Map<string, { origin: string; path: string }>();
  return async (url: string, init: CallInit): Promise<SubgraphAnswer> => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      targets.set(url, target);
    }
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // undici heeds the signal only once the call has a socket: a call still waiting for a free
    // connection, or for one to open, is failed by the race instead (and aborted when it starts).
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = new DeadlineError(`no answer within ${timeoutMs} ms`);
        // Rejected first, so the race answers the deadline, never the aborted call's own error.
        reject(error);
        controller.abort(error);
      }, timeoutMs);
    });
    const call = (async () => {
      const res = await pool.request({
        origin: target.origin,
        path: target.path,
        method: (init.method ?? 'GET') as 'POST',
        headers: init.headers ?? {},
        body: init.body ?? null,
        signal: controller.signal,
      });
      if (UNAVAILABLE_STATUSES.has(res.statusCode)) {
        await res.body.dump();
        return new SubgraphAnswer(url, res.statusCode, new AnswerHeaders(res.headers), '');
      }
      return new SubgraphAnswer(url, res.statusCode, new AnswerHeaders(res.headers), await res.body.text());
    })();
    // The loser of the race settles later, unobserved.
    call.catch(() => undefined);
    try {
      return await Promise.race([call, deadline]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * Calls one subgraph's replicas over a keep-alive pool (undici), round robin (see
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
  // Opening a connection is bounded by the call's deadline too (undici's own default is 10 s).
  const pool = new Agent({ connections: options.connections, connect: { timeout: options.timeoutMs } });
  const send = roundRobinFetch(urls, poolCall(pool, options.timeoutMs));
  const fetcher: Fetcher = async (_input, init = {}) => {
    if (!circuit.allow()) throw new AgencyUnavailableError(agency, 'circuit open');
    let response: SubgraphAnswer;
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
      // The body says nothing a client may see (it was discarded unread).
      throw new AgencyUnavailableError(agency, `HTTP ${response.status}`);
    }
    circuit.succeeded();
    return response;
  };
  return { fetcher, circuit };
}
