import { packageConfig } from '../../vitest.shared.ts';

// The runner's unit tests need no database (test/e2e/query-runner.test.ts runs it against the graph).
export default packageConfig(['src/**/*.test.ts'], { database: false });
