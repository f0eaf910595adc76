// Shared with the gateway: defined in @nomad/contract, re-exported so the kit's importers keep working.
export {
  assertNoDevSecrets,
  baseEnvShape,
  DEV_GATEWAY_SECRET,
  DEV_JWT_SECRET,
  DEV_SERVICE_SECRET,
  EnvError,
  envBoolean,
  envPort,
  parseEnv,
  processEnv,
  type EnvSource,
} from '@nomad/contract';
