import { Registry } from 'prom-client';
import { AGENCY_NAMES } from './agencies.ts';
import { subgraphTokenVerifier, type Principal } from './auth.ts';
import { openDatabase, type Database, type Executor } from './db/database.ts';
import { openAnalyticsDatabase } from './db/analytics.ts';
import { assertNoDevSecrets, EnvError, parseEnv, processEnv, type EnvSource } from './env.ts';
import { cursorKeyOf, requireCursorKeyInScope, useProcessCursorKey } from './pagination.ts';
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

/** The env and keyring a start runs with, once every check has passed. */
interface Configuration {
  env: SubgraphEnv;
  keyring: AgencyKeyring;
}

/** Reads and checks the env (secrets, the subscription table, the agency's handlers) and loads the keyring. */
async function checkConfiguration<TSchema extends Record<string, unknown>>(options: RunSubgraphOptions<TSchema>): Promise<Configuration> {
  const A = options.agency.toUpperCase();
  const env = parseEnv(subgraphEnvSchema(options.agency, options.defaultPort), options.source ?? processEnv());
  if (env.ownerDatabaseUrl && !env.databaseUrl) {
    throw new EnvError([`${A}_OWNER_DATABASE_URL: needs ${A}_DATABASE_URL (the runtime role) as well`]);
  }
  const secrets = ['JWT_SECRET', `${A}_GATEWAY_SECRET`];
  // The service secret only guards something when the agency takes part in events.
  if (options.events) secrets.push('SERVICE_SECRET');
  assertNoDevSecrets({ ...env.raw }, secrets);
  if (options.events) {
    assertSubscriptions(AGENCY_NAMES);
    assertHandlers(options.agency, [...Object.keys(options.events.handlers), ...accessLedgerEventTypes(options.agency)]);
  }
  const keyring = await loadKeyring({ agency: options.agency, env: env.raw as EnvSource, production: env.nodeEnv === 'production', dataDir: env.dataDir });
  // This process serves this one agency: every cursor is sealed with its own key.
  useProcessCursorKey(cursorKeyOf(env.gatewaySecret));
  // In production a cursor is never sealed with the development key.
  if (env.nodeEnv === 'production') requireCursorKeyInScope();
  return { env, keyring };
}

