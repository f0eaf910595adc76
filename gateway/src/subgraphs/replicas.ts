/**
 * Several replicas of one subgraph behind the gateway: `<AGENCY>_URL` takes a comma-separated
 * list, and calls go round robin over it. A replica that refuses the connection (nothing was
 * sent, so trying another is safe even for a mutation) is skipped for that call; any other
 * failure is the call's. For health-aware balancing, put a load balancer in front instead.
 */

/** The URLs of a `<AGENCY>_URL` value: comma-separated, blanks ignored. */
export function replicaUrls(value: string): string[] {
  return value
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
}

function refused(err: unknown): boolean {
  // undici's request API throws the socket's error; fetch wraps it as the cause.
  const error = err as { code?: unknown; cause?: { code?: unknown } } | null;
  return error?.code === 'ECONNREFUSED' || error?.cause?.code === 'ECONNREFUSED';
}

/** What a call to a subgraph sends. */
export interface CallInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** A fetch that sends each call to the next replica of `urls`, moving on past one that refuses the connection. */
export function roundRobinFetch<TResponse>(urls: readonly string[], doFetch: (url: string, init: CallInit) => Promise<TResponse>) {
  if (urls.length === 0) throw new Error('a subgraph needs at least one URL');
  let next = 0;
  return async (init: CallInit): Promise<TResponse> => {
    const start = next;
    next = (next + 1) % urls.length;
    let lastError: unknown;
    for (let i = 0; i < urls.length; i += 1) {
      const url = urls[(start + i) % urls.length] ?? '';
      try {
        return await doFetch(url, init);
      } catch (err) {
        if (!refused(err)) throw err;
        lastError = err;
      }
    }
    throw lastError;
  };
}
