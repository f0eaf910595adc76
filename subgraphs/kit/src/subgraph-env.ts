import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AGENCY_DEFAULT_PORTS, AGENCY_NAMES } from './agencies.ts';
import { DEFAULT_STATEMENT_TIMEOUT_MS } from './db/database.ts';
import { DEFAULT_ANALYST_STATEMENT_TIMEOUT_MS } from './db/analytics.ts';
import { baseEnvShape, DEV_GATEWAY_SECRET, DEV_SERVICE_SECRET, envBoolean, envPort } from './env.ts';
import { eventsTransportConfig, eventsTransportEnvShape } from './events/config.ts';
import { keysEnvShape } from './keys/load.ts';

/** The repository root (`.data/` lives there by default). */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const positiveInt = z.coerce.number().int().positive();
const nonNegativeInt = z.coerce.number().int().min(0);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL');
const secret = z.string().min(16, 'must be at least 16 characters');

/** Where the agency listens. */
function serverEnvShape(A: string, defaultPort: number) {
  return {
    [`${A}_PORT`]: envPort.default(defaultPort),
    [`${A}_HOST`]: z.string().min(1).default('127.0.0.1'),
  };
}

/** The database variables every agency shares. */
const sharedDatabaseEnvShape = {
  DATABASE_URL: postgresUrl.optional(),
  /** Parent folder of the embedded clusters. @default '<repo>/.data' */
  DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data')),
  /** Seed sample data into an empty database. @default true outside production */
  SEED: envBoolean.optional(),
};

/** The agency's database: which role serves and which migrates, where analysts read, the embedded clusters' folder, sample data. */
function databaseEnvShape(A: string) {
  return {
    /** The runtime role the service serves with (see docs/operators.md). @default DATABASE_URL, else embedded PostgreSQL */
    [`${A}_DATABASE_URL`]: postgresUrl.optional(),
    /** The owner role migrations run with; absent: `<A>_DATABASE_URL` migrates and serves (as the owner). */
    [`${A}_OWNER_DATABASE_URL`]: postgresUrl.optional(),
    /** Where analysts' questions run: a read replica of `<A>_DATABASE_URL` (never migrated nor written). @default the agency's own database */
    [`${A}_ANALYTICS_DATABASE_URL`]: postgresUrl.optional(),
    ...sharedDatabaseEnvShape,
  };
}

/** The statement timeouts every agency shares (an agency's own variable comes first). */
const sharedLimitsEnvShape = {
  STATEMENT_TIMEOUT_MS: nonNegativeInt.default(DEFAULT_STATEMENT_TIMEOUT_MS),
  ANALYST_STATEMENT_TIMEOUT_MS: nonNegativeInt.default(DEFAULT_ANALYST_STATEMENT_TIMEOUT_MS),
};

/** How long one statement may run in each of the agency's pools. */
function limitsEnvShape(A: string) {
  return {
    /** PostgreSQL statement_timeout of the agency's pool, agency variable first; 0 turns it off. @default 5000 */
    [`${A}_STATEMENT_TIMEOUT_MS`]: nonNegativeInt.optional(),
    /** PostgreSQL statement_timeout of the analysts' pool, agency variable first; 0 turns it off. @default 10000 */
    [`${A}_ANALYST_STATEMENT_TIMEOUT_MS`]: nonNegativeInt.optional(),
    ...sharedLimitsEnvShape,
  };
}

/** The credentials every agency shares. */
const sharedSecurityEnvShape = {
  /** Authenticates event deliveries between agencies (`x-service-credential`). @default DEV_SERVICE_SECRET (refused in production) */
  SERVICE_SECRET: secret.default(DEV_SERVICE_SECRET),
  /** Verified tokens cached until they expire (the gateway's variable too); 0 verifies every request. @default 10000 */
  TOKEN_CACHE_SIZE: nonNegativeInt.default(10_000),
};

/** Who may call the agency (the gateway, the other agencies) and the keys it signs and checks with. */
function securityEnvShape(A: string) {
  return {
    [`${A}_GATEWAY_SECRET`]: secret.default(DEV_GATEWAY_SECRET),
    ...sharedSecurityEnvShape,
    /** Ed25519 keys: the agency's own signing key and every agency's public key (dev keys in DATA_DIR/keys, refused in production). */
    ...keysEnvShape,
  };
}

/** `<AGENCY>_EVENTS_URL`: where each agency receives events. @default http://127.0.0.1:<its default port>/events */
const eventsUrlShape = Object.fromEntries(
  AGENCY_NAMES.map((name) => [`${name.toUpperCase()}_EVENTS_URL`, httpUrl.default(`http://127.0.0.1:${AGENCY_DEFAULT_PORTS[name]}/events`)]),
);

