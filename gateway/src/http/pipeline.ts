import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { ErrorCode, GatewayErrorCode, type Logger } from '@nomad/contract';
import type { GatewayPlugin, HookResult } from '../plugins/types.ts';
import { errorReply, send, type Exchange, type Reply } from './exchange.ts';

type Hook = (exchange: Exchange) => HookResult;

/** Runs hooks in order until one answers. Synchronous hooks are not awaited (no microtask each). */
async function firstReply(hooks: readonly Hook[], exchange: Exchange): Promise<Reply | undefined> {
  for (const hook of hooks) {
    const result = hook(exchange);
    const reply = result instanceof Promise ? await result : result;
    if (reply) return reply;
  }
  return undefined;
}

function newExchange(req: IncomingMessage, res: ServerResponse): Exchange {
  return {
    req,
    res,
    method: req.method ?? 'GET',
    url: new URL(req.url ?? '/', 'http://gateway'),
    startedAt: performance.now(),
    requestId: '',
    caller: null,
    forwarded: { purpose: null, idempotencyKey: null },
  };
}

/**
 * The gateway's `node:http` handler: every plugin's `onRequest` in order (any may answer),
 * then `POST /graphql` through every `onOperation` and on to Apollo. Anything else is 404,
 * or 405 on `/graphql`: operations over GET would put queries, variables and purposes into
 * URLs and logs.
 */
export function createRequestHandler(
  plugins: readonly GatewayPlugin[],
  handleOperation: (exchange: Exchange) => Promise<void>,
  logger: Logger,
): (req: IncomingMessage, res: ServerResponse) => void {
  const onRequest = plugins.flatMap((p) => (p.onRequest ? [p.onRequest] : []));
  const onOperation = plugins.flatMap((p) => (p.onOperation ? [p.onOperation] : []));
  const log = logger.child({ source: 'http' });

  const run = async (exchange: Exchange): Promise<void> => {
    const early = await firstReply(onRequest, exchange);
    if (early) return send(exchange, early);
    if (exchange.url.pathname !== '/graphql') return send(exchange, errorReply(404, 'NOT_FOUND', 'No such route.'));
    if (exchange.method !== 'POST') {
      return send(exchange, errorReply(405, GatewayErrorCode.BAD_REQUEST, 'Send GraphQL operations with POST.', { allow: 'POST' }));
    }
    const refusal = await firstReply(onOperation, exchange);
    if (refusal) return send(exchange, refusal);
    await handleOperation(exchange);
  };

  return (req, res) => {
    const exchange = newExchange(req, res);
    run(exchange).catch((err: unknown) => {
      log.error({ requestId: exchange.requestId, err }, 'request failed');
      if (!res.headersSent) send(exchange, errorReply(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error'));
      else res.destroy();
    });
  };
}
