/**
 * A fixture agency process for the event delivery tests: `node --import tsx main.ts <agency>`,
 * configured like any agency (`<AGENCY>_DATABASE_URL`, `<AGENCY>_PORT`, `<SUBSCRIBER>_EVENTS_URL`,
 * `SERVICE_SECRET`, `EVENTS_*`). It plays a real agency's part in the subscription table (the
 * tests run `migration` as the producer and `security` as the subscriber) over the tables of
 * `./schema.ts`, through `runSubgraph` with its `events` option, and serves the event
 * operations on `/graphql`.
 */
import { AGENCY_DEFAULT_PORTS, isAgencyName } from '../../agencies.ts';
import { runSubgraph } from '../../bootstrap.ts';
import { FIXTURE_MIGRATIONS, fixtureTables } from './fixture.ts';
import { fixtureHandlers } from './handlers.ts';
import * as schema from './schema.ts';
import { startFixtureServer } from './server.ts';

const agency = process.argv[2] ?? '';
if (!isAgencyName(agency)) {
  process.stderr.write(`usage: main.ts <${Object.keys(AGENCY_DEFAULT_PORTS).join('|')}>\n`);
  process.exit(2);
}

await runSubgraph({
  agency,
  defaultPort: AGENCY_DEFAULT_PORTS[agency],
  schema,
  migrationsFolder: FIXTURE_MIGRATIONS,
  events: { tables: fixtureTables, handlers: fixtureHandlers(agency) },
  start: ({ env, database, logger, verifyToken, registry, routes }) =>
    startFixtureServer({
      agency,
      database,
      verifyToken,
      gatewaySecret: env.gatewaySecret,
      logger,
      host: env.host,
      port: env.port,
      registry,
      routes,
    }),
});
