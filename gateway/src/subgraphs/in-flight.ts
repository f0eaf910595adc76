import { createHash } from 'node:crypto';
import type { GraphQLDataSource } from '@apollo/gateway';

/** What a data source answers for one fetch. */
export type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** What the data sources did since the gateway started: subgraph calls sent, and fetches served by another's call. */
export interface SubgraphFetchCounts {
  /** Calls handed to the fetcher (those its circuit or a network failure stopped included). */
  sent: number;
  /** Fetches that waited for an identical call of the same caller already in flight, and sent none. */
  deduplicated: number;
}

/** What makes two subgraph fetches identical: the same subgraph, caller, purpose and body. */
export interface FetchIdentity {
  subgraph: string;
  /** The bearer token; only its SHA-256 is kept in the key. */
  token: string;
  purpose: string | null;
  idempotencyKey: string | null;
  query: string;
  variables: Readonly<Record<string, unknown>> | undefined;
  operationName: string | undefined;
}

/**
 * The key of a fetch: its caller (the SHA-256 of the token) and the rest of what makes it
 * identical. Two different tokens or purposes never give the same key.
 */
export interface FetchKey {
  caller: string;
  fetch: string;
}

/** The caller part of a fetch's key. */
export function callerOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function fetchKey(identity: FetchIdentity): FetchKey {
  const { subgraph, purpose, idempotencyKey, query, variables, operationName } = identity;
  return { caller: callerOf(identity.token), fetch: JSON.stringify([subgraph, purpose, idempotencyKey, query, variables ?? null, operationName ?? null]) };
}

/** A query fetch, as the query planner writes it (`query …` or a bare selection set); never a mutation or subscription. */
export function isQueryText(query: string): boolean {
  return /^\s*(?:query\b|\{)/.test(query);
}

/**
 * A copy of a subgraph's answer for one caller: the executor merges into the data it gets,
 * rewrites it and adds `__typename`s, so two callers never get the same objects.
 */
export function copyResponse(response: SubgraphResponse): SubgraphResponse {
  const { http, ...body } = response;
  const copy: SubgraphResponse = structuredClone(body);
  if (http) copy.http = { headers: new Headers([...http.headers]), ...(http.status !== undefined ? { status: http.status } : {}) };
  return copy;
}

interface Flight<T> {
  promise: Promise<T>;
  /** Callers that joined it besides the one who sent it. */
  joined: number;
}

/**
 * De-duplication of identical in-flight subgraph fetches: while one is on its way, an
 * identical one (same key) waits for it and gets its own copy of the answer, or the same
 * error. The entry goes as soon as the call settles: it is not a cache, and the next
 * identical fetch is sent again.
 */
export class InFlightFetches {
  readonly counts: SubgraphFetchCounts = { sent: 0, deduplicated: 0 };
  /** Per caller, per fetch. */
  readonly #flights = new Map<string, Map<string, Flight<unknown>>>();

  /** `send()`, unless a fetch of the same key is in flight; a null key is never shared. */
  async share<T>(key: FetchKey | null, send: () => Promise<T>, copy: (value: T) => T): Promise<T> {
    if (key === null) {
      this.counts.sent += 1;
      return send();
    }
    const mine = this.#flights.get(key.caller);
    const inFlight = mine?.get(key.fetch) as Flight<T> | undefined;
    if (inFlight) {
      inFlight.joined += 1;
      this.counts.deduplicated += 1;
      return copy(await inFlight.promise);
    }
    this.counts.sent += 1;
    const flight: Flight<T> = { promise: send(), joined: 0 };
    const flights = mine ?? new Map<string, Flight<unknown>>();
    flights.set(key.fetch, flight);
    this.#flights.set(key.caller, flights);
    // The first reaction to the settlement: nobody joins a settled call.
    const settled = () => this.#remove(key, flight);
    flight.promise.then(settled, settled);
    const value = await flight.promise;
    // Whoever joined copies this value: the sender keeps it only when nobody did.
    return flight.joined === 0 ? value : copy(value);
  }

  /**
   * The caller is about to change something (a mutation): none of their fetches now in flight
   * is joined any more, so that what they ask next is read after the change, never before.
   */
  forget(caller: string): void {
    this.#flights.delete(caller);
  }

  #remove(key: FetchKey, flight: Flight<unknown>): void {
    const flights = this.#flights.get(key.caller);
    // A forgotten call settling must not take a newer identical one with it.
    if (flights?.get(key.fetch) !== flight) return;
    flights.delete(key.fetch);
    if (flights.size === 0) this.#flights.delete(key.caller);
  }
}
