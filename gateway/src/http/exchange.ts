import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '@nomad/contract';

/** One HTTP request as the plugins see it, and what they learn about it on the way in. */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  /** Parsed once; `url.pathname` routes, `url.search` reaches Apollo. */
  readonly url: URL;
  /** `performance.now()` when the request arrived. */
  readonly startedAt: number;
  /** Correlates the request's log lines here and in every subgraph (set by `useRequestId`). */
  requestId: string;
  /** The verified caller and their token (set by `useAuth`); an operation without one is refused. */
  caller: { principal: Principal; token: string } | null;
  /** What the gateway forwards to subgraphs besides the token (set by `useForwardedHeaders`). */
  forwarded: { purpose: string | null; idempotencyKey: string | null };
}

/** An answer a plugin gives instead of letting the request go on. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Sent as is; a JSON reply has it serialized already (see `jsonReply`). */
  body?: string | Buffer;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers }, body: JSON.stringify(value) };
}

/** A refusal as GraphQL clients read one; `extensions` adds to the code (e.g. the `field` at fault). */
export function errorReply(status: number, code: string, message: string, headers: Record<string, string> = {}, extensions: Record<string, unknown> = {}): Reply {
  return jsonReply(status, { errors: [{ message, extensions: { code, ...extensions } }] }, headers);
}

export function send(exchange: Exchange, reply: Reply): void {
  const { res } = exchange;
  res.writeHead(reply.status, reply.headers);
  res.end(exchange.method === 'HEAD' ? undefined : reply.body);
}

/** One value of a header Node may have given as a list. */
export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
