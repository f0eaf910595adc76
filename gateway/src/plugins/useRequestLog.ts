import { performance } from 'node:perf_hooks';
import type { Logger } from '@nomad/contract';
import type { Exchange } from '../http/exchange.ts';
import type { GatewayPlugin } from './types.ts';

export interface RequestLogOptions {
  logger: Logger;
  /**
   * Share of successful requests (status < 400) that get a log line; failures and refusals
   * are always logged. `1` logs every request. @default 1 (the env module makes it 0.1 in production)
   */
  sampleRate?: number;
  /** Source of randomness for sampling; tests fix it. @default Math.random */
  random?: () => number;
}

/** Probes poll these every few seconds; their lines would drown the rest. */
const PROBES = new Set(['/health', '/ready']);

/**
 * One line per request when its response is finished: request id, method, path, status and
 * duration, never headers, body or query text (they may hold a token or personal data).
 *
 * A pino child logger is bound once here rather than per request, and not `pino-http`: it
 * would log full request objects (headers included) unless overridden, and decides whether
 * to log before the status is known, so it cannot keep every failure while sampling
 * successes. The line is written through the root logger's destination, which `main.ts`
 * makes asynchronous.
 */
export function useRequestLog(options: RequestLogOptions): GatewayPlugin {
  const log = options.logger.child({ source: 'http' });
  const sampleRate = options.sampleRate ?? 1;
  const random = options.random ?? Math.random;
  const write = (exchange: Exchange) => {
    const status = exchange.res.statusCode;
    const path = exchange.url.pathname;
    const probe = PROBES.has(path);
    if (probe && !log.isLevelEnabled('debug')) return;
    if (status < 400 && sampleRate < 1 && random() >= sampleRate) return;
    const line = { requestId: exchange.requestId, method: exchange.method, path, status, ms: Math.round(performance.now() - exchange.startedAt) };
    if (probe) log.debug(line, 'request');
    else log.info(line, 'request');
  };
  return {
    name: 'request-log',
    onRequest: (exchange) => {
      exchange.res.once('finish', () => write(exchange));
      return undefined;
    },
  };
}
