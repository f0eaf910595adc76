import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * Shared vitest settings. graphql 16 ships CommonJS (`main`) and ESM (`module`) builds;
 * Vite picks the ESM one for our code while Apollo's CommonJS packages `require` the other,
 * and graphql then refuses types "from another module or realm". Node itself always loads
 * `main`, so tests alias `graphql` to the same file Node uses.
 */
export const sharedConfig = defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

/** Starts the embedded test cluster when DATABASE_URL is not set. */
const GLOBAL_SETUP = require.resolve('./subgraphs/kit/src/testing/global-setup.ts');

export interface PackageTestOptions {
  /** The package's tests need a PostgreSQL server (the embedded one, or DATABASE_URL). @default true */
  database?: boolean;
}

/** The deliberately failing test file `.ci/run` runs to prove that a failure fails the run. */
const CANARY_DIR = fileURLToPath(new URL('./.ci/canary/', import.meta.url));

/**
 * A package's vitest config: the shared settings and the package's own test files.
 *
 * With `NOMAD_TEST_CANARY=1` every package runs the canary instead (a test that reaches the
 * test database, then fails): `.ci/run` asserts that `npm test` then exits non-zero, on
 * embedded PostgreSQL and on `DATABASE_URL`. The canary is never part of a normal run.
 */
export function packageConfig(include: string[], options: PackageTestOptions = {}): ViteUserConfig {
  const canary = process.env.NOMAD_TEST_CANARY === '1';
  const database = canary || (options.database ?? true);
  const own = canary ? { dir: CANARY_DIR, include: ['*.test.ts'] } : { include };
  return mergeConfig(
    sharedConfig,
    defineConfig({ test: { ...own, ...(database ? { globalSetup: [GLOBAL_SETUP] } : {}) } }),
  );
}
