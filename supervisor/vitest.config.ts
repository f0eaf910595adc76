import { packageConfig } from '../vitest.shared.ts';

// The supervisor's tests supervise stand-in processes: no database.
export default packageConfig(['src/**/*.test.ts'], { database: false });
