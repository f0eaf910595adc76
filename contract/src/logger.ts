import { pino, type DestinationStream, type Logger } from 'pino';
import { describeError } from './safe-error.ts';

export type { Logger };

export interface LoggerOptions {
  /**
   * Write through an asynchronous, buffered destination instead of a synchronous write per
   * line: for hot paths such as the gateway's request log. Lines still pending when the
   * process is killed with SIGKILL are lost. @default false
   */
  async?: boolean;
  /** Where lines go instead of stdout: tests capture them to scan for personal data. @default stdout */
  destination?: DestinationStream;
}

/**
 * Keys whose values are never logged, at the top of a line or one level down: tokens and
 * secrets, and whatever may carry a person's data verbatim (SQL parameters, GraphQL
 * documents and variables, request bodies, event payloads, mutation inputs).
 */
const REDACTED_KEYS = ['authorization', 'token', 'password', 'secret', 'parameters', 'params', 'query', 'variables', 'body', 'payload', 'input', 'detail'];
export const REDACT_PATHS: readonly string[] = ['req.headers.authorization', ...REDACTED_KEYS.flatMap((k) => [k, `*.${k}`])];

/**
 * One root logger per service; modules take `logger.child({ source })`.
 * Personal data never goes into a log line: log ids (`applicationId`, `nomadId`), not names.
 * Errors under `err` or `error` are described by `describeError` (codes and statement names,
 * never SQL parameters or the values a message quotes); the keys in `REDACT_PATHS` are
 * censored in case a request, a query or an input is ever logged.
 */
export function createLogger(service: string, level: string = 'info', options: LoggerOptions = {}): Logger {
  // An asynchronous destination queues lines while a write is under way instead of blocking
  // on each one; no minimum length, so a quiet service's lines still appear at once. pino
  // flushes it synchronously when the process exits.
  const destination = options.destination ?? (options.async ? pino.destination({ sync: false }) : undefined);
  const settings = {
    name: service,
    level,
    base: { service },
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
    serializers: { err: describeError, error: (value: unknown) => (typeof value === 'string' ? value : describeError(value)) },
  };
  return destination ? pino(settings, destination) : pino(settings);
}
