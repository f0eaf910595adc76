/**
 * Imported first by every entry point (`import '@nomad/contract/telemetry-off'`), before any
 * Apollo package loads: `@apollo/gateway` 2.x otherwise reports usage to Apollo every hour and,
 * when it is constructed, probes the cloud metadata servers of AWS, GCP, Azure and Alibaba.
 * Nothing may leave the machine, so the variable is forced on whatever the environment says.
 */
import { disableApolloTelemetry } from './telemetry.ts';

disableApolloTelemetry();
