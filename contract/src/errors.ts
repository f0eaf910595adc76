/** Stable codes for exceptional outcomes (`extensions.code`), raised by subgraphs and the gateway alike. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  /** A staff member read personal data without saying why (`X-Purpose`); nothing was read. */
  PURPOSE_REQUIRED: 'PURPOSE_REQUIRED',
  /**
   * An analysts' question (statistics, aggregates) ran past the analysts' statement timeout
   * (`ANALYST_STATEMENT_TIMEOUT_MS`) and was stopped; narrowing it (a filter, fewer dimensions) helps.
   */
  ANALYTICS_TIMEOUT: 'ANALYTICS_TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes only the gateway raises: about the HTTP request or the path to an agency, never about data. */
export const GatewayErrorCode = {
  /** The HTTP request itself is wrong: not JSON, too large, wrong method. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** The caller (principal or client address) exceeded its rate; `Retry-After` says when to retry. */
  RATE_LIMITED: 'RATE_LIMITED',
  /**
   * An agency's subgraph did not answer (down, slow past its timeout, or its circuit is open);
   * `extensions.agency` names it. The rest of the answer is still served.
   */
  AGENCY_UNAVAILABLE: 'AGENCY_UNAVAILABLE',
  /**
   * The operation's estimated cost is over the caller's budget; nothing ran.
   * `extensions.cost` and `extensions.budget` say by how much.
   */
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  /**
   * Trusted documents (production): the operation came as free query text from a caller whose
   * role may not query ad hoc; send a registered operation's hash (`documentId`) instead.
   */
  PERSISTED_QUERY_REQUIRED: 'PERSISTED_QUERY_REQUIRED',
  /** The hash sent (`documentId` or APQ's `sha256Hash`) names no registered operation. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
} as const;
export type GatewayErrorCode = (typeof GatewayErrorCode)[keyof typeof GatewayErrorCode];

/** The codes a client may see; anything else is masked as INTERNAL_SERVER_ERROR. */
export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set([
  ...Object.values(ErrorCode),
  ...Object.values(GatewayErrorCode),
  // Apollo Server's own request-level codes.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
]);
