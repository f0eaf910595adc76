// Shared with the gateway: defined in @nomad/contract, re-exported so the kit's importers keep working.
export { createLogger, databaseErrorOf, describeError, describeErrorBriefly, REDACT_PATHS, statementName, type Logger, type SafeError } from '@nomad/contract';
