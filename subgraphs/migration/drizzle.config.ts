import { defineConfig } from 'drizzle-kit';

// Only used to generate SQL migrations from src/db/schema.ts (`npm run db:generate`), which
// re-exports the tables of src/db/schema/*.ts;
// the service applies them itself at start-up, each agency in its own migrations table.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  schemaFilter: ['migration'],
});
