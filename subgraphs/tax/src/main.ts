// First: Apollo's telemetry is off before any Apollo package loads (nothing phones home).
import '@nomad/kit/telemetry-off';
import { fileURLToPath } from 'node:url';
import { runSubgraph } from '@nomad/kit';
import { systemClock } from './clock.ts';
import { schema } from './db/index.ts';
import { eventTables } from './events.ts';
import { startCampaignRunner } from './modules/campaign/runner.ts';
import { registrationEventHandlers } from './modules/registrations/handlers.ts';
import { seedTax } from './seed/seed.ts';
import { startTaxSubgraph } from './subgraph.ts';

await runSubgraph({
  agency: 'tax',
  defaultPort: 4003,
  schema,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  events: { tables: eventTables, handlers: registrationEventHandlers(systemClock) },
  seed: async ({ database, logger }) => {
    await seedTax(database.db, logger, { today: systemClock.today() });
  },
  start: async ({ env, database, analytics, logger, verifyToken, routes, registry }) => {
    // Resumes a campaign a stop or a crash interrupted, then waits for the next one.
    const campaigns = startCampaignRunner(database.db, systemClock, logger);
    const server = await startTaxSubgraph({
      database,
      analytics,
      app: { clock: systemClock, campaigns },
      verifyToken,
      gatewaySecret: env.gatewaySecret,
      logger,
      host: env.host,
      port: env.port,
      exposeSqlCount: env.nodeEnv !== 'production',
      introspection: env.nodeEnv !== 'production',
      routes,
      registry,
    });
    return {
      ...server,
      async stop() {
        await campaigns.stop();
        await server.stop();
      },
    };
  },
});
