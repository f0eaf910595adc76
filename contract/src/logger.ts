import { pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /**
   * Write through an asynchronous, buffered destination instead of a synchronous write per
   * line: for hot paths such as the gateway's request log. Lines still pending when the
   * process is killed with SIGKILL are lost. @default false
   */
  async?: boolean;
}

/**
 * One root logger per service; modules take `logger.child({ source })`.
 * Personal data never goes into a log line: log ids (`applicationId`, `nomadId`), not names.
 * Authorization headers and tokens are redacted in case a request object is ever logged.
 */
export function createLogger(service: string, level: string = 'info', options: LoggerOptions = {}): Logger {
  // An asynchronous destination queues lines while a write is under way instead of blocking
  // on each one; no minimum length, so a quiet service's lines still appear at once. pino
  // flushes it synchronously when the process exits.
  const destination = options.async ? pino.destination({ sync: false }) : undefined;
  const settings = {
    name: service,
    level,
    base: { service },
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'token', '*.token', 'password'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(settings, destination) : pino(settings);
}
