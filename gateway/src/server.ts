import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerOptions } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled, ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode, GraphQLFormattedError, ParseOptions } from 'graphql';
import { disableApolloTelemetry, type Logger } from '@nomad/contract';
import { createOperationHandler } from './http/graphql.ts';
import { createRequestHandler } from './http/pipeline.ts';
import { credentialsFor, resolveOptions, type GatewayOptions, type ResolvedOptions } from './options.ts';
import type { GatewayPlugin } from './plugins/types.ts';
import { useAuth } from './plugins/useAuth.ts';
import { useCors } from './plugins/useCors.ts';
import { composedWith, fetchPersonalCheck, loadPersonalFields, useDeduplication } from './plugins/useDeduplication.ts';
import { useErrorMasking } from './plugins/useErrorMasking.ts';
import { useForwardedHeaders } from './plugins/useForwardedHeaders.ts';
import { useGraphiQL } from './plugins/useGraphiQL.ts';
import { useLimits } from './plugins/useLimits.ts';
import { usePseudonyms } from './plugins/usePseudonyms.ts';
import { useRateLimit } from './plugins/useRateLimit.ts';
import { useReadiness } from './plugins/useReadiness.ts';
import { useRequestId } from './plugins/useRequestId.ts';
import { useRequestLog } from './plugins/useRequestLog.ts';
import { useStatusCodes } from './plugins/useStatusCodes.ts';
import { useTrustedDocuments } from './plugins/useTrustedDocuments.ts';
import { enforceSharedScalars } from './scalars.ts';
import type { CircuitBreaker } from './subgraphs/circuit-breaker.ts';
import { subgraphServices, type GatewayContext, type SubgraphDataSource } from './subgraphs/datasource.ts';
import type { SubgraphFetchCounts } from './subgraphs/in-flight.ts';
import { checkSubgraphsReady, type Readiness } from './subgraphs/readiness.ts';
import { SupergraphError, subgraphNamesOf } from './supergraph.ts';
import { watchedSupergraph } from './supergraph-watch.ts';

export type { GatewayOptions } from './options.ts';

export interface Gateway {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  port: number;
  server: Server;
  /** Asks every subgraph's `/ready`; what `GET /ready` answers. */
  checkReady(): Promise<Readiness>;
  /** Subgraph calls sent since the start, and fetches served by an identical call in flight. */
  subgraphFetches(): SubgraphFetchCounts;
  /** Stops accepting requests, lets in-flight ones finish, then stops the gateway. */
  stop(): Promise<void>;
}

type ApolloLogger = NonNullable<ApolloServerOptions<GatewayContext>['logger']>;

/** Apollo logs plain strings; give them a source so they can be told from ours. */
function apolloLogger(logger: Logger): ApolloLogger {
  return {
    debug: (message: unknown) => logger.debug(String(message)),
    info: (message: unknown) => logger.info(String(message)),
    warn: (message: unknown) => logger.warn(String(message)),
    error: (message: unknown) => logger.error(String(message)),
  };
}

/** The gateway's concerns, in the order their hooks run. */
/** Apollo's gateway over the supergraph (a static one, or one that follows its file), calling the subgraphs through `buildService`. */
function apolloGateway(o: ResolvedOptions, names: readonly string[], buildService: (definition: { name: string }) => SubgraphDataSource): ApolloGateway {
  // Before the constructor, which is where @apollo/gateway starts its telemetry.
  disableApolloTelemetry();
  return new ApolloGateway({
    supergraphSdl: o.supergraphWatch
      ? watchedSupergraph(o.supergraphSdl, o.supergraphWatch, names, o.logger.child({ source: 'supergraph' }))
      : o.supergraphSdl,
    logger: apolloLogger(o.logger.child({ source: 'apollo-gateway' })),
    buildService,
    experimental_approximateQueryPlanStoreMiB: o.queryPlanCacheMiB,
    // Each fetch's document, parsed once with its plan: de-duplication reads it for personal fields.
    queryPlannerConfig: { exposeDocumentNodeInFetchNode: true },
  });
}

