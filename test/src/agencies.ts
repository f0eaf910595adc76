import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { JetStreamClient } from '@nats-io/jetstream';
import postgres from 'postgres';
import {
  createEventReceiver,
  ensureRuntimeRole,
  openDatabase,
  DEV_GATEWAY_SECRET,
  DEV_SERVICE_SECRET,
  httpTransport,
  accessLedgerHandlers,
  startAccessLedger,
  startRelay,
  type AgencyKeyring,
  type Database,
  type EventHandlers,
  type NatsConsumer,
  type Logger,
  type Principal,
  type Relay,
  type Sealer,
  type SubgraphServer,
} from '@nomad/kit';
import { natsTransport, startNatsConsumer } from '@nomad/kit/nats';
import { embeddedZhaak, reviewEventHandlers, schema as migrationSchema, seedMigration, startMigrationSubgraph, type Zhaak } from '@nomad/migration';
import type { fixedClock } from '@nomad/migration';
import { laborEventHandlers, schema as laborSchema, seedLabor, startLaborSubgraph } from '@nomad/labor';
import { schema as securitySchema, securityEventHandlers, seedSecurity, startSecuritySubgraph } from '@nomad/security';
import { registrationEventHandlers, schema as taxSchema, seedTax, startCampaignRunner, startTaxSubgraph } from '@nomad/tax';

export type TestClock = ReturnType<typeof fixedClock>;

/** What the harness gives every agency starter. */
export interface AgencyDeps {
  /** A fresh, empty database for this agency. */
  databaseUrl: string;
  clock: TestClock;
  logger: Logger;
  verifyToken: (token: string) => Promise<Principal>;
  /** Subscriber `POST /events` URLs, filled in once every agency listens (read at delivery time). */
  eventsUrls: Record<string, string>;
  /** Seed the agency's part of the sample world around the clock's today, as `npm start` does. */
  seed: boolean;
  /** How many nomads the seeded sample world has. @default the sample's (400) */
  seedNomads?: number;
  /** Events on NATS JetStream instead of HTTP push (`NOMAD_TEST_EVENTS_TRANSPORT=nats`): the client and this run's stream prefix. */
  nats?: { js: JetStreamClient; prefix: string };
  /** The agency's keys (signs its access-log seals, checks the others'). */
  keyring: AgencyKeyring;
  /** Seal in the background at the pace of `seal_delay_ms`; false: only when a test calls `sealer.runOnce()`. */
  autoSeal: boolean;
}

/** The sample world's options for a seeding agency: the clock's today, and the size if given. */
function sampleOptions(deps: AgencyDeps): { today: string; nomads?: number } {
  return { today: deps.clock.today(), ...(deps.seedNomads === undefined ? {} : { nomads: deps.seedNomads }) };
}

/** A running agency: its server, database and relay. */
export interface AgencyHandle {
  server: SubgraphServer;
  /** The service's pool: connected as the agency's runtime role, as a started service is. */
  database: Database<Record<string, unknown>>;
  /**
   * The test server's superuser on the agency's database: for what a test does behind the
   * service's back (DDL, faults, tampering), which the runtime role may not.
   */
  admin: postgres.Sql;
  /** Delivers the agency's outbox; absent for an agency that publishes nothing. */
  relay?: Relay;
  /** Seals the agency's access log (and, in security, the ledger). */
  sealer: Sealer;
  /** Extra per-agency knobs tests use (e.g. migration's ZHAAK). */
  extras: Record<string, unknown>;
  stop(): Promise<void>;
}

export type AgencyStarter = (deps: AgencyDeps) => Promise<AgencyHandle>;

function folder(relative: string): string {
  return fileURLToPath(new URL(relative, import.meta.url));
}

/** @see migrated */
const HARNESS_STATEMENT_TIMEOUT_MS = 30_000;

/** Relays in tests poll often so that events cross quickly; `flushEvents` makes it deterministic. */
const RELAY_POLL_MS = 50;

type EventTablesOf = Parameters<typeof startRelay>[0]['tables'];

/** The superuser connection behind each database `migrated` opened (see `AgencyHandle.admin`). */
const admins = new WeakMap<object, postgres.Sql>();

/**
 * An agency's database on the test server, opened as its service opens it (`openDatabase`):
 * migrated by the migration role (here the test server's superuser), served by a runtime role
 * of its own. Role names are cluster-wide and tests run in parallel on one server: each call
 * creates a uniquely named runtime role, dropped again when the database is closed.
 */
