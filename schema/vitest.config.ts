import { packageConfig } from '../vitest.shared.ts';

// Composition needs no database; the scaffold's test starts the scaffolded agency on one.
export default packageConfig(['src/**/*.test.ts']);
