import { defineConfig } from 'drizzle-kit';

// Generates the fixture agency's migrations (run from subgraphs/kit:
// `npx drizzle-kit generate --config src/events/__fixtures__/drizzle.config.ts`).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/events/__fixtures__/schema.ts',
  out: './src/events/__fixtures__/drizzle',
  schemaFilter: ['events_fixture'],
});