/** `checkConfiguration`, or every problem of a bad configuration printed and exit 1. */
async function loadConfiguration<TSchema extends Record<string, unknown>>(options: RunSubgraphOptions<TSchema>): Promise<Configuration> {
  try {
    return await checkConfiguration(options);
  } catch (err) {
    if (err instanceof EnvError || err instanceof SubscriptionError) {
      process.stderr.write(`${options.agency}: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** What a start has brought up so far (set as each piece starts), and whether the shutdown has begun. */
interface Started {
  database?: { close(): Promise<void> };
  analytics?: { close(): Promise<void> };
  server?: SubgraphServer;
  sealer?: Sealer;
  relay?: EventDelivery;
  /** A signal (or the embedded cluster's exit) has begun the shutdown: what is not started yet stays so. */
  stopping: boolean;
}

/** The shutdown, step by step: what each stops, and what its failure logs. */
const SHUTDOWN_STEPS: readonly [message: string, stop: (started: Started) => Promise<void> | undefined][] = [
  // The sealer first: what was read before the stop is sealed (its outbox event waits for the next start if need be).
  ['access sealer stop failed', (s) => s.sealer?.stop()],
  // Then the relay: its pass in flight commits (or rolls back) while the database is still open.
  ['event relay stop failed', (s) => s.relay?.stop()],
  ['server stop failed', (s) => s.server?.stop()],
  ['analytics database close failed', (s) => s.analytics?.close()],
  ['database close failed', (s) => s.database?.close()],
];

/** Stops what has started, in SHUTDOWN_STEPS' order; a step that fails is reported and the next one runs. */
async function stopStarted(started: Started, report: (err: unknown, message: string) => void): Promise<void> {
  for (const [message, stop] of SHUTDOWN_STEPS) await stop(started)?.catch((err: unknown) => report(err, message));
}

/** What the start steps share. */
interface StartContext<TSchema extends Record<string, unknown>> extends Configuration {
  options: RunSubgraphOptions<TSchema>;
  logger: Logger;
  started: Started;
  /** Crash-only: without its cluster the service stops, and its supervisor starts both afresh. */
  onEmbeddedExit: () => void;
}

/** The agency's handlers and the access ledger's: `POST /events` and the NATS consumer apply the same. */
function receivedHandlers<TSchema extends Record<string, unknown>>(
  agency: string,
  events: SubgraphEventsOptions<TSchema>,
  keyring: AgencyKeyring,
): EventHandlers<Executor<TSchema>> {
  return { ...events.handlers, ...accessLedgerHandlers(agency, keyring) };
}

/** Opens the database (migrated) and the analysts' pool, logging where each connects. */
async function openStores<TSchema extends Record<string, unknown>>(context: StartContext<TSchema>) {
  const { options, env, logger, started } = context;
  const database = await openDatabase({
    agency: options.agency,
    url: env.databaseUrl,
    migrationUrl: env.ownerDatabaseUrl,
    migrationsFolder: options.migrationsFolder,
    dataDir: env.dataDir,
    statementTimeoutMs: env.statementTimeoutMs,
    schema: options.schema,
    logger,
    onEmbeddedExit: context.onEmbeddedExit,
  });
  started.database = database;
  // Migrated by the owner role; the pool is the runtime role (or the owner, warned, with one URL).
  logger.info({ database: database.description }, 'database open');
  const analytics = openAnalyticsDatabase(database, { agency: options.agency, schema: options.schema, ...env.analytics });
  started.analytics = analytics;
  logger.info({ database: analytics.description, statementTimeoutMs: env.analytics.statementTimeoutMs }, 'analytics database');
  return { database, analytics };
}

/** What seed and start get: `POST /events` among the routes when the agency takes part in events. */
function subgraphDeps<TSchema extends Record<string, unknown>>(
  { options, env, keyring, logger }: StartContext<TSchema>,
  { database, analytics }: { database: Database<TSchema>; analytics: Database<TSchema> },
): SubgraphDeps<TSchema> {
  const registry = new Registry();
  const verifyToken = subgraphTokenVerifier(env.jwt, env.tokenCacheSize, registry);
  const events = options.events;
  const routes: Record<string, RouteHandler> = {};
  if (events) {
    routes['POST /events'] = eventsRoute({
      db: database.db,
      tables: events.tables,
      agency: options.agency,
      handlers: receivedHandlers(options.agency, events, keyring),
      keyring,
      serviceSecret: env.serviceSecret,
      logger,
      registry,
    });
  }
  return { env, database, analytics, logger, verifyToken, registry, routes, keyring };
}

/** The relay (and on NATS the consumer), once the server is known to serve the agency's `POST /events`. */
async function startEvents<TSchema extends Record<string, unknown>>(
  context: StartContext<TSchema>,
  events: SubgraphEventsOptions<TSchema>,
  deps: SubgraphDeps<TSchema>,
  server: SubgraphServer,
): Promise<void> {
  const { options, env, keyring, logger, started } = context;
  // A start function that drops deps.routes would leave producers retrying into a 404.
  if (!server.routes.includes('POST /events') || server.registry !== deps.registry) {
    throw new Error('events: pass deps.routes and deps.registry to startSubgraphServer');
  }
  // A signal that arrived during start-up has already begun the shutdown: no relay then.
  if (started.stopping) return;
  started.relay = await startEventDelivery({
    agency: options.agency,
    database: deps.database,
    tables: events.tables,
    // The same handlers as POST /events: on NATS the ledger's seals arrive this way too.
    handlers: receivedHandlers(options.agency, events, keyring),
    config: env.events,
    http: { urls: env.events.urls, serviceSecret: env.serviceSecret },
    relay: {
      ...env.events,
      backoff: events.backoff ?? exponentialBackoff({ baseMs: env.events.backoffBaseMs, maxMs: env.events.backoffMaxMs }),
    },
    logger,
    registry: deps.registry,
    keyring,
  });
}

/** Database, analysts' pool, seed, server, access sealer, event delivery: each recorded in `started` as it comes up. */
async function startInOrder<TSchema extends Record<string, unknown>>(context: StartContext<TSchema>): Promise<void> {
  const { options, env, keyring, logger, started } = context;
  const deps = subgraphDeps(context, await openStores(context));
  if (env.seed && options.seed) await options.seed(deps);
  const server = await options.start(deps);
  started.server = server;
  if (!started.stopping) started.sealer = startAccessLedger({ agency: options.agency, db: deps.database.db, keyring, logger });
  if (options.events) await startEvents(context, options.events, deps, server);
}

/**
 * The `main` of an agency subgraph: validated env, database (URL or embedded), migrations,
 * optional seed, server; stops cleanly on SIGINT/SIGTERM. A bad configuration prints every
 * problem and exits 1.
 */
export async function runSubgraph<TSchema extends Record<string, unknown>>(
  options: RunSubgraphOptions<TSchema>,
): Promise<void> {
  const configuration = await loadConfiguration(options);
  const logger = createLogger(options.agency, configuration.env.logLevel);
  const started: Started = { stopping: false };
  const stop = async (signal: string, exitCode = 0) => {
    if (started.stopping) return;
    started.stopping = true;
    logger.info({ signal }, 'stopping');
    await stopStarted(started, (err, message) => logger.error({ err }, message));
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    await startInOrder({ ...configuration, options, logger, started, onEmbeddedExit: () => void stop('embedded PostgreSQL exited', 1) });
  } catch (err) {
    logger.fatal({ err }, `${options.agency} subgraph failed to start`);
    await stopStarted(started, () => undefined);
    process.exit(1);
  }
}
