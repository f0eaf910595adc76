import { createLogger, DEV_GATEWAY_SECRET, DEV_JWT_SECRET, DEV_PSEUDONYM_KEY, type Logger, type VerifierOptions } from '@nomad/contract';
import type { CorsOptions } from './plugins/useCors.ts';
import { DEFAULT_LIMITS, type Limits } from './plugins/useLimits.ts';
import type { BucketOptions } from './plugins/useRateLimit.ts';
import type { TrustedDocumentsOptions } from './plugins/useTrustedDocuments.ts';
import type { CircuitBreakerOptions } from './subgraphs/circuit-breaker.ts';
import type { SupergraphWatchOptions } from './supergraph-watch.ts';

/** Everything `createGateway` takes; `main.ts` fills it from the env module, tests from code. */
export interface GatewayOptions {
  /** The composed Federation 2 supergraph (`schema/supergraph.graphql`). Required. */
  supergraphSdl: string;
  /**
   * GraphQL endpoint per subgraph name (or its replicas' endpoints, comma-separated, called round
   * robin). Every subgraph the supergraph names must have one,
   * else `createGateway` throws a SupergraphError; the URLs written in the supergraph are
   * ignored. Required.
   */
  subgraphUrls: Readonly<Record<string, string>>;
  /**
   * Development only: follow the supergraph's file and plan over each new version without a
   * restart (`npm run dev` recomposes it when a subgraph's SDL changes). The gateway starts
   * from `supergraphSdl`. @default undefined // the supergraph is read once; production never watches
   */
  supergraphWatch?: SupergraphWatchOptions;
  /** `x-gateway-credential` per subgraph name. @default DEV_GATEWAY_SECRET for each subgraph */
  credentials?: Readonly<Record<string, string>>;
  /** How callers' JWTs are checked. @default { secret: DEV_JWT_SECRET } */
  verifier?: VerifierOptions;
  /** Any subset; the rest keep their defaults. @default DEFAULT_LIMITS */
  limits?: Partial<Limits>;
  /** Serve GraphiQL on `GET /graphql` and `GET /` to browsers. @default false */
  graphiql?: boolean;
  /** Answer introspection queries (and show "did you mean" hints). @default false */
  introspection?: boolean;
  /** Root logger; the gateway logs through children of it. @default createLogger('gateway', 'info') */
  logger?: Logger;
  /** 0 picks a free port (tests). @default 0 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** How long each subgraph's `/ready` may take before it counts as not ready. @default 800 // `/ready` answers within 1 s */
  readyTimeoutMs?: number;
  /** How long one subgraph call may take; past it the agency's fields error. @default 5_000 // 5 seconds */
  subgraphTimeoutMs?: number;
  /** Keep-alive connections to each subgraph replica, at most; more calls wait for a free one. @default 128 */
  subgraphConnections?: number;
  /** Per-subgraph circuit breaker. @default { failureThreshold: 5, openMs: 10_000 } */
  circuit?: Partial<Pick<CircuitBreakerOptions, 'failureThreshold' | 'openMs'>>;
  /** Browsers on other origins. @default { origins: [], allowLoopback: true, credentials: false, maxAgeSeconds: 600 } */
  cors?: Partial<CorsOptions>;
  /**
   * Token-bucket rate limits per verified principal and per client address. Off when absent
   * (tests); `main.ts` turns them on from RATE_LIMIT and friends. @default undefined // off
   */
  rateLimit?: { perPrincipal?: BucketOptions; perAddress?: BucketOptions; trustProxy?: boolean };
  /**
   * Registered operations (the typed operations package's manifest): their hashes run; with
   * `enforce`, free query text is refused but for analysts. `main.ts` reads the manifest
   * (TRUSTED_DOCUMENTS, TRUSTED_DOCUMENTS_MANIFEST). @default undefined // hashes unknown, free text runs
   */
  trustedDocuments?: TrustedDocumentsOptions;
  /** Verified tokens remembered until they expire; 0 turns the cache off. @default 10_000 */
  tokenCacheSize?: number;
  /**
   * Answers of this many bytes or more go compressed (br or gzip, as the client accepts); 0
   * turns compression off. @default DEFAULT_COMPRESS_MIN_BYTES // 4096
   */
  compressMinBytes?: number;
  /** Share of successful requests that get a log line (failures always do). @default 1 */
  requestLogSampleRate?: number;
  /** Parsed and validated documents kept, in MiB (Apollo's document store). @default 30 */
  documentCacheMiB?: number;
  /** Query plans kept, in MiB (the gateway's plan cache). @default 30 */
  queryPlanCacheMiB?: number;
  /** The key of analysts' pseudonyms (`usePseudonyms`), at least 32 bytes. @default DEV_PSEUDONYM_KEY */
  pseudonymKey?: string;
  /**
   * De-duplicate identical in-flight subgraph fetches of one caller (`useDeduplication`):
   * queries reading no personal field, within one token and purpose. @default true
   */
  deduplicate?: boolean;
  /**
   * The `Type.field` coordinates whose reads the subgraphs record (never de-duplicated).
   * @default loadPersonalFields() // schema/personal-fields.json and RECORDED_AS_PERSONAL
   */
  personalFields?: ReadonlySet<string>;
}