/**
 * The personal fields, and whether identical fetches may be shared: only when the personal
 * fields are those of the supergraph served (composed with it; a supergraph composed
 * elsewhere, or one that follows its file, may serve a personal field the list lacks).
 */
async function sharing(options: GatewayOptions, o: ResolvedOptions): Promise<{ personalFields: ReadonlySet<string>; deduplicate: boolean }> {
  // Given by the caller (tests), who vouches for them.
  if (options.personalFields) return { personalFields: options.personalFields, deduplicate: o.deduplicate };
  // Loaded whether or not de-duplication is on: a missing file stops the start either way.
  const personal = await loadPersonalFields();
  if (!o.deduplicate) return { personalFields: personal.fields, deduplicate: false };
  if (o.supergraphWatch) {
    o.logger.info('De-duplication of identical subgraph fetches is off while SUPERGRAPH_WATCH follows the supergraph file.');
    return { personalFields: personal.fields, deduplicate: false };
  }
  if (!composedWith(personal, o.supergraphSdl)) {
    o.logger.warn('schema/personal-fields.json was composed with another supergraph: de-duplication of identical subgraph fetches is off (run npm run compose).');
    return { personalFields: personal.fields, deduplicate: false };
  }
  return { personalFields: personal.fields, deduplicate: true };
}

function plugins(o: ResolvedOptions, checkReady: () => Promise<Readiness>, circuits: readonly CircuitBreaker[], personalFields: ReadonlySet<string>): GatewayPlugin[] {
  const limits = o.rateLimit;
  const trustProxy = limits?.trustProxy ?? false;
  return [
    useRequestId(),
    useRequestLog({ logger: o.logger, sampleRate: o.requestLogSampleRate }),
    useCors(o.cors),
    useReadiness({ check: checkReady }),
    ...(o.graphiql ? [useGraphiQL()] : []),
    ...(limits?.perAddress ? [useRateLimit({ by: 'address', trustProxy, ...limits.perAddress })] : []),
    useAuth({ verifier: o.verifier, cacheSize: o.tokenCacheSize }),
    ...(limits?.perPrincipal ? [useRateLimit({ by: 'principal', ...limits.perPrincipal })] : []),
    useForwardedHeaders(),
    // After auth (its body hook asks the caller's roles), before Apollo parses anything.
    ...(o.trustedDocuments ? [useTrustedDocuments(o.trustedDocuments)] : []),
    useLimits(o.limits),
    useStatusCodes({ retryAfterSeconds: () => Math.max(0, ...circuits.map((c) => c.retryAfterSeconds())) }),
    ...(o.deduplicate ? [useDeduplication({ personalFields })] : []),
    // Analysts get pseudonyms for every ID in the final answer (the subgraphs keep real ids in the plan).
    usePseudonyms({ key: o.pseudonymKey }),
    // Last: it formats what every other plugin's errors became.
    useErrorMasking({ logger: o.logger }),
  ];
}

function chainFormatters(all: readonly GatewayPlugin[]): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  const formatters = all.flatMap((p) => (p.apollo?.formatError ? [p.apollo.formatError] : []));
  return (formatted, error) => formatters.reduce((current, format) => format(current, error), formatted);
}

