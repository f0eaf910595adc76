import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Registry } from 'prom-client';
import { z } from 'zod';
import { AGENCY_DEFAULT_PORTS, AGENCY_NAMES } from './agencies.ts';
import { createTokenVerifier, type Principal } from './auth.ts';
import { DEFAULT_STATEMENT_TIMEOUT_MS, openDatabase, type Database, type Executor } from './db/database.ts';
import { DEFAULT_ANALYST_STATEMENT_TIMEOUT_MS, openAnalyticsDatabase } from './db/analytics.ts';
import {
  assertNoDevSecrets,
  baseEnvShape,
  DEV_GATEWAY_SECRET,
  DEV_SERVICE_SECRET,
  EnvError,
  envBoolean,
  envPort,
  parseEnv,
  processEnv,
  type EnvSource,
} from './env.ts';
import { eventsTransportConfig, eventsTransportEnvShape } from './events/config.ts';
import { requireCursorKeyInScope } from './pagination.ts';
import { exponentialBackoff, type Backoff } from './events/relay.ts';
import { startEventDelivery, type EventDelivery } from './events/runtime.ts';
import { eventsRoute, type EventHandlers } from './events/route.ts';
import { assertHandlers, assertSubscriptions, SubscriptionError } from './events/subscriptions.ts';
import type { EventTables } from './events/tables.ts';
import type { RouteHandler, SubgraphServer } from './http/server.ts';
import { createLogger, type Logger } from './logger.ts';
import { accessLedgerEventTypes, accessLedgerHandlers, startAccessLedger } from './access/wiring.ts';
import type { Sealer } from './access/sealer.ts';
import type { AgencyKeyring } from './keys/keyring.ts';
import { keysEnvShape, loadKeyring } from './keys/load.ts';

/** The repository root (`.data/` lives there by default). */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const positiveInt = z.coerce.number().int().positive();
const nonNegativeInt = z.coerce.number().int().min(0);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** `<AGENCY>_EVENTS_URL`: where each agency receives events. @default http://127.0.0.1:<its default port>/events */
const eventsUrlShape = Object.fromEntries(
  AGENCY_NAMES.map((name) => [`${name.toUpperCase()}_EVENTS_URL`, httpUrl.default(`http://127.0.0.1:${AGENCY_DEFAULT_PORTS[name]}/events`)]),
);