async function migrated<TSchema extends Record<string, unknown>>(deps: AgencyDeps, agency: string, schema: TSchema): Promise<Database<TSchema>> {
  const admin = postgres(deps.databaseUrl, { max: 2, onnotice: () => undefined });
  const role = `nomad_t${randomBytes(5).toString('hex')}_${agency}_runtime`;
  const password = randomBytes(18).toString('base64url');
  const dropRole = async () => {
    await admin.unsafe(`drop owned by "${role}"`).catch(() => undefined);
    await admin.unsafe(`drop role if exists "${role}"`);
  };
  let database: Database<TSchema>;
  try {
    await ensureRuntimeRole(admin, { role, password });
    const url = new URL(deps.databaseUrl);
    url.username = role;
    url.password = password;
    database = await openDatabase({
      agency,
      url: url.toString(),
      migrationUrl: deps.databaseUrl,
      migrationsFolder: folder(`../../subgraphs/${agency}/drizzle`),
      schema,
      logger: deps.logger,
      // The harness's gateway waits 30 s for a subgraph; statements get as long. Tests share
      // this machine with other jobs, and a statement that waits its turn there is not what
      // they test (statement_timeout itself has its own test in the kit).
      statementTimeoutMs: HARNESS_STATEMENT_TIMEOUT_MS,
    });
  } catch (err) {
    await dropRole().catch(() => undefined);
    await admin.end();
    throw err;
  }
  const opened = database;
  const withAdmin: Database<TSchema> = {
    ...opened,
    async close() {
      await opened.close();
      try {
        await dropRole();
      } finally {
        await admin.end();
      }
    },
  };
  admins.set(withAdmin, admin);
  return withAdmin;
}

/** What every agency subgraph takes from the harness. */
function serverDeps(deps: AgencyDeps) {
  return {
    verifyToken: deps.verifyToken,
    gatewaySecret: DEV_GATEWAY_SECRET,
    serviceSecret: DEV_SERVICE_SECRET,
    logger: deps.logger,
    exposeSqlCount: true,
    keyring: deps.keyring,
  };
}

function sealerFor(name: string, database: Database<Record<string, unknown>>, deps: AgencyDeps): Sealer {
  return startAccessLedger({ agency: name, db: database.db, keyring: deps.keyring, logger: deps.logger, autoStart: deps.autoSeal });
}

function relayFor(name: string, database: Database<Record<string, unknown>>, tables: EventTablesOf, deps: AgencyDeps): Relay {
  return startRelay({
    db: database.db,
    tables,
    agency: name,
    transport: deps.nats
      ? natsTransport({ js: deps.nats.js, prefix: deps.nats.prefix, timeoutMs: 5_000, signer: deps.keyring })
      : httpTransport({ urls: deps.eventsUrls, serviceSecret: DEV_SERVICE_SECRET, timeoutMs: 5_000, signer: deps.keyring }),
    logger: deps.logger,
    pollIntervalMs: RELAY_POLL_MS,
    // Tests must not wait minutes for a retry.
    backoff: () => 100,
    maxAttempts: 5,
  });
}

/** On NATS, the agency's consumer applies its stream through the same receiver as `POST /events`. */
function consumerFor<TSchema extends Record<string, unknown>>(
  name: string,
  database: Database<TSchema>,
  tables: EventTablesOf,
  handlers: EventHandlers<never>,
  deps: AgencyDeps,
): NatsConsumer | undefined {
  if (!deps.nats) return undefined;
  return startNatsConsumer({
    js: deps.nats.js,
    prefix: deps.nats.prefix,
    agency: name,
    // The access ledger's handlers (GKNB's AccessSealed, migration's LedgerSealed) as runSubgraph adds them.
    receive: createEventReceiver({ db: database.db, tables, agency: name, handlers: { ...(handlers as EventHandlers), ...accessLedgerHandlers(name, deps.keyring) }, keyring: deps.keyring, logger: deps.logger }),
    backoff: () => 100,
    logger: deps.logger,
  });
}

/**
 * The handle of a started agency. Stops in the order a service does: the sealer, the relay,
 * then what `beforeServer` stops (background jobs), then the server, then the database.
 */
