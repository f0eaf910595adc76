/** The variable `@apollo/gateway` reads when it is constructed; `'true'` or `'1'` turn its telemetry off. */
export const APOLLO_TELEMETRY_VARIABLE = 'APOLLO_TELEMETRY_DISABLED';

/**
 * Turns Apollo's telemetry off for this process. Idempotent. The gateway also calls it
 * before it constructs `ApolloGateway`, so that code starting a gateway without the
 * entry point (tests, benchmarks) phones home neither.
 */
export function disableApolloTelemetry(): void {
  // The one write to process.env: Apollo offers no other switch than this variable.
  // eslint-disable-next-line no-restricted-properties
  process.env[APOLLO_TELEMETRY_VARIABLE] = 'true';
}
