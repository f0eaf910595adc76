import { packageConfig } from '../vitest.shared.ts';

// The gateway's unit tests need no database.
export default packageConfig(['src/**/*.test.ts'], { database: false });
