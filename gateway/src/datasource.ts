import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Headers, type Principal } from '@nomad/contract';
import { replicaUrls, roundRobinFetch } from './replicas.ts';

/** What the gateway knows about a request once it has let it in. */
export interface GatewayContext {
  /** The verified caller. */
  principal: Principal;
  /** The caller's bearer token, forwarded so each subgraph verifies it again. */
  token: string;
  /** Validated `x-purpose`, or null when the client sent none. */
  purpose: string | null;
  /** Correlates this request's log lines in the gateway and every subgraph. */
  requestId: string;
  /** Validated `idempotency-key`, or null. */
  idempotencyKey: string | null;
}

/**
 * Calls one subgraph. Builds the outgoing headers from the context alone: nothing the
 * client sent crosses except what the gateway validated, so a client cannot smuggle an
 * `x-gateway-credential` or `x-service-credential` of its own.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** @param url the subgraph's URL, or its replicas' URLs comma-separated (called round robin) */
  constructor(
    url: string,
    private readonly credential: string,
    timeoutMs: number,
  ) {
    const urls = replicaUrls(url);
    // Node's own fetch with a deadline, instead of make-fetch-happen without one: a
    // subgraph that hangs must not hold the client's request open.
    const send = roundRobinFetch(urls, (target, init) => fetch(target, { ...init, signal: AbortSignal.timeout(timeoutMs) }));
    super({
      url: urls[0] ?? url,
      fetcher: (_input, init = {}) =>
        send({
          ...(init.method !== undefined ? { method: init.method } : {}),
          ...(init.headers !== undefined ? { headers: init.headers } : {}),
          ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : new Uint8Array(init.body) } : {}),
        }),
    });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = options.request.http?.headers;
    if (!headers) return;
    // The gateway may add tracing headers of its own; keep only the body's content type.
    for (const [name] of [...headers]) {
      if (name.toLowerCase() !== 'content-type') headers.delete(name);
    }
    headers.set(Headers.gatewayCredential, this.credential);
    // Health checks and schema loading carry no request context; operations always do.
    if (!('incomingRequestContext' in options)) return;
    const context = options.context;
    headers.set(Headers.authorization, `Bearer ${context.token}`);
    headers.set(Headers.requestId, context.requestId);
    if (context.purpose !== null) headers.set(Headers.purpose, context.purpose);
    if (context.idempotencyKey !== null) headers.set(Headers.idempotencyKey, context.idempotencyKey);
  }
}