/** The outbox relay's pace. */
const relayEnvShape = {
  /** Relay: longest idle sleep; it wakes on the outbox's NOTIFY, so this is only a safety net. @default 30000 */
  EVENTS_POLL_INTERVAL_MS: positiveInt.default(30_000),
  /** Relay: deliveries sent per pass. @default 20 */
  EVENTS_BATCH_SIZE: positiveInt.default(20),
  /** Relay: attempts before a delivery is dead-lettered. @default 25 */
  EVENTS_MAX_ATTEMPTS: positiveInt.default(25),
  /** Relay: back-off ceiling after the first failure, doubling per failure. @default 1000 */
  EVENTS_BACKOFF_BASE_MS: positiveInt.default(1_000),
  /** Relay: largest back-off ceiling. @default 600000 // 10 minutes */
  EVENTS_BACKOFF_MAX_MS: positiveInt.default(600_000),
  /** Relay: a subscriber that has not answered by then counts as failed. @default 10000 */
  EVENTS_TIMEOUT_MS: positiveInt.default(10_000),
};

/** Events between agencies: where each receives them, the relay's pace, the transport. */
const eventsEnvShape = { ...eventsUrlShape, ...relayEnvShape, ...eventsTransportEnvShape };

/** The parsed variables whose names do not depend on the agency (theirs are read by name). */
type ParsedEnv = Record<string, unknown> &
  z.infer<
    z.ZodObject<
      typeof baseEnvShape &
        typeof sharedDatabaseEnvShape &
        typeof sharedLimitsEnvShape &
        typeof sharedSecurityEnvShape &
        typeof relayEnvShape
    >
  > &
  Parameters<typeof eventsTransportConfig>[0];

/** Where the agency's pools connect and how long their statements may run. */
function databaseConfig(A: string, env: ParsedEnv) {
  return {
    databaseUrl: (env[`${A}_DATABASE_URL`] as string | undefined) ?? env.DATABASE_URL,
    ownerDatabaseUrl: env[`${A}_OWNER_DATABASE_URL`] as string | undefined,
    dataDir: env.DATA_DIR,
    statementTimeoutMs: (env[`${A}_STATEMENT_TIMEOUT_MS`] as number | undefined) ?? env.STATEMENT_TIMEOUT_MS,
    /** Analysts' questions: their own pool (a replica when `url` is set) and statement timeout. */
    analytics: {
      url: env[`${A}_ANALYTICS_DATABASE_URL`] as string | undefined,
      statementTimeoutMs: (env[`${A}_ANALYST_STATEMENT_TIMEOUT_MS`] as number | undefined) ?? env.ANALYST_STATEMENT_TIMEOUT_MS,
    },
  };
}

function eventsConfig(env: ParsedEnv) {
  return {
    /** Each agency's `POST /events` URL, by agency name. */
    urls: Object.fromEntries(AGENCY_NAMES.map((name) => [name, env[`${name.toUpperCase()}_EVENTS_URL`] as string])),
    pollIntervalMs: env.EVENTS_POLL_INTERVAL_MS,
    batchSize: env.EVENTS_BATCH_SIZE,
    maxAttempts: env.EVENTS_MAX_ATTEMPTS,
    backoffBaseMs: env.EVENTS_BACKOFF_BASE_MS,
    backoffMaxMs: env.EVENTS_BACKOFF_MAX_MS,
    timeoutMs: env.EVENTS_TIMEOUT_MS,
    ...eventsTransportConfig(env),
  };
}

/**
 * Each agency reads `<AGENCY>_…` variables, falling back to the shared ones where that makes
 * sense. Several bad variables are reported together, part by part.
 */
export function subgraphEnvSchema(agency: string, defaultPort: number) {
  const A = agency.toUpperCase();
  return z
    .object({
      ...baseEnvShape,
      ...serverEnvShape(A, defaultPort),
      ...databaseEnvShape(A),
      ...limitsEnvShape(A),
      ...securityEnvShape(A),
      ...eventsEnvShape,
    })
    .transform((e) => {
      const env = e as ParsedEnv;
      return {
        nodeEnv: env.NODE_ENV,
        logLevel: env.LOG_LEVEL,
        jwt: { secret: env.JWT_SECRET, jwksUrl: env.JWKS_URL, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE },
        tokenCacheSize: env.TOKEN_CACHE_SIZE,
        port: env[`${A}_PORT`] as number,
        host: env[`${A}_HOST`] as string,
        ...databaseConfig(A, env),
        gatewaySecret: env[`${A}_GATEWAY_SECRET`] as string,
        seed: env.SEED ?? env.NODE_ENV !== 'production',
        serviceSecret: env.SERVICE_SECRET,
        events: eventsConfig(env),
        raw: env,
      };
    });
}

export type SubgraphEnv = z.infer<ReturnType<typeof subgraphEnvSchema>>;

/**
 * The variables every agency shares (not `<AGENCY>_…`): a new agency's name must not make one of
 * its own variables read as one of these (an agency `analyst` would make `ANALYST_STATEMENT_TIMEOUT_MS`
 * both the shared analysts' timeout and its own pool's).
 */
export function sharedSubgraphEnvKeys(): string[] {
  const probe = 'PROBE';
  // Not the probe's own variables, nor those named after each agency (their signing keys).
  const own = [probe, ...AGENCY_NAMES.map((a) => a.toUpperCase())].map((a) => `${a}_`);
  return Object.keys(subgraphEnvSchema(probe, 1).in.shape).filter((key) => !own.some((prefix) => key.startsWith(prefix)));
}