/** Each agency reads `<AGENCY>_…` variables, falling back to the shared ones where that makes sense. */
export function subgraphEnvSchema(agency: string, defaultPort: number) {
  const A = agency.toUpperCase();
  return z
    .object({
      ...baseEnvShape,
      [`${A}_PORT`]: envPort.default(defaultPort),
      [`${A}_HOST`]: z.string().min(1).default('127.0.0.1'),
      /** The runtime role the service serves with (see docs/operators.md). @default DATABASE_URL, else embedded PostgreSQL */
      [`${A}_DATABASE_URL`]: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
      /** The owner role migrations run with; absent: `<A>_DATABASE_URL` migrates and serves (as the owner). */
      [`${A}_OWNER_DATABASE_URL`]: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
      DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
      /** PostgreSQL statement_timeout of the agency's pool, agency variable first; 0 turns it off. @default 5000 */
      [`${A}_STATEMENT_TIMEOUT_MS`]: nonNegativeInt.optional(),
      STATEMENT_TIMEOUT_MS: nonNegativeInt.default(DEFAULT_STATEMENT_TIMEOUT_MS),
      /** Where analysts' questions run: a read replica of `<A>_DATABASE_URL` (never migrated nor written). @default the agency's own database */
      [`${A}_ANALYTICS_DATABASE_URL`]: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
      /** PostgreSQL statement_timeout of the analysts' pool, agency variable first; 0 turns it off. @default 10000 */
      [`${A}_ANALYST_STATEMENT_TIMEOUT_MS`]: nonNegativeInt.optional(),
      ANALYST_STATEMENT_TIMEOUT_MS: nonNegativeInt.default(DEFAULT_ANALYST_STATEMENT_TIMEOUT_MS),
      /** Parent folder of the embedded clusters. @default '<repo>/.data' */
      DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data')),
      [`${A}_GATEWAY_SECRET`]: z.string().min(16, 'must be at least 16 characters').default(DEV_GATEWAY_SECRET),
      /** Seed sample data into an empty database. @default true outside production */
      SEED: envBoolean.optional(),
      /** Authenticates event deliveries between agencies (`x-service-credential`). @default DEV_SERVICE_SECRET (refused in production) */
      SERVICE_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEV_SERVICE_SECRET),
      ...eventsUrlShape,
      /** Ed25519 keys: the agency's own signing key and every agency's public key (dev keys in DATA_DIR/keys, refused in production). */
      ...keysEnvShape,
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
      ...eventsTransportEnvShape,
    })
    .transform((e) => {
      const env = e as Record<string, unknown> &
        z.infer<z.ZodObject<typeof baseEnvShape>> & {
          DATA_DIR: string;
          STATEMENT_TIMEOUT_MS: number;
          ANALYST_STATEMENT_TIMEOUT_MS: number;
          SEED?: boolean;
          DATABASE_URL?: string;
          SERVICE_SECRET: string;
          EVENTS_POLL_INTERVAL_MS: number;
          EVENTS_BATCH_SIZE: number;
          EVENTS_MAX_ATTEMPTS: number;
          EVENTS_BACKOFF_BASE_MS: number;
          EVENTS_BACKOFF_MAX_MS: number;
          EVENTS_TIMEOUT_MS: number;
        } & Parameters<typeof eventsTransportConfig>[0];
      return {
        nodeEnv: env.NODE_ENV,
        logLevel: env.LOG_LEVEL,
        jwt: { secret: env.JWT_SECRET, jwksUrl: env.JWKS_URL, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE },
        port: env[`${A}_PORT`] as number,
        host: env[`${A}_HOST`] as string,
        databaseUrl: (env[`${A}_DATABASE_URL`] as string | undefined) ?? env.DATABASE_URL,
        ownerDatabaseUrl: env[`${A}_OWNER_DATABASE_URL`] as string | undefined,
        dataDir: env.DATA_DIR,
        statementTimeoutMs: (env[`${A}_STATEMENT_TIMEOUT_MS`] as number | undefined) ?? env.STATEMENT_TIMEOUT_MS,
        /** Analysts' questions: their own pool (a replica when `url` is set) and statement timeout. */
        analytics: {
          url: env[`${A}_ANALYTICS_DATABASE_URL`] as string | undefined,
          statementTimeoutMs: (env[`${A}_ANALYST_STATEMENT_TIMEOUT_MS`] as number | undefined) ?? env.ANALYST_STATEMENT_TIMEOUT_MS,
        },
        gatewaySecret: env[`${A}_GATEWAY_SECRET`] as string,
        seed: env.SEED ?? env.NODE_ENV !== 'production',
        serviceSecret: env.SERVICE_SECRET,
        events: {
          /** Each agency's `POST /events` URL, by agency name. */
          urls: Object.fromEntries(AGENCY_NAMES.map((name) => [name, env[`${name.toUpperCase()}_EVENTS_URL`] as string])),
          pollIntervalMs: env.EVENTS_POLL_INTERVAL_MS,
          batchSize: env.EVENTS_BATCH_SIZE,
          maxAttempts: env.EVENTS_MAX_ATTEMPTS,
          backoffBaseMs: env.EVENTS_BACKOFF_BASE_MS,
          backoffMaxMs: env.EVENTS_BACKOFF_MAX_MS,
          timeoutMs: env.EVENTS_TIMEOUT_MS,
          ...eventsTransportConfig(env),
        },
        raw: env,
      };
    });
}

export type SubgraphEnv = z.infer<ReturnType<typeof subgraphEnvSchema>>;

