import { defineConfig, mergeConfig } from 'vitest/config';
import { createRequire } from 'node:module';
import { sharedConfig } from './vitest.shared.ts';

const require = createRequire(import.meta.url);

/**
 * The vitest config of the mutation check (`npm run test:mutation`, scripts/mutation.ts): the
 * test files of one module, named in NOMAD_MUTATION_TESTS (comma-separated, from the repository
 * root); the test database (embedded, or DATABASE_URL) only when NOMAD_MUTATION_DATABASE=1.
 */
const tests = (process.env.NOMAD_MUTATION_TESTS ?? '').split(',').filter((t) => t !== '');
if (tests.length === 0) throw new Error('vitest.mutation.config.ts: set NOMAD_MUTATION_TESTS (run it through `npm run test:mutation`)');
const database = process.env.NOMAD_MUTATION_DATABASE === '1';

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      include: tests,
      ...(database ? { globalSetup: [require.resolve('./subgraphs/kit/src/testing/global-setup.ts')] } : {}),
    },
  }),
);
