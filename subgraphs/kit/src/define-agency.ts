import { fileURLToPath } from 'node:url';
import type { DocumentNode } from 'graphql';
import type { PersonalFieldTable } from './access/policy.ts';
import type { ReadRequest } from './access/recorder.ts';
import type { AccessLogTables } from './access/table.ts';
import { accessLogResolvers } from './access/graphql.ts';
import { startAgencySubgraph, type AgencyDefinition, type AgencySubgraphOptions } from './agency-subgraph.ts';
import { runSubgraph, type SubgraphDeps } from './bootstrap.ts';
import { systemClock, type Clock } from './calendar.ts';
import type { RequestContext } from './context.ts';
import type { Executor } from './db/database.ts';
import { eventOperationsResolvers } from './events/operations/resolvers.ts';
import type { EventHandlers } from './events/route.ts';
import type { EventTables } from './events/tables.ts';
import { sharedResolvers } from './graphql/shared.ts';
import { mergeResolvers, type GraphQLResolverMap } from './graphql/resolvers.ts';
import type { ReadinessWarning, SubgraphServer } from './http/server.ts';
import type { IdempotencyTables } from './idempotency.ts';
import { startBesideJobs, type BackgroundJob } from './jobs.ts';
import type { Logger } from './logger.ts';

export type { BackgroundJob } from './jobs.ts';

/** The process-wide dependencies of an agency's services (`App`) and the jobs that run beside its server. */
export interface AgencyRuntime<TApp> {
  app: TApp;
  /** Stopped in order, before the server, on SIGINT/SIGTERM. @default none */
  jobs?: BackgroundJob[];
}

/** What is an agency's own: everything else (shared scalars, access log, event operations, main) the kit adds. */
export interface AgencySpec<TSchema extends Record<string, unknown>, TLoaders, TApp extends { clock: Clock }> {
  /** Its name in the graph (`AGENCY_NAMES`): env variables (`<NAME>_PORT`, …), logs, event routes. */
  name: string;
  /** `<NAME>_PORT` when unset. */
  defaultPort: number;
  /** Its drizzle schema (`db/schema.ts`). */
  schema: TSchema;
  /** `import.meta.url` of the file declaring the agency, in `src/`: its migrations are `../drizzle`. */
  moduleUrl: string;
  /** Its SDL (its modules' `schema.graphql`, with the kit's shared, access-log and event-operation types). */
  typeDefs: DocumentNode;
  /** Its modules' resolvers, in order; the kit adds the shared scalars, the access log and the event operations. */
  resolvers: (app: TApp) => GraphQLResolverMap<RequestContext<TLoaders, Executor<TSchema>>>[];
  createLoaders: (db: Executor<TSchema>, request: ReadRequest) => TLoaders;
  /** Its personal-field table (`personal-fields.ts`). */
  personalFields: PersonalFieldTable;
  /** Its tables the kit serves: the access log, remembered mutation answers, the event outbox and inbox. */
  tables: { access: Pick<AccessLogTables, 'accessRecords'>; idempotency: IdempotencyTables; events: EventTables };
  /** The events it receives (one handler per type SUBSCRIPTIONS sends it), built from its clock. */
  handlers: (clock: Clock) => EventHandlers<Executor<TSchema>>;
  /** What `/ready` lists as warnings over its database. @default none */
  readinessWarnings?: (db: Executor<TSchema>, app: TApp) => Promise<ReadinessWarning[]>;
  /** Fills an empty database with the sample world (development; `SEED`). */
  seed: (db: Executor<TSchema>, logger: Logger, options: { today: string }) => Promise<unknown>;
  /** Builds its `App` and starts its background jobs, once the database is open (main only; tests build `app` themselves). */
  runtime: (deps: { db: Executor<TSchema>; logger: Logger; clock: Clock }) => AgencyRuntime<TApp>;
}

/** How an agency's subgraph is started in-process (main, tests): the kit's options and the agency's `App`. */
export type DefinedAgencySubgraphOptions<TSchema extends Record<string, unknown>, TApp> = AgencySubgraphOptions<TSchema> & { app: TApp };