export interface SubgraphDeps<TSchema extends Record<string, unknown>> {
  env: SubgraphEnv;
  database: Database<TSchema>;
  /** Pass to `start…Subgraph({ analytics })`: the analysts' read-only pool (`openAnalyticsDatabase`). */
  analytics: Database<TSchema>;
  logger: Logger;
  verifyToken: (token: string) => Promise<Principal>;
  /** Pass to `startSubgraphServer({ registry })`: the event metrics are registered on it. */
  registry: Registry;
  /** Pass to `startSubgraphServer({ routes })`: `POST /events` when the agency receives events, else none. */
  routes: Record<string, RouteHandler>;
  /** The agency's signing key and the others' public keys (access-log seals, event signatures). */
  keyring: AgencyKeyring;
}

/** The events side of an agency: what it publishes goes out through its relay; what it receives, through its handlers. */
export interface SubgraphEventsOptions<TSchema extends Record<string, unknown>> {
  /** `eventTables(<schema>)` of the agency, as exported by its `db/schema.ts`. */
  tables: EventTables;
  /**
   * One handler per event type SUBSCRIPTIONS sends to this agency: a missing handler, or one
   * for a type the agency does not receive, stops the start with the list of mismatches.
   */
  handlers: EventHandlers<Executor<TSchema>>;
  /** Overrides the relay's back-off. @default exponentialBackoff from EVENTS_BACKOFF_BASE_MS and EVENTS_BACKOFF_MAX_MS */
  backoff?: Backoff;
}

export interface RunSubgraphOptions<TSchema extends Record<string, unknown>> {
  agency: string;
  defaultPort: number;
  schema: TSchema;
  /** Folder of the agency's generated drizzle migrations. */
  migrationsFolder: string;
  /** Fills an empty database with sample data (development). */
  seed?: (deps: SubgraphDeps<TSchema>) => Promise<void>;
  start: (deps: SubgraphDeps<TSchema>) => Promise<SubgraphServer>;
  /**
   * Events between agencies: the subscription table is checked, `POST /events` is added to
   * `deps.routes`, and the outbox relay runs from start-up until SIGINT/SIGTERM (stopped
   * before the server and the database). @default none: no route, no relay
   */
  events?: SubgraphEventsOptions<TSchema>;
  source?: EnvSource;
}

/**
 * The `main` of an agency subgraph: validated env, database (URL or embedded), migrations,
 * optional seed, server; stops cleanly on SIGINT/SIGTERM. A bad configuration prints every
 * problem and exits 1.
 */
