import { randomUUID } from 'node:crypto';
import { Headers } from '@nomad/contract';
import { single } from '../http/exchange.ts';
import type { GatewayPlugin } from './types.ts';

/** What a request id from a client (or its load balancer) may look like; anything else is replaced. */
const TOKEN_LIKE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The client's `x-request-id` when it is a safe token (so a load balancer's id carries
 * through), else a fresh UUID: an id that goes into every log line must not be able to
 * forge one.
 */
export function requestIdOf(raw: string | undefined): string {
  return raw !== undefined && TOKEN_LIKE.test(raw) ? raw : randomUUID();
}

/**
 * Gives every request an id, echoed in the `x-request-id` response header, written in the
 * gateway's log lines and forwarded to every subgraph (see `SubgraphDataSource`), so that one
 * request can be followed across all services. Runs first.
 */
export function useRequestId(): GatewayPlugin {
  return {
    name: 'request-id',
    onRequest: (exchange) => {
      exchange.requestId = requestIdOf(single(exchange.req.headers[Headers.requestId]));
      exchange.res.setHeader(Headers.requestId, exchange.requestId);
      return undefined;
    },
  };
}
