// Shared with the gateway: defined in @nomad/contract, re-exported so the kit's importers keep working.
export { Headers, MAX_PURPOSE_LENGTH } from '@nomad/contract';
