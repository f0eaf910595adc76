import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

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
    globalSetup: [require.resolve('./subgraphs/kit/src/testing/global-setup.ts')],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
