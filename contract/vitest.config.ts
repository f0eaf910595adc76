import { packageConfig } from '../vitest.shared.ts';

// The contract is pure code: its tests need no database.
export default packageConfig(['src/**/*.test.ts'], { database: false });