/** An agency, declared: its subgraph (in-process, for tests and main) and its `main`. */
export interface DefinedAgency<TSchema extends Record<string, unknown>, TApp> {
  name: string;
  /** Starts its subgraph over an open, migrated database. */
  startSubgraph: (options: DefinedAgencySubgraphOptions<TSchema, TApp>) => Promise<SubgraphServer>;
  /** The service's `main`: env, database, migrations, seed, events, runtime, server; stops on SIGINT/SIGTERM. */
  main: () => Promise<void>;
}

/** The kit's subgraph of the agency: its own resolvers between the shared scalars, the access log and the event operations. */
function agencyDefinition<TSchema extends Record<string, unknown>, TLoaders, TApp extends { clock: Clock }>(
  spec: AgencySpec<TSchema, TLoaders, TApp>,
  app: TApp,
): AgencyDefinition<TSchema, TLoaders> {
  type Context = RequestContext<TLoaders, Executor<TSchema>>;
  const { readinessWarnings } = spec;
  return {
    name: spec.name,
    typeDefs: spec.typeDefs,
    resolvers: mergeResolvers<Context>(
      sharedResolvers,
      accessLogResolvers<Context>({ agency: spec.name, tables: spec.tables.access }),
      ...spec.resolvers(app),
      eventOperationsResolvers<Context>({ agency: spec.name, tables: spec.tables.events }),
    ),
    createLoaders: spec.createLoaders,
    personalFields: spec.personalFields,
    idempotency: spec.tables.idempotency,
    events: { tables: spec.tables.events, handlers: spec.handlers(app.clock) },
    ...(readinessWarnings ? { readinessWarnings: (db: Executor<TSchema>) => readinessWarnings(db, app) } : {}),
  };
}

/** `runSubgraph`'s start: the agency's `App` and jobs over the open database, then its subgraph as the env says. */
async function startFromDeps<TSchema extends Record<string, unknown>, TLoaders, TApp extends { clock: Clock }>(
  spec: AgencySpec<TSchema, TLoaders, TApp>,
  { env, database, analytics, logger, verifyToken, routes, registry }: SubgraphDeps<TSchema>,
): Promise<SubgraphServer> {
  const { app, jobs = [] } = spec.runtime({ db: database.db, logger, clock: systemClock });
  return startBesideJobs(jobs, () =>
    startAgencySubgraph<TSchema, TLoaders>(agencyDefinition(spec, app), {
      database,
      analytics,
      verifyToken,
      gatewaySecret: env.gatewaySecret,
      logger,
      host: env.host,
      port: env.port,
      exposeSqlCount: env.nodeEnv !== 'production',
      introspection: env.nodeEnv !== 'production',
      serviceSecret: env.serviceSecret,
      routes,
      registry,
    }),
  );
}

/**
 * Declares an agency: what is its own goes in, its subgraph and `main` come out. Its `main.ts`
 * is `await <agency>.main()`; a new agency starts from `npm run new:agency -- <name>`.
 */
export function defineAgency<TSchema extends Record<string, unknown>, TLoaders, TApp extends { clock: Clock }>(
  spec: AgencySpec<TSchema, TLoaders, TApp>,
): DefinedAgency<TSchema, TApp> {
  const startSubgraph = (options: DefinedAgencySubgraphOptions<TSchema, TApp>): Promise<SubgraphServer> =>
    startAgencySubgraph<TSchema, TLoaders>(agencyDefinition(spec, options.app), options);
  return {
    name: spec.name,
    startSubgraph,
    main: () =>
      runSubgraph({
        agency: spec.name,
        defaultPort: spec.defaultPort,
        schema: spec.schema,
        migrationsFolder: fileURLToPath(new URL('../drizzle', spec.moduleUrl)),
        events: { tables: spec.tables.events, handlers: spec.handlers(systemClock) },
        seed: async ({ database, logger }) => {
          await spec.seed(database.db, logger, { today: systemClock.today() });
        },
        start: (deps) => startFromDeps(spec, deps),
      }),
  };
}