export type ResolvedOptions = Required<Omit<GatewayOptions, 'rateLimit' | 'credentials' | 'supergraphWatch' | 'trustedDocuments' | 'personalFields'>> &
  Pick<GatewayOptions, 'rateLimit' | 'supergraphWatch' | 'trustedDocuments'> & {
    limits: Limits;
    circuit: Pick<CircuitBreakerOptions, 'failureThreshold' | 'openMs'>;
    cors: CorsOptions;
  };

/** Answers this large or larger go compressed by default: smaller ones cost more to compress than they save. */
export const DEFAULT_COMPRESS_MIN_BYTES = 4096;

/** Fills every default in one place, so each is written once (and documented above). */
export function resolveOptions(options: GatewayOptions): ResolvedOptions {
  return {
    supergraphSdl: options.supergraphSdl,
    subgraphUrls: options.subgraphUrls,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.supergraphWatch ? { supergraphWatch: options.supergraphWatch } : {}),
    ...(options.trustedDocuments ? { trustedDocuments: options.trustedDocuments } : {}),
    verifier: options.verifier ?? { secret: DEV_JWT_SECRET },
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    graphiql: options.graphiql ?? false,
    introspection: options.introspection ?? false,
    logger: options.logger ?? createLogger('gateway', 'info'),
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    readyTimeoutMs: options.readyTimeoutMs ?? 800,
    subgraphTimeoutMs: options.subgraphTimeoutMs ?? 5_000,
    subgraphConnections: options.subgraphConnections ?? 128,
    circuit: { failureThreshold: 5, openMs: 10_000, ...options.circuit },
    cors: { origins: [], allowLoopback: true, credentials: false, maxAgeSeconds: 600, ...options.cors },
    tokenCacheSize: options.tokenCacheSize ?? 10_000,
    compressMinBytes: options.compressMinBytes ?? DEFAULT_COMPRESS_MIN_BYTES,
    requestLogSampleRate: options.requestLogSampleRate ?? 1,
    documentCacheMiB: options.documentCacheMiB ?? 30,
    queryPlanCacheMiB: options.queryPlanCacheMiB ?? 30,
    pseudonymKey: options.pseudonymKey ?? DEV_PSEUDONYM_KEY,
    deduplicate: options.deduplicate ?? true,
  };
}

/** The credential each subgraph gets: the configured one, else the development default. */
export function credentialsFor(names: readonly string[], configured: GatewayOptions['credentials']): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, configured?.[name] ?? DEV_GATEWAY_SECRET]));
}
