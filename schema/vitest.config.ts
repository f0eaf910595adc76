import { packageConfig } from '../vitest.shared.ts';

// Composition needs no database.
export default packageConfig(['src/**/*.test.ts'], { database: false });
