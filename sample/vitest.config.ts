import { packageConfig } from '../vitest.shared.ts';

// The sample world is pure: its tests need no database.
export default packageConfig(['src/**/*.test.ts'], { database: false });
