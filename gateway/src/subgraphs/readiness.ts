import { replicaUrls } from './replicas.ts';

/** A subgraph's base URL: its GraphQL endpoint without the trailing `/graphql`. */
export function subgraphBaseUrl(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '').replace(/\/$/, '');
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/$/, '');
}

export interface Readiness {
  ready: boolean;
  /** Subgraph names (never URLs) whose `/ready` did not answer 200. */
  notReady: string[];
}

/**
 * Asks every subgraph's `/ready` at once; a timeout or refused connection counts as not ready.
 * A subgraph with several replicas (comma-separated URLs) is ready when one of them is.
 */
export async function checkSubgraphsReady(
  urls: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<Readiness> {
  const results = await Promise.all(
    Object.entries(urls).map(async ([name, value]) => {
      const answers = await Promise.all(
        replicaUrls(value).map(async (url) => {
          try {
            const response = await fetch(`${subgraphBaseUrl(url)}/ready`, { signal: AbortSignal.timeout(timeoutMs) });
            // Drain the body so the connection is released.
            await response.arrayBuffer();
            return response.status === 200;
          } catch {
            return false;
          }
        }),
      );
      return { name, ok: answers.includes(true) };
    }),
  );
  const notReady = results.filter((r) => !r.ok).map((r) => r.name);
  return { ready: notReady.length === 0, notReady };
}