function createApollo(o: ResolvedOptions, gateway: ApolloGateway, all: readonly GatewayPlugin[], httpServer: Server) {
  return new ApolloServer<GatewayContext>({
    gateway,
    introspection: o.introspection,
    // Without introspection, "Did you mean …?" hints would leak the schema anyway.
    hideSchemaDetailsFromClientErrors: !o.introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Apollo's APQ stays off: useTrustedDocuments swaps a registered hash for its text first, so
    // every request reaches Apollo with its query text and the limits always see what runs.
    persistedQueries: false,
    // main.ts owns the signals so that it can exit with a status of its choosing.
    stopOnTerminationSignals: false,
    documentStore: new InMemoryLRUCache<DocumentNode>({
      maxSize: 2 ** 20 * o.documentCacheMiB,
      // A static helper that uses no `this`.
      // eslint-disable-next-line @typescript-eslint/unbound-method
      sizeCalculation: InMemoryLRUCache.sizeCalculation,
    }),
    parseOptions: Object.assign({}, ...all.map((p) => p.apollo?.parseOptions ?? {})) as ParseOptions,
    validationRules: all.flatMap((p) => p.apollo?.validationRules ?? []),
    formatError: chainFormatters(all),
    logger: apolloLogger(o.logger.child({ source: 'apollo' })),
    plugins: [
      ...all.flatMap((p) => p.apollo?.plugins ?? []),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The landing page loads from a CDN; GraphiQL is served offline instead.
      ApolloServerPluginLandingPageDisabled(),
      // An APOLLO_KEY in the environment must never ship operations or schemas to a vendor's cloud.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // Every answer is `no-store` (http/graphql.ts): no cache hints to compute per request.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}

async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/**
 * Starts the gateway: Apollo Gateway (a static supergraph, or in development one that follows
 * its file) inside Apollo Server 5, served by
 * a small node:http handler that runs the gateway's plugins (`plugins/use*.ts`) around it.
 * This function only assembles them.
 *
 * Routes: `POST /graphql` (operations: the query text, or in production a registered
 * operation's hash), `GET /graphql` and `GET /` (GraphiQL, when enabled,
 * for browsers), `GET /health`, `GET /ready`, `OPTIONS` anywhere (CORS preflight).
 *
 * @throws SupergraphError when the supergraph does not parse or a subgraph has no URL
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const o = resolveOptions(options);
  const names = subgraphNamesOf(o.supergraphSdl);
  const missing = names.filter((name) => !o.subgraphUrls[name]);
  if (missing.length > 0) throw new SupergraphError(`No URL configured for subgraph(s): ${missing.join(', ')}`);
  const urls = Object.fromEntries(names.map((name) => [name, o.subgraphUrls[name] ?? '']));
  const { personalFields, deduplicate } = await sharing(options, o);
  const { buildService, circuits, inFlight } = subgraphServices({
    urls,
    credentials: credentialsFor(names, options.credentials),
    fetch: { timeoutMs: o.subgraphTimeoutMs, connections: o.subgraphConnections, ...o.circuit },
    readsPersonal: fetchPersonalCheck(personalFields),
  });

  const gateway = apolloGateway(o, names, buildService);
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => enforceSharedScalars(apiSchema));

  const checkReady = () => checkSubgraphsReady(urls, o.readyTimeoutMs);
  const all = plugins({ ...o, deduplicate }, checkReady, circuits, personalFields);
  const httpServer = createServer();
  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = 60_000;
  const apollo = createApollo(o, gateway, all, httpServer);
  httpServer.on('request', createRequestHandler(all, createOperationHandler(apollo, {
      maxBodyBytes: o.limits.maxBodyBytes,
      compressMinBytes: o.compressMinBytes,
      bodyHooks: all.flatMap((p) => (p.onBody ? [p.onBody] : [])),
    }), o.logger));

  await apollo.start();
  let port: number;
  try {
    port = await listen(httpServer, o.port, o.host);
  } catch (err) {
    await apollo.stop();
    throw err;
  }
  const shownHost = o.host === '0.0.0.0' || o.host === '::' ? '127.0.0.1' : o.host.includes(':') ? `[${o.host}]` : o.host;
  o.logger.info({ port, subgraphs: names }, 'gateway listening');

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    server: httpServer,
    checkReady,
    subgraphFetches: () => ({ ...inFlight.counts }),
    // The drain plugin closes the HTTP server as part of Apollo's stop.
    stop: () => (stopping ??= apollo.stop()),
  };
}
