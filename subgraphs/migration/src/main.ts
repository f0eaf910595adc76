import { fileURLToPath } from 'node:url';
import { runSubgraph } from '@nomad/kit';
import { systemClock } from './clock.ts';
import { schema } from './db/index.ts';
import { seedMigration } from './seed/seed.ts';
import { startMigrationSubgraph } from './subgraph.ts';

const app = { clock: systemClock };

await runSubgraph({
  agency: 'migration',
  defaultPort: 4001,
  schema,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  seed: async ({ database, logger }) => {
    await seedMigration(database.db, logger, { today: app.clock.today() });
  },
  start: ({ env, database, logger, verifyToken }) =>
    startMigrationSubgraph({
      database,
      app,
      verifyToken,
      gatewaySecret: env.gatewaySecret,
      logger,
      host: env.host,
      port: env.port,
      exposeSqlCount: env.nodeEnv !== 'production',
      introspection: env.nodeEnv !== 'production',
    }),
});
