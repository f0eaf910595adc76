import { packageConfig } from '../vitest.shared.ts';

export default packageConfig(['e2e/**/*.test.ts', 'src/**/*.test.ts']);
