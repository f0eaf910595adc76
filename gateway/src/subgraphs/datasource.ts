import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Headers, type Principal } from '@nomad/contract';
import { SupergraphError } from '../supergraph.ts';
import type { CircuitBreaker } from './circuit-breaker.ts';
import { subgraphFetcher, type Fetcher, type SubgraphFetchOptions } from './fetcher.ts';
import { replicaUrls } from './replicas.ts';

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
    /** Deadline and circuit breaker: see `subgraphFetcher`. */
    fetcher: Fetcher,
  ) {
    // The data source hands this URL to the fetcher, which picks the replica itself.
    super({ url: replicaUrls(url)[0] ?? url, fetcher });
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

export interface SubgraphRouting {
  /** GraphQL endpoint per subgraph name, or its replicas' endpoints comma-separated. */
  urls: Readonly<Record<string, string>>;
  /** `x-gateway-credential` per subgraph name. */
  credentials: Readonly<Record<string, string>>;
  /** Deadline and circuit breaker settings, the same for every subgraph. */
  fetch: SubgraphFetchOptions;
}

/**
 * One data source per subgraph, each with its own circuit: what `ApolloGateway` calls
 * `buildService`. The circuits are returned so that `Retry-After` can say when they reopen.
 */
export function subgraphServices(routing: SubgraphRouting): {
  buildService: (definition: { name: string }) => SubgraphDataSource;
  circuits: CircuitBreaker[];
} {
  const circuits: CircuitBreaker[] = [];
  const buildService = ({ name }: { name: string }) => {
    const url = routing.urls[name];
    const credential = routing.credentials[name];
    if (!url || !credential) throw new SupergraphError(`No URL or credential configured for subgraph ${name}`);
    const { fetcher, circuit } = subgraphFetcher(name, replicaUrls(url), routing.fetch);
    circuits.push(circuit);
    return new SubgraphDataSource(url, credential, fetcher);
  };
  return { buildService, circuits };
}
