import { packageConfig } from '../vitest.shared.ts';

export default packageConfig(['e2e/**/*.test.ts', 'hostile/**/*.test.ts', 'fault/**/*.test.ts', 'src/**/*.test.ts']);
