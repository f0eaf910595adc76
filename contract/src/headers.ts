/** Header names that cross the gateway → subgraph hop. Clients' copies are stripped by the gateway. */
export const Headers = {
  authorization: 'authorization',
  /** Why the data is read (an X-Road `issue`), e.g. the application number under review. */
  purpose: 'x-purpose',
  /** Correlates logs across the gateway and subgraphs. */
  requestId: 'x-request-id',
  /** Proves the request came through the gateway; one secret per subgraph. */
  gatewayCredential: 'x-gateway-credential',
  /** Authenticates agency-to-agency calls (event delivery), never a user. */
  serviceCredential: 'x-service-credential',
  /** Makes a retried mutation take effect once. */
  idempotencyKey: 'idempotency-key',
} as const;

/** Longest purpose we accept; longer values are refused rather than truncated. */
export const MAX_PURPOSE_LENGTH = 200;
