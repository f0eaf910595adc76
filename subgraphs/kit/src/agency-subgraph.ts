import type { DocumentNode } from 'graphql';
import type { Registry } from 'prom-client';
import type { PersonalFieldTable } from './access/policy.ts';
import type { ReadRequest } from './access/recorder.ts';
import { accessLedgerHandlers } from './access/wiring.ts';
import type { AgencyKeyring } from './keys/keyring.ts';
import type { Principal } from './auth.ts';
import type { RequestContext } from './context.ts';
import type { Database, Executor } from './db/database.ts';
import { databaseReady } from './db/readiness.ts';
import { DEV_SERVICE_SECRET } from './env.ts';
import { eventsRoute, type EventHandlers } from './events/route.ts';
import type { EventTables } from './events/tables.ts';
import type { GraphQLResolverMap } from './graphql/resolvers.ts';
import type { IdempotencyTables } from './idempotency.ts';
import { startSubgraphServer, type ReadinessWarning, type RouteHandler, type SubgraphServer } from './http/server.ts';
import type { Logger } from './logger.ts';

/** How an agency's subgraph is started: the same for every agency (main, tests). */
export interface AgencySubgraphOptions<TSchema extends Record<string, unknown>> {
  /** An open, migrated database. */
  database: Database<TSchema>;
  /**
   * The analysts' pool (`runSubgraph`'s `deps.analytics`): statistics and aggregates read there
   * (`analyticsRead`). @default none: they read `database`, under its statement timeout (tests)
   */
  analytics?: Database<TSchema>;
  verifyToken: (token: string) => Promise<Principal>;
  /** Required in `x-gateway-credential`. */
  gatewaySecret: string;
  logger: Logger;
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** Adds `extensions.sqlStatements` to responses (tests, development). @default false */
  exposeSqlCount?: boolean;
  /** @default false */
  introspection?: boolean;
  /**
   * `runSubgraph`'s `deps.routes` (its `POST /events`, inbox metrics included).
   * @default a `POST /events` built here when the agency receives events (in-process use: tests)
   */
  routes?: Record<string, RouteHandler>;
  /** `runSubgraph`'s `deps.registry`, so that event metrics are served on `/metrics`. @default a new registry */
  registry?: Registry;
  /** Other agencies' relays authenticate with it on `POST /events` when `routes` is not given. @default DEV_SERVICE_SECRET */
  serviceSecret?: string;
  /**
   * The agency's keys: when `routes` is not given, the `POST /events` built here checks every
   * event's signature with it, and the access ledger's handlers (GKNB's `AccessSealed`,
   * migration's `LedgerSealed`) check seals with it. Required then.
   */
  keyring?: AgencyKeyring;
}

function requireKeyring(keyring: AgencyKeyring | undefined, agency: string): AgencyKeyring {
  if (!keyring) throw new Error(`${agency} receives events: give startAgencySubgraph a keyring to check their signatures`);
  return keyring;
}

/** What makes one agency's subgraph: its SDL, resolvers, loaders and event handlers. */
export interface AgencyDefinition<TSchema extends Record<string, unknown>, TLoaders> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<RequestContext<TLoaders, Executor<TSchema>>>;
  createLoaders: (db: Executor<TSchema>, request: ReadRequest) => TLoaders;
  /** Its remembered mutation answers (`runMutation`). */
  idempotency?: IdempotencyTables;
  /** Its personal-field table (`personal-fields.ts`): reading one needs a purpose from staff. */
  personalFields: PersonalFieldTable;
  /** The events it receives; none: no `POST /events`. */
  events?: { tables: EventTables; handlers: EventHandlers<Executor<TSchema>> };
  /** What `/ready` lists as warnings over its database (a missing year of holidays, …). @default none */
  readinessWarnings?: (db: Executor<TSchema>) => Promise<ReadinessWarning[]>;
}

/** Starts an agency's subgraph over its database, with `/ready` checking that database. */
export function startAgencySubgraph<TSchema extends Record<string, unknown>, TLoaders>(
  definition: AgencyDefinition<TSchema, TLoaders>,
  options: AgencySubgraphOptions<TSchema>,
): Promise<SubgraphServer> {
  const { database } = options;
  const db: Executor<TSchema> = database.db;
  const routes =
    options.routes ??
    (definition.events
      ? {
          'POST /events': eventsRoute({
            db,
            tables: definition.events.tables,
            agency: definition.name,
            handlers: { ...definition.events.handlers, ...accessLedgerHandlers(definition.name, requireKeyring(options.keyring, definition.name)) },
            keyring: requireKeyring(options.keyring, definition.name),
            serviceSecret: options.serviceSecret ?? DEV_SERVICE_SECRET,
            logger: options.logger,
          }),
        }
      : {});
  return startSubgraphServer({
    name: definition.name,
    modules: [{ typeDefs: definition.typeDefs, resolvers: definition.resolvers }],
    db,
    ...(options.analytics ? { analyticsDb: options.analytics.db } : {}),
    createLoaders: definition.createLoaders,
    verifyToken: options.verifyToken,
    gatewaySecret: options.gatewaySecret,
    logger: options.logger,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    exposeSqlCount: options.exposeSqlCount ?? false,
    introspection: options.introspection ?? false,
    routes,
    ...(options.registry ? { registry: options.registry } : {}),
    ...(definition.idempotency ? { idempotency: definition.idempotency } : {}),
    personalFields: Object.keys(definition.personalFields),
    ready: () => databaseReady(db),
    ...(definition.readinessWarnings ? { readinessWarnings: () => definition.readinessWarnings!(db) } : {}),
  });
}
