import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Principal } from '@nomad/contract';
import type { Exchange, Reply } from '../../http/exchange.ts';
import type { HookResult } from '../types.ts';

export interface FakeRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** The peer's address as the socket reports it. @default '127.0.0.1' */
  remoteAddress?: string;
  /** A caller as `useAuth` would have set it. */
  principal?: Principal;
}

/**
 * A real `IncomingMessage`/`ServerResponse` pair on an unconnected socket: enough for a
 * plugin's hooks to read headers and set response headers, without a server.
 */
export function fakeExchange(request: FakeRequest = {}): Exchange {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: request.remoteAddress ?? '127.0.0.1' });
  const req = new IncomingMessage(socket);
  req.method = request.method ?? 'POST';
  req.url = request.path ?? '/graphql';
  req.headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const res = new ServerResponse(req);
  return {
    req,
    res,
    method: req.method,
    url: new URL(req.url, 'http://gateway'),
    startedAt: performance.now(),
    requestId: 'test-request',
    caller: request.principal ? { principal: request.principal, token: 'a.b.c' } : null,
    forwarded: { purpose: null, idempotencyKey: null },
  };
}

/** Runs a hook and returns its reply (or undefined). */
export async function replyOf(hook: ((exchange: Exchange) => HookResult) | undefined, exchange: Exchange): Promise<Reply | undefined> {
  if (!hook) throw new Error('the plugin has no such hook');
  return hook(exchange);
}

/** The body of a JSON reply. */
export function bodyOf(reply: Reply | undefined): { errors?: { message: string; extensions?: Record<string, unknown> }[] } & Record<string, unknown> {
  if (!reply?.body) throw new Error('no reply body');
  return JSON.parse(reply.body.toString()) as ReturnType<typeof bodyOf>;
}

export const principal = (sub: string): Principal => ({ sub, name: sub, roles: ['analyst'], nomadId: null });
