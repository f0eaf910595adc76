import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * One root logger per service; modules take `logger.child({ source })`.
 * Personal data never goes into a log line: log ids (`applicationId`, `nomadId`), not names.
 * Authorization headers and tokens are redacted in case a request object is ever logged.
 */
export function createLogger(service: string, level: string = 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'token', '*.token', 'password'],
      censor: '[redacted]',
    },
  });
}
