// First: Apollo's telemetry is off before any Apollo package loads (nothing phones home).
import '@nomad/kit/telemetry-off';
import { fileURLToPath } from 'node:url';
import { runSubgraph } from '@nomad/kit';
import type { App } from './app.ts';
import { systemClock } from './clock.ts';
import { schema } from './db/index.ts';
import { eventTables } from './events.ts';
import { laborEventHandlers } from './handlers.ts';
import { seedLabor } from './seed/seed.ts';
import { startLaborSubgraph } from './subgraph.ts';

const app: App = { clock: systemClock };

await runSubgraph({
  agency: 'labor',
  defaultPort: 4002,
  schema,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  events: { tables: eventTables, handlers: laborEventHandlers(app) },
  seed: async ({ database, logger }) => {
    await seedLabor(database.db, logger, { today: systemClock.today() });
  },
  start: ({ env, database, analytics, logger, verifyToken, routes, registry }) =>
    startLaborSubgraph({
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
      routes,
      registry,
    }),
});
