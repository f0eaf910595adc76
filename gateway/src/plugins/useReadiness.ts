import { GatewayErrorCode } from '@nomad/contract';
import { errorReply, jsonReply, type Exchange, type Reply } from '../http/exchange.ts';
import type { Readiness } from '../subgraphs/readiness.ts';
import type { GatewayPlugin } from './types.ts';

export interface ReadinessOptions {
  /** Asks the subgraphs; must settle within the probe's patience (READY_TIMEOUT_MS keeps it under 1 s). */
  check: () => Promise<Readiness>;
}

const readOnly = (exchange: Exchange) => exchange.method === 'GET' || exchange.method === 'HEAD';
const useGet = () => errorReply(405, GatewayErrorCode.BAD_REQUEST, 'Use GET.', { allow: 'GET, HEAD' });

/**
 * `GET /health`: the process answers (liveness). `GET /ready`: every subgraph's own `/ready`
 * answers 200, else 503 naming (never addressing) the ones that do not. Neither needs a
 * token, and neither is rate limited: orchestrators poll them.
 */
export function useReadiness(options: ReadinessOptions): GatewayPlugin {
  const ready = async (): Promise<Reply> => {
    const readiness = await options.check();
    return readiness.ready
      ? jsonReply(200, { status: 'ready' })
      : jsonReply(503, { status: 'not ready', notReady: readiness.notReady }, { 'retry-after': '1' });
  };
  return {
    name: 'readiness',
    onRequest: (exchange) => {
      const path = exchange.url.pathname;
      if (path === '/health') return readOnly(exchange) ? jsonReply(200, { status: 'ok' }) : useGet();
      if (path === '/ready') return readOnly(exchange) ? ready() : useGet();
      return undefined;
    },
  };
}
