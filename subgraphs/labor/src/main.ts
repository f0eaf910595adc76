// First: Apollo's telemetry is off before any Apollo package loads (nothing phones home).
import '@nomad/kit/telemetry-off';
import { laborAgency } from './subgraph.ts';

await laborAgency.main();
