import { Registry } from 'prom-client';
import { AGENCY_NAMES } from './agencies.ts';
import { createTokenVerifier, type Principal } from './auth.ts';
import { openDatabase, type Database, type Executor } from './db/database.ts';
import { openAnalyticsDatabase } from './db/analytics.ts';
import { assertNoDevSecrets, EnvError, parseEnv, processEnv, type EnvSource } from './env.ts';
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
import { loadKeyring } from './keys/load.ts';
import { subgraphEnvSchema, type SubgraphEnv } from './subgraph-env.ts';

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
