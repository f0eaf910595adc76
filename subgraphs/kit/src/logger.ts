// Shared with the gateway: defined in @nomad/contract, re-exported so the kit's importers keep working.
export { createLogger, type Logger } from '@nomad/contract';
