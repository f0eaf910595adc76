import { packageConfig } from '../../vitest.shared.ts';

// Codegen and validation need no database.
export default packageConfig(['src/**/*.test.ts'], { database: false });
