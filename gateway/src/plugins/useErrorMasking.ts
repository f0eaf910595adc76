import type { GraphQLRequestListener } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, GatewayErrorCode, PUBLIC_ERROR_CODES, type Logger } from '@nomad/contract';
import type { GatewayContext } from '../subgraphs/datasource.ts';
import type { GatewayPlugin } from './types.ts';

/** What a client sees instead of any error it must not: no message, no stack, no internals. */
export const MASKED_MESSAGE = 'Internal server error';

/**
 * Texts that betray internals even under a public code: a URL (subgraph addresses), a socket
 * errno, a stack frame, PostgreSQL's or drizzle's wording. A subgraph should never send
 * them; if one does, the client gets the masked error and the operator a log line.
 */
const INTERNAL_TEXT =
  /https?:\/\/|\bE(?:CONNREFUSED|CONNRESET|CONNABORTED|TIMEDOUT|NOTFOUND|AI_AGAIN|PIPE|HOSTUNREACH|NETUNREACH)\b|\n\s*at\s|duplicate key value|violates [\w ]*constraint|syntax error at or near|relation "[^"]*" does not exist|column "[^"]*"|Failed query:/i;

/** `extensions.field` of BAD_USER_INPUT (an input path such as `input.passport.number`) helps a form; nothing else does. */
const INPUT_PATH = /^[A-Za-z_][\w.[\]]{0,199}$/;

/** What the operator learns about a masked error: ids and kinds, never the subgraph's text (it may hold personal data). */
export interface MaskedErrorReport {
  code: string | undefined;
  path: GraphQLFormattedError['path'];
  /** The subgraph the error came from, when it did. */
  serviceName?: string;
  /** HTTP status of a failed subgraph hop. */
  httpStatus?: number;
  /** `ECONNREFUSED`, `ETIMEDOUT`, …: why a subgraph hop failed. */
  errno?: string;
  /** The class of the underlying error, e.g. `FetchError`. */
  errorName?: string;
  /** The message of an error raised in the gateway itself (URLs at worst, never personal data). */
  detail?: string;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/**
 * The errors wrapped in one another, outermost first: Apollo and the gateway wrap a socket
 * error in one or two GraphQLErrors. Read by property, not `instanceof`: the gateway's errors
 * may come from another copy of graphql (its CommonJS build) than the one this module imports.
 */
function chainOf(error: unknown): unknown[] {
  const chain = [error];
  let current = error;
  for (let i = 0; i < 5; i++) {
    const wrapper = record(current);
    const next = wrapper?.originalError ?? wrapper?.cause;
    if (next === undefined || next === null || chain.includes(next)) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

/** The `AgencyUnavailableError` of the subgraph fetcher, found by name for the same reason. */
function unavailableAgencyOf(chain: unknown[]): { agency: string; reason: string } | undefined {
  for (const link of chain) {
    const error = record(link);
    if (error?.name === 'AgencyUnavailableError' && typeof error.agency === 'string' && typeof error.reason === 'string') {
      return { agency: error.agency, reason: error.reason };
    }
  }
  return undefined;
}

function reportOf(formatted: GraphQLFormattedError, error: unknown, code: string | undefined): MaskedErrorReport {
  const extensions = formatted.extensions ?? {};
  const report: MaskedErrorReport = { code, path: formatted.path };
  if (typeof extensions.serviceName === 'string') report.serviceName = extensions.serviceName;
  const status = record(extensions.response)?.status;
  if (typeof status === 'number') report.httpStatus = status;
  const cause = record(chainOf(error).at(-1));
  if (typeof cause?.code === 'string' && /^E[A-Z_]+$/.test(cause.code)) report.errno = cause.code;
  // A bare GraphQLError says nothing; an underlying TypeError or FetchError does.
  if (typeof cause?.name === 'string' && cause.name !== 'GraphQLError') report.errorName = cause.name;
  // A subgraph's own message may quote a nomad's data; the gateway's own errors do not.
  if (report.serviceName === undefined) report.detail = formatted.message.slice(0, 500);
  return report;
}

/**
 * The one place errors leave the gateway. A client gets `message`, `locations`, `path` and
 * `extensions.code` (plus `extensions.field` for BAD_USER_INPUT) of errors whose code is
 * public; anything else — no code, an unknown code, INTERNAL_SERVER_ERROR, a failed subgraph
 * hop (`extensions.response`), a message with internals — becomes `Internal server error`
 * and is passed to `report` for the log.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  report: (details: MaskedErrorReport) => void,
): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };

  const unavailable = unavailableAgencyOf(chainOf(error));
  if (unavailable) {
    report({ code: GatewayErrorCode.AGENCY_UNAVAILABLE, path: formatted.path, serviceName: unavailable.agency, detail: unavailable.reason });
    return {
      message: `The ${unavailable.agency} agency is unavailable right now; what it holds is missing from this answer. Try again shortly.`,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: GatewayErrorCode.AGENCY_UNAVAILABLE, agency: unavailable.agency },
    };
  }

  const hopFailed = extensions.response !== undefined;
  const isPublic = code !== undefined && PUBLIC_ERROR_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
  if (isPublic && !hopFailed && !INTERNAL_TEXT.test(formatted.message)) {
    const safe: Record<string, unknown> = { code };
    if (code === ErrorCode.BAD_USER_INPUT && typeof extensions.field === 'string' && INPUT_PATH.test(extensions.field)) {
      safe.field = extensions.field;
    }
    // The refusal of a costly operation says its cost and the budget: numbers the gateway computed.
    if (code === GatewayErrorCode.COST_LIMIT_EXCEEDED && typeof extensions.cost === 'number' && typeof extensions.budget === 'number') {
      safe.cost = extensions.cost;
      safe.budget = extensions.budget;
    }
    return { message: formatted.message, ...where, extensions: safe };
  }

  report(reportOf(formatted, error, code));
  return {
    message: MASKED_MESSAGE,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** An error as Apollo hands it to `didEncounterErrors`, in the shape `maskError` reads. */
function formattedOf(error: { message: string; path?: readonly (string | number)[] | undefined; extensions?: Record<string, unknown> }): GraphQLFormattedError {
  return { message: error.message, ...(error.path ? { path: error.path } : {}), ...(error.extensions ? { extensions: error.extensions } : {}) };
}

/**
 * The one place errors leave the gateway (see `maskError`). Masking runs in `formatError`,
 * which Apollo calls without the request; the operator's log line is written from
 * `didEncounterErrors`, which has the request id, so no per-request async context is kept.
 * An agency that does not answer is logged as a warning, anything else masked as an error.
 */
export function useErrorMasking(options: { logger: Logger }): GatewayPlugin {
  const log = options.logger.child({ source: 'errors' });
  const listener: GraphQLRequestListener<GatewayContext> = {
    didEncounterErrors({ errors, contextValue }) {
      for (const error of errors) {
        maskError(formattedOf(error), error, (details) => {
          const line = { requestId: contextValue.requestId, ...details };
          if (details.code === GatewayErrorCode.AGENCY_UNAVAILABLE) log.warn(line, 'agency unavailable');
          else log.error(line, 'error masked');
        });
      }
      return Promise.resolve();
    },
  };
  return {
    name: 'error-masking',
    apollo: {
      formatError: (formatted, error) => maskError(formatted, error, () => undefined),
      plugins: [
        {
          requestDidStart: () => Promise.resolve(listener),
          unexpectedErrorProcessingRequest({ requestContext, error }) {
            log.error({ requestId: requestContext.contextValue.requestId, errorName: error.name }, 'request failed');
            return Promise.resolve();
          },
        },
      ],
    },
  };
}
