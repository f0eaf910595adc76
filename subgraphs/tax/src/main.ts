// First: Apollo's telemetry is off before any Apollo package loads (nothing phones home).
import '@nomad/kit/telemetry-off';
import { taxAgency } from './subgraph.ts';

await taxAgency.main();
