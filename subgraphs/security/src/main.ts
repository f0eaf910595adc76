// First: Apollo's telemetry is off before any Apollo package loads (nothing phones home).
import '@nomad/kit/telemetry-off';
import { fileURLToPath } from 'node:url';
import { runSubgraph } from '@nomad/kit';
import type { App } from './app.ts';
import { systemClock } from './clock.ts';
import { schema } from './db/index.ts';
import { eventTables } from './events.ts';
import { securityEventHandlers } from './handlers.ts';
import { seedSecurity } from './seed/seed.ts';
import { startSecuritySubgraph } from './subgraph.ts';

const app: App = { clock: systemClock };

await runSubgraph({
  agency: 'security',
  defaultPort: 4004,
  schema,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  events: { tables: eventTables, handlers: securityEventHandlers },
  seed: async ({ database, logger }) => {
    await seedSecurity(database.db, logger, { today: systemClock.today() });
  },
  start: ({ env, database, analytics, logger, verifyToken, routes, registry }) =>
    startSecuritySubgraph({
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
