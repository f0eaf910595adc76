import type { Stage } from './stage.ts';
import { succeeded, type BenchRequest, type Workload } from './workloads.ts';

/** Our gateway's name in every table. */
export const OURS = 'ours';
/** A one-subgraph read sent straight to its subgraph, with the gateway's credential: the floor. */
export const FLOOR = 'subgraph alone';

/**
 * The headers of every timed request: the officer's token, the purpose, and no compression
 * (`Accept-Encoding: identity`). The other gateways cannot compress, and on one machine
 * compressing an answer (ours does, for 4 KiB or more, to a client that takes it) and
 * inflating it again in the driver only costs: every contender sends the same bytes.
 */
export function benchHeaders(token: string, purpose: string): Record<string, string> {
  return { 'content-type': 'application/json', 'accept-encoding': 'identity', authorization: `Bearer ${token}`, 'x-purpose': purpose };
}

/** Where a workload's requests go, and with which headers. */
export interface Endpoint {
  name: string;
  url: string;
  headers: Record<string, string>;
}

/** Every gateway of the stage, then the floor if the workload reads one subgraph. */
export function endpointsFor(stage: Pick<Stage, 'ours' | 'others' | 'subgraphs'>, workload: Workload, headers: Record<string, string>): Endpoint[] {
  const endpoints: Endpoint[] = [{ name: OURS, url: stage.ours, headers }, ...stage.others.map((c) => ({ name: c.name, url: c.url, headers }))];
  if (workload.subgraph) {
    endpoints.push({ name: FLOOR, url: stage.subgraphs.urls[workload.subgraph] ?? '', headers: { ...headers, 'x-gateway-credential': stage.subgraphs.credentials[workload.subgraph] ?? '' } });
  }
  return endpoints;
}

/**
 * Sends the j-th prepared request to `endpoint` (a request's own `authorization` replaces the
 * endpoint's) and answers whether it succeeded: HTTP 2xx, a JSON body, no GraphQL error, no
 * user error. A failure's status and body, shortened, go to `failed`.
 */
export function sender(endpoint: Endpoint, request: (j: number) => BenchRequest, failed: (answer: string) => void): (j: number) => Promise<boolean> {
  return async (j) => {
    const { query, variables, authorization } = request(j);
    const headers = authorization ? { ...endpoint.headers, authorization } : endpoint.headers;
    const res = await fetch(endpoint.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const text = await res.text();
    let ok = res.ok;
    try {
      ok &&= succeeded(JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown[] });
    } catch {
      ok = false;
    }
    if (!ok) failed(`${res.status} ${text.slice(0, 300)}`);
    return ok;
  };
}
