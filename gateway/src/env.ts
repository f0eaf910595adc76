import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  assertNoDevSecrets,
  baseEnvShape,
  DEV_PSEUDONYM_KEY,
  envBoolean,
  EnvError,
  envPort,
  parseEnv,
  processEnv,
  ROLES,
  type EnvSource,
  type Role,
} from '@nomad/contract';
import { AD_HOC_ROLES, readTrustedDocuments, TrustedDocumentsError, type TrustedDocumentsOptions } from './plugins/useTrustedDocuments.ts';
import { DEFAULT_COMPRESS_MIN_BYTES, type GatewayOptions } from './options.ts';

/** The typed operations package's manifest of registered operations (committed, like the supergraph). */
export const DEFAULT_TRUSTED_DOCUMENTS_PATH = fileURLToPath(new URL('../../clients/operations/src/generated/persisted-documents.json', import.meta.url));

/** The committed supergraph, resolved from this file so the gateway starts from any cwd. */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));
export const DEFAULT_COST_WEIGHTS_PATH = fileURLToPath(new URL('../../schema/costs.json', import.meta.url));

const positiveInt = z.coerce.number().int().positive();
const nonNegativeInt = z.coerce.number().int().min(0);
const positiveNumber = z.coerce.number().positive();

/** `CORS_ORIGINS`: comma-separated origins (`https://portal.example.kg`), or `loopback` for any localhost port. */
const corsOrigins = z
  .string()
  .transform((value) => value.split(',').map((o) => o.trim()).filter((o) => o !== ''))
  .pipe(
    z.array(
      z.union([
        z.literal('loopback'),
        z.string().regex(/^https?:\/\/[^/?#\s]+$/, 'each origin is scheme://host[:port] with no path, or the word loopback'),
      ]),
    ),
  );

/**
 * `TRUSTED_DOCUMENTS_OPEN_ROLES`: comma-separated role names, or the word `none`. A name that is
 * no role stops the gateway (a typo would otherwise close analysts out, or open nothing).
 */
const openRoles = z
  .string()
  // A value naming nothing (" , ") would close every role out as silently as a typo would.
  .refine((value) => value.trim() === 'none' || value.split(',').some((r) => r.trim() !== ''), 'names no role: give role names, comma-separated, or the word none')
  .transform((value) => (value.trim() === 'none' ? [] : value.split(',').map((r) => r.trim()).filter((r) => r !== '')))
  .pipe(
    z.array(z.enum(ROLES, { error: (issue) => `unknown role "${String(issue.input)}"; the roles are ${ROLES.join(', ')} (or the word none)` })),
  );

const gatewayEnvSchema = z
  .object({
    ...baseEnvShape,
    /** @default 4000 */
    GATEWAY_PORT: envPort.default(4000),
    /** Loopback by default: exposing the gateway is a deliberate act. @default '127.0.0.1' */
    GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
    /** @default DEFAULT_SUPERGRAPH_PATH (schema/supergraph.graphql in this repository) */
    SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH),
    /**
     * Follow SUPERGRAPH_PATH and plan over each recomposed version without a restart (`npm run
     * dev`). Refused when NODE_ENV=production: production plans over the supergraph it started
     * with, and a new one is a deployment. @default on when NODE_ENV=development, else off
     */
    SUPERGRAPH_WATCH: envBoolean.optional(),
    /** Deepest field nesting allowed, fragments included. @default 12 */
    MAX_DEPTH: positiveInt.default(12),
    /** Aliases per operation, fragments expanded. @default 30 */
    MAX_ALIASES: positiveInt.default(30),
    /** Directives per operation, fragments expanded. @default 50 */
    MAX_DIRECTIVES: positiveInt.default(50),
    /** Lexical tokens per document; stops the parser before it builds a huge AST. @default 5000 */
    MAX_TOKENS: positiveInt.default(5000),
    /** Estimated cost per operation (page sizes multiply). @default 50000 */
    MAX_COST: positiveInt.default(50_000),
    /** Estimated cost per operation for a caller with the `analyst` role. @default 500000 */
    ANALYST_MAX_COST: positiveInt.default(500_000),
    /** The cost of each `Type.field` that costs more than 1. @default DEFAULT_COST_WEIGHTS_PATH (schema/costs.json in this repository) */
    COST_WEIGHTS_PATH: z.string().min(1).default(DEFAULT_COST_WEIGHTS_PATH),
    /** Request body cap. @default 1048576 // 1 MiB */
    MAX_BODY_BYTES: positiveInt.default(1_048_576),
    /** @default on, except when NODE_ENV=production */
    GRAPHIQL: envBoolean.optional(),
    /** @default on, except when NODE_ENV=production */
    INTROSPECTION: envBoolean.optional(),
    /** How long one subgraph call may take before its agency counts as unavailable. @default 5000 // 5 seconds */
    SUBGRAPH_TIMEOUT_MS: positiveInt.default(5_000),
    /** Keep-alive connections to each subgraph replica, at most; more calls wait for a free one. @default 128 */
    SUBGRAPH_CONNECTIONS: positiveInt.default(128),
    /** Consecutive failed calls that open a subgraph's circuit. @default 5 */
    CIRCUIT_FAILURE_THRESHOLD: positiveInt.default(5),
    /**
     * How long an open circuit refuses calls before one trial call. @default 10000 // 10 seconds;
     * 1000 when NODE_ENV=development, where a subgraph restarting under `npm run dev` is back in
     * seconds and should answer at once
     */
    CIRCUIT_OPEN_MS: positiveInt.optional(),
    /** How long `/ready` waits for each subgraph's `/ready`. @default 800 // so /ready answers within 1 s */
    READY_TIMEOUT_MS: positiveInt.default(800),
    /** Browser origins allowed to call the graph. @default 'loopback' (any localhost port), except none when NODE_ENV=production */
    CORS_ORIGINS: corsOrigins.optional(),
    /** Allow cookies/HTTP auth from those origins (`Access-Control-Allow-Credentials`). @default off */
    CORS_CREDENTIALS: envBoolean.default(false),
    /** How long a browser may cache a preflight. @default 600 // 10 minutes */
    CORS_MAX_AGE_SECONDS: nonNegativeInt.default(600),
    /**
     * Trusted documents: accept only registered operations (sent by hash) from every role but
     * TRUSTED_DOCUMENTS_OPEN_ROLES (analysts), whose ad-hoc queries stay open; free text from others is refused
     * (PERSISTED_QUERY_REQUIRED). Off, registered hashes still run. @default on when NODE_ENV=production, else off
     */
    TRUSTED_DOCUMENTS: envBoolean.optional(),
    /**
     * Roles whose ad-hoc (free text) operations still run when TRUSTED_DOCUMENTS is on, under
     * every limit; `none` for no role. @default 'analyst' (AD_HOC_ROLES)
     */
    TRUSTED_DOCUMENTS_OPEN_ROLES: openRoles.optional(),
    /** The manifest of registered operations (`sha256:<hex>` → document). @default DEFAULT_TRUSTED_DOCUMENTS_PATH (clients/operations/src/generated/persisted-documents.json) */
    TRUSTED_DOCUMENTS_MANIFEST: z.string().min(1).default(DEFAULT_TRUSTED_DOCUMENTS_PATH),
    /** Token-bucket rate limits per principal and per client address. @default on, except when NODE_ENV=test */
    RATE_LIMIT: envBoolean.optional(),
    /** Sustained requests per second per principal. @default 20 */
    RATE_LIMIT_PRINCIPAL_PER_SECOND: positiveNumber.default(20),
    /** Burst per principal. @default 40 */
    RATE_LIMIT_PRINCIPAL_BURST: positiveInt.default(40),
    /** Sustained requests per second per client address. @default 50 */
    RATE_LIMIT_ADDRESS_PER_SECOND: positiveNumber.default(50),
    /** Burst per client address. @default 100 */
    RATE_LIMIT_ADDRESS_BURST: positiveInt.default(100),
    /** Behind one reverse proxy that appends X-Forwarded-For: take the client address from it. @default off */
    TRUST_PROXY: envBoolean.default(false),
    /** Verified tokens cached until they expire; 0 turns the cache off. @default 10000 */
    TOKEN_CACHE_SIZE: nonNegativeInt.default(10_000),
    /** Answers this large or larger go compressed (br or gzip, as the client accepts); 0 turns compression off. @default 4096 */
    COMPRESS_MIN_BYTES: nonNegativeInt.default(DEFAULT_COMPRESS_MIN_BYTES),
    /** Share of successful requests logged (failures always are). @default 1, or 0.1 when NODE_ENV=production */
    REQUEST_LOG_SAMPLE_RATE: z.coerce.number().min(0).max(1).optional(),
    /**
     * De-duplicate identical in-flight subgraph fetches of one caller (same token and purpose):
     * queries that read no personal field only. @default on
     */
    GATEWAY_DEDUPLICATE: envBoolean.default(true),
    /** Parsed and validated documents kept, in MiB. @default 30 */
    DOCUMENT_CACHE_MIB: positiveInt.default(30),
    /** Query plans kept, in MiB. @default 30 */
    QUERY_PLAN_CACHE_MIB: positiveInt.default(30),
    /**
     * The key of analysts' pseudonyms (keyed HMAC of each id; a study's key is derived from it).
     * At least 32 bytes, the same on every gateway replica: changing it changes every pseudonym.
     * @default DEV_PSEUDONYM_KEY (development only, refused when NODE_ENV=production)
     */
    PSEUDONYM_KEY: z
      .string()
      .refine((v) => Buffer.byteLength(v, 'utf8') >= 32, 'must be at least 32 bytes')
      .default(DEV_PSEUDONYM_KEY),
  })
  .transform((env) => {
    const production = env.NODE_ENV === 'production';
    return {
      ...env,
      SUPERGRAPH_WATCH: env.SUPERGRAPH_WATCH ?? env.NODE_ENV === 'development',
      CIRCUIT_OPEN_MS: env.CIRCUIT_OPEN_MS ?? (env.NODE_ENV === 'development' ? 1_000 : 10_000),
      GRAPHIQL: env.GRAPHIQL ?? !production,
      INTROSPECTION: env.INTROSPECTION ?? !production,
      CORS_ORIGINS: env.CORS_ORIGINS ?? (production ? [] : ['loopback']),
      TRUSTED_DOCUMENTS: env.TRUSTED_DOCUMENTS ?? production,
      TRUSTED_DOCUMENTS_OPEN_ROLES: env.TRUSTED_DOCUMENTS_OPEN_ROLES ?? ([...AD_HOC_ROLES] as Role[]),
      RATE_LIMIT: env.RATE_LIMIT ?? env.NODE_ENV !== 'test',
      REQUEST_LOG_SAMPLE_RATE: env.REQUEST_LOG_SAMPLE_RATE ?? (production ? 0.1 : 1),
    };
  });

export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

/** The gateway's own variables (beside `<NAME>_URL` and `<NAME>_GATEWAY_SECRET` per subgraph): deploy examples are checked against them. */
export const GATEWAY_ENV_KEYS: readonly string[] = Object.keys(gatewayEnvSchema.in.shape);

/**
 * The gateway's own settings. Subgraph URLs and credentials depend on the subgraphs the
 * supergraph names, so they are read afterwards by `loadSubgraphEnv`.
 * @throws EnvError listing every invalid variable
 */
export function loadGatewayEnv(source: EnvSource = processEnv()): GatewayEnv {
  const env = parseEnv(gatewayEnvSchema, source);
  assertNoDevSecrets(env, ['JWT_SECRET', 'PSEUDONYM_KEY']);
  if (env.NODE_ENV === 'production' && env.SUPERGRAPH_WATCH) {
    throw new EnvError(['SUPERGRAPH_WATCH: not allowed when NODE_ENV=production (deploy a new supergraph with a restart)']);
  }
  if (env.NODE_ENV === 'production' && env.TRUSTED_DOCUMENTS_OPEN_ROLES.includes('nomad')) {
    // Every applicant and holder has a nomad token: free query text for them is the public internet's.
    throw new EnvError(['TRUSTED_DOCUMENTS_OPEN_ROLES: nomad is not allowed when NODE_ENV=production (every citizen holds the role)']);
  }
  return env;
}

/** The gateway's options as the environment sets them (all but the supergraph and the subgraphs). */
export function gatewayOptionsOf(env: GatewayEnv): Omit<GatewayOptions, 'supergraphSdl' | 'subgraphUrls' | 'credentials' | 'logger'> {
  return {
    ...(env.SUPERGRAPH_WATCH ? { supergraphWatch: { path: env.SUPERGRAPH_PATH } } : {}),
    verifier: { secret: env.JWT_SECRET, jwksUrl: env.JWKS_URL, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE },
    limits: {
      maxDepth: env.MAX_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxDirectives: env.MAX_DIRECTIVES,
      maxTokens: env.MAX_TOKENS,
      maxCost: env.MAX_COST,
      analystMaxCost: env.ANALYST_MAX_COST,
      maxBodyBytes: env.MAX_BODY_BYTES,
    },
    graphiql: env.GRAPHIQL,
    introspection: env.INTROSPECTION,
    port: env.GATEWAY_PORT,
    host: env.GATEWAY_HOST,
    readyTimeoutMs: env.READY_TIMEOUT_MS,
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    subgraphConnections: env.SUBGRAPH_CONNECTIONS,
    circuit: { failureThreshold: env.CIRCUIT_FAILURE_THRESHOLD, openMs: env.CIRCUIT_OPEN_MS },
    cors: {
      origins: env.CORS_ORIGINS.filter((o) => o !== 'loopback'),
      allowLoopback: env.CORS_ORIGINS.includes('loopback'),
      credentials: env.CORS_CREDENTIALS,
      maxAgeSeconds: env.CORS_MAX_AGE_SECONDS,
    },
    ...(env.RATE_LIMIT
      ? {
          rateLimit: {
            perPrincipal: { perSecond: env.RATE_LIMIT_PRINCIPAL_PER_SECOND, burst: env.RATE_LIMIT_PRINCIPAL_BURST },
            perAddress: { perSecond: env.RATE_LIMIT_ADDRESS_PER_SECOND, burst: env.RATE_LIMIT_ADDRESS_BURST },
            trustProxy: env.TRUST_PROXY,
          },
        }
      : {}),
    tokenCacheSize: env.TOKEN_CACHE_SIZE,
    compressMinBytes: env.COMPRESS_MIN_BYTES,
    requestLogSampleRate: env.REQUEST_LOG_SAMPLE_RATE,
    deduplicate: env.GATEWAY_DEDUPLICATE,
    documentCacheMiB: env.DOCUMENT_CACHE_MIB,
    queryPlanCacheMiB: env.QUERY_PLAN_CACHE_MIB,
    pseudonymKey: env.PSEUDONYM_KEY,
  };
}

/**
 * The registered operations as the environment sets them: the manifest at
 * TRUSTED_DOCUMENTS_MANIFEST, enforced when TRUSTED_DOCUMENTS is on (production) for every role
 * but TRUSTED_DOCUMENTS_OPEN_ROLES. Without enforcement a missing or unreadable manifest only
 * means no hash is known.
 * @throws TrustedDocumentsError when enforced and the manifest is missing or invalid
 */
export async function trustedDocumentsOf(
  env: Pick<GatewayEnv, 'TRUSTED_DOCUMENTS' | 'TRUSTED_DOCUMENTS_MANIFEST' | 'TRUSTED_DOCUMENTS_OPEN_ROLES'>,
): Promise<TrustedDocumentsOptions | undefined> {
  try {
    return {
      documents: await readTrustedDocuments(env.TRUSTED_DOCUMENTS_MANIFEST),
      enforce: env.TRUSTED_DOCUMENTS,
      openRoles: env.TRUSTED_DOCUMENTS_OPEN_ROLES,
    };
  } catch (err) {
    if (err instanceof TrustedDocumentsError && !env.TRUSTED_DOCUMENTS) return undefined;
    throw err;
  }
}