export async function runSubgraph<TSchema extends Record<string, unknown>>(
  options: RunSubgraphOptions<TSchema>,
): Promise<void> {
  let env: SubgraphEnv;
  let keyring: AgencyKeyring;
  try {
    env = parseEnv(subgraphEnvSchema(options.agency, options.defaultPort), options.source ?? processEnv());
    if (env.ownerDatabaseUrl && !env.databaseUrl) {
      const A = options.agency.toUpperCase();
      throw new EnvError([`${A}_OWNER_DATABASE_URL: needs ${A}_DATABASE_URL (the runtime role) as well`]);
    }
    const secrets = ['JWT_SECRET', `${options.agency.toUpperCase()}_GATEWAY_SECRET`];
    // The service secret only guards something when the agency takes part in events.
    if (options.events) secrets.push('SERVICE_SECRET');
    assertNoDevSecrets({ ...env.raw }, secrets);
    if (options.events) {
      assertSubscriptions(AGENCY_NAMES);
      assertHandlers(options.agency, [...Object.keys(options.events.handlers), ...accessLedgerEventTypes(options.agency)]);
    }
    keyring = await loadKeyring({ agency: options.agency, env: env.raw as EnvSource, production: env.nodeEnv === 'production', dataDir: env.dataDir });
    // In production every cursor is sealed with the agency's own key, put in scope per request.
    if (env.nodeEnv === 'production') requireCursorKeyInScope();
  } catch (err) {
    if (err instanceof EnvError || err instanceof SubscriptionError) {
      process.stderr.write(`${options.agency}: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(options.agency, env.logLevel);
  let database: Database<TSchema> | undefined;
  let analytics: Database<TSchema> | undefined;
  let server: SubgraphServer | undefined;
  let relay: EventDelivery | undefined;
  let sealer: Sealer | undefined;
  let stopping = false;
  const stop = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // The sealer first: what was read before the stop is sealed (its outbox event waits for the next start if need be).
    await sealer?.stop().catch((err: unknown) => logger.error({ err }, 'access sealer stop failed'));
    // Then the relay: its pass in flight commits (or rolls back) while the database is still open.
    await relay?.stop().catch((err: unknown) => logger.error({ err }, 'event relay stop failed'));
    await server?.stop().catch((err: unknown) => logger.error({ err }, 'server stop failed'));
    await analytics?.close().catch((err: unknown) => logger.error({ err }, 'analytics database close failed'));
    await database?.close().catch((err: unknown) => logger.error({ err }, 'database close failed'));
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    database = await openDatabase({
      agency: options.agency,
      url: env.databaseUrl,
      migrationUrl: env.ownerDatabaseUrl,
      migrationsFolder: options.migrationsFolder,
      dataDir: env.dataDir,
      statementTimeoutMs: env.statementTimeoutMs,
      schema: options.schema,
      logger,
      // Crash-only: without its cluster the service stops, and its supervisor starts both afresh.
      onEmbeddedExit: () => void stop('embedded PostgreSQL exited', 1),
    });
    // Migrated by the owner role; the pool is the runtime role (or the owner, warned, with one URL).
    logger.info({ database: database.description }, 'database open');
    analytics = openAnalyticsDatabase(database, { agency: options.agency, schema: options.schema, ...env.analytics });
    logger.info({ database: analytics.description, statementTimeoutMs: env.analytics.statementTimeoutMs }, 'analytics database');
    const verifyToken = createTokenVerifier(env.jwt);
    const registry = new Registry();
    const events = options.events;
    const routes: Record<string, RouteHandler> = {};
    if (events) {
      routes['POST /events'] = eventsRoute({
        db: database.db,
        tables: events.tables,
        agency: options.agency,
        handlers: { ...events.handlers, ...accessLedgerHandlers(options.agency, keyring) },
        keyring,
        serviceSecret: env.serviceSecret,
        logger,
        registry,
      });
    }
    const deps: SubgraphDeps<TSchema> = { env, database, analytics, logger, verifyToken, registry, routes, keyring };
    if (env.seed && options.seed) await options.seed(deps);
    server = await options.start(deps);
    if (!stopping) sealer = startAccessLedger({ agency: options.agency, db: database.db, keyring, logger });
    if (events) {
      // A start function that drops deps.routes would leave producers retrying into a 404.
      if (!server.routes.includes('POST /events') || server.registry !== registry) {
        throw new Error('events: pass deps.routes and deps.registry to startSubgraphServer');
      }
      // A signal that arrived during start-up has already begun the shutdown: no relay then.
      if (!stopping) {
        relay = await startEventDelivery({
          agency: options.agency,
          database,
          tables: events.tables,
          // The same handlers as POST /events: on NATS the ledger's seals arrive this way too.
          handlers: { ...events.handlers, ...accessLedgerHandlers(options.agency, keyring) },
          config: env.events,
          http: { urls: env.events.urls, serviceSecret: env.serviceSecret },
          relay: {
            ...env.events,
            backoff: events.backoff ?? exponentialBackoff({ baseMs: env.events.backoffBaseMs, maxMs: env.events.backoffMaxMs }),
          },
          logger,
          registry,
          keyring,
        });
      }
    }
  } catch (err) {
    logger.fatal({ err }, `${options.agency} subgraph failed to start`);
    await sealer?.stop().catch(() => undefined);
    await relay?.stop().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await analytics?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    process.exit(1);
  }
}
