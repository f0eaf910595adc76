import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { Headers, type Principal } from '@nomad/contract';
import { SupergraphError } from '../supergraph.ts';
import type { CircuitBreaker } from './circuit-breaker.ts';
import { subgraphFetcher, type Fetcher, type SubgraphFetchOptions } from './fetcher.ts';
import { callerOf, copyResponse, fetchKey, InFlightFetches, isQueryText, type FetchKey, type SubgraphResponse } from './in-flight.ts';
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
  /**
   * Whether this request's subgraph fetches may wait for an identical one of the same caller
   * (same token and purpose) already in flight: a query that reads no personal field, decided
   * by `useDeduplication` once the operation is known. False until then, and when it is off.
   */
  shareFetches: boolean;
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
    /** The subgraph's name, in the key of its fetches. */
    private readonly subgraph: string,
    /** Identical fetches in flight, shared by every subgraph's data source; counts every call. */
    private readonly inFlight: InFlightFetches = new InFlightFetches(),
    /** Whether a fetch's own document reads a personal field (`fetchPersonalCheck`); such a fetch is never shared. @default every fetch does */
    private readonly readsPersonal: (schema: GraphQLSchema, document: DocumentNode | undefined) => boolean = () => true,
  ) {
    // The data source hands this URL to the fetcher, which picks the replica itself.
    super({ url: replicaUrls(url)[0] ?? url, fetcher });
  }

  /**
   * Sends the fetch, or waits for the identical one of the same caller in flight
   * (`InFlightFetches`): only within one token and purpose, only for a query, and only when
   * neither the request (`GatewayContext.shareFetches`) nor the fetch itself, with the keys
   * and fields the planner added, reads a personal field. Each caller gets its own copy of the
   * answer. A caller's mutation ends the sharing of their fetches in flight, so that what they
   * read next is read after it.
   */
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    return this.inFlight.share(this.shareKey(options), () => this.send(options), copyResponse);
  }

  /**
   * One call to the subgraph: the fetch's body, the headers from the context alone, the answer
   * read as JSON (a non-2xx answer becomes the inherited `errorFromResponse`'s error). It is
   * what the inherited `process` does, less what this gateway never uses: persisted queries
   * (off), the subgraph's cache-control hints (it answers `no-store` whatever a subgraph says:
   * http/graphql.ts), and the node-fetch `Request` and `Headers` built for hooks not
   * overridden here, a twentieth of the gateway's time.
   */
  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const { http: _http, query, ...rest } = options.request;
    if (!query) throw new Error('Missing query');
    const response = await this.fetcher(this.url, { method: 'POST', headers: this.headersOf(options), body: JSON.stringify({ query, ...rest }) });
    if (!response.ok) throw await this.errorFromResponse(response);
    const body = await this.parseBody(response);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    return { ...body, http: response };
  }

  /** The fetch's key, or null when it must go to the subgraph on its own. */
  private shareKey(options: GraphQLDataSourceProcessOptions<GatewayContext>): FetchKey | null {
    if (!('incomingRequestContext' in options)) return null;
    const { context, schema } = options.incomingRequestContext;
    const { query, variables, operationName } = options.request;
    if (query === undefined || !isQueryText(query)) {
      this.inFlight.forget(callerOf(context.token));
      return null;
    }
    if (!context.shareFetches || this.readsPersonal(schema, options.document)) return null;
    return fetchKey({
      subgraph: this.subgraph,
      token: context.token,
      purpose: context.purpose,
      idempotencyKey: context.idempotencyKey,
      query,
      variables,
      operationName,
    });
  }

  /** The call's headers: its content type and the gateway's credential, and for an operation the caller's token, request id, purpose and idempotency key. */
  private headersOf(options: GraphQLDataSourceProcessOptions<GatewayContext>): Record<string, string> {
    const headers: Record<string, string> = { 'content-type': 'application/json', [Headers.gatewayCredential]: this.credential };
    // Health checks and schema loading carry no request context; operations always do.
    if (!('incomingRequestContext' in options)) return headers;
    const context = options.context;
    headers[Headers.authorization] = `Bearer ${context.token}`;
    headers[Headers.requestId] = context.requestId;
    if (context.purpose !== null) headers[Headers.purpose] = context.purpose;
    if (context.idempotencyKey !== null) headers[Headers.idempotencyKey] = context.idempotencyKey;
    return headers;
  }
}

export interface SubgraphRouting {
  /** GraphQL endpoint per subgraph name, or its replicas' endpoints comma-separated. */
  urls: Readonly<Record<string, string>>;
  /** `x-gateway-credential` per subgraph name. */
  credentials: Readonly<Record<string, string>>;
  /** Deadline and circuit breaker settings, the same for every subgraph. */
  fetch: SubgraphFetchOptions;
  /** Whether a fetch's own document reads a personal field (never shared). @default every fetch does */
  readsPersonal?: (schema: GraphQLSchema, document: DocumentNode | undefined) => boolean;
}

/**
 * One data source per subgraph, each with its own circuit: what `ApolloGateway` calls
 * `buildService`. The circuits are returned so that `Retry-After` can say when they reopen,
 * and the fetches in flight for their counts.
 */
export function subgraphServices(routing: SubgraphRouting): {
  buildService: (definition: { name: string }) => SubgraphDataSource;
  circuits: CircuitBreaker[];
  inFlight: InFlightFetches;
} {
  const circuits: CircuitBreaker[] = [];
  const inFlight = new InFlightFetches();
  const buildService = ({ name }: { name: string }) => {
    const url = routing.urls[name];
    const credential = routing.credentials[name];
    if (!url || !credential) throw new SupergraphError(`No URL or credential configured for subgraph ${name}`);
    const { fetcher, circuit } = subgraphFetcher(name, replicaUrls(url), routing.fetch);
    circuits.push(circuit);
    return new SubgraphDataSource(url, credential, fetcher, name, inFlight, routing.readsPersonal);
  };
  return { buildService, circuits, inFlight };
}