function handleOf(parts: {
  server: SubgraphServer;
  database: Database<Record<string, unknown>>;
  relay?: Relay;
  consumer?: NatsConsumer | undefined;
  sealer: Sealer;
  extras?: Record<string, unknown>;
  beforeServer?: () => Promise<void>;
}): AgencyHandle {
  const { server, database, relay, sealer } = parts;
  const admin = admins.get(database);
  if (!admin) throw new Error('handleOf: the database was not opened by migrated()');
  return {
    server,
    database,
    admin,
    ...(relay ? { relay } : {}),
    sealer,
    extras: parts.extras ?? {},
    async stop() {
      await sealer.stop();
      await parts.consumer?.stop();
      await relay?.stop();
      await parts.beforeServer?.();
      await server.stop();
      await database.close();
    },
  };
}

function eventTablesOf(schema: EventTablesOf): EventTablesOf {
  return { outbox: schema.outbox, outboxDeliveries: schema.outboxDeliveries, inbox: schema.inbox };
}

export const startMigration: AgencyStarter = async (deps) => {
  const database = await migrated(deps, 'migration', migrationSchema);
  if (deps.seed) await seedMigration(database.db, deps.logger, sampleOptions(deps));
  const zhaak: { current: Zhaak } = { current: embeddedZhaak(database.db) };
  const server = await startMigrationSubgraph({
    database,
    app: { clock: deps.clock, zhaak: { assignPin: (request) => zhaak.current.assignPin(request) } },
    ...serverDeps(deps),
  });
  const relay = relayFor('migration', database, eventTablesOf(migrationSchema), deps);
  const consumer = consumerFor('migration', database, eventTablesOf(migrationSchema), reviewEventHandlers as EventHandlers<never>, deps);
  return handleOf({ server, database, relay, consumer, sealer: sealerFor('migration', database, deps), extras: { zhaak } });
};

/** GKNB: receives ApplicationSubmitted and status ends, publishes screening outcomes. */
export const startSecurity: AgencyStarter = async (deps) => {
  const database = await migrated(deps, 'security', securitySchema);
  if (deps.seed) await seedSecurity(database.db, deps.logger, sampleOptions(deps));
  const server = await startSecuritySubgraph({ database, app: { clock: deps.clock }, ...serverDeps(deps) });
  const relay = relayFor('security', database, eventTablesOf(securitySchema), deps);
  const consumer = consumerFor('security', database, eventTablesOf(securitySchema), securityEventHandlers as EventHandlers<never>, deps);
  return handleOf({ server, database, relay, consumer, sealer: sealerFor('security', database, deps) });
};

/**
 * State Tax Service: receives status facts; publishes only its sealed access log. Its campaign
 * runner is in `extras.campaigns`: `await extras.campaigns.idle()` waits for a started campaign to end.
 */
export const startTax: AgencyStarter = async (deps) => {
  const database = await migrated(deps, 'tax', taxSchema);
  if (deps.seed) await seedTax(database.db, deps.logger, sampleOptions(deps));
  // Woken by startReregistrationCampaign; the interval is long so tests decide when work happens.
  const campaigns = startCampaignRunner(database.db, deps.clock, deps.logger, 3_600_000);
  const server = await startTaxSubgraph({ database, app: { clock: deps.clock, campaigns }, ...serverDeps(deps) });
  const consumer = consumerFor('tax', database, eventTablesOf(taxSchema), registrationEventHandlers(deps.clock) as EventHandlers<never>, deps);
  const relay = relayFor('tax', database, eventTablesOf(taxSchema), deps);
  return handleOf({ server, database, relay, consumer, sealer: sealerFor('tax', database, deps), extras: { campaigns }, beforeServer: () => campaigns.stop() });
};

/** Ministry of Labor: receives status facts and evaluation requests, publishes verdicts (relay). */
export const startLabor: AgencyStarter = async (deps) => {
  const database = await migrated(deps, 'labor', laborSchema);
  if (deps.seed) await seedLabor(database.db, deps.logger, sampleOptions(deps));
  const server = await startLaborSubgraph({ database, app: { clock: deps.clock }, ...serverDeps(deps) });
  const relay = relayFor('labor', database, eventTablesOf(laborSchema), deps);
  const consumer = consumerFor('labor', database, eventTablesOf(laborSchema), laborEventHandlers({ clock: deps.clock }) as EventHandlers<never>, deps);
  return handleOf({ server, database, relay, consumer, sealer: sealerFor('labor', database, deps) });
};

/**
 * Every agency the harness can start, in start order. An agency's subgraph adds one line
 * here (and one in schema/src/subgraphs.ts).
 */
export const AGENCY_STARTERS: Record<string, AgencyStarter> = {
  migration: startMigration,
  labor: startLabor,
  security: startSecurity,
  tax: startTax,
};
