// First: Apollo's telemetry is off before any Apollo package loads (nothing phones home).
import '@nomad/kit/telemetry-off';
import { fileURLToPath } from 'node:url';
import { runSubgraph } from '@nomad/kit';
import type { App } from './app.ts';
import { systemClock } from './clock.ts';
import { schema } from './db/index.ts';
import { startMaintenance } from './maintenance.ts';
import { seedMigration } from './seed/seed.ts';
import { startMigrationSubgraph } from './subgraph.ts';
import { embeddedZhaak } from './zhaak.ts';
import { eventTables } from './events.ts';
import { reviewEventHandlers } from './modules/review/handlers.ts';

await runSubgraph({
  agency: 'migration',
  defaultPort: 4001,
  schema,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  events: { tables: eventTables, handlers: reviewEventHandlers },
  seed: async ({ database, logger }) => {
    await seedMigration(database.db, logger, { today: systemClock.today() });
  },
  start: async ({ env, database, analytics, logger, verifyToken, routes, registry }) => {
    const app: App = { clock: systemClock, zhaak: embeddedZhaak(database.db) };
    const maintenance = startMaintenance(database.db, app, logger);
    const server = await startMigrationSubgraph({
      database,
      analytics,
      app,
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
    });
    return {
      ...server,
      async stop() {
        await maintenance.stop();
        await server.stop();
      },
    };
  },
});
