import type { IncomingMessage } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import { ErrorCode, GatewayErrorCode } from '@nomad/contract';
import type { BodyHookResult } from '../plugins/types.ts';
import type { GatewayContext } from '../subgraphs/datasource.ts';
import { compressed } from './compress.ts';
import { errorReply, send, type Exchange } from './exchange.ts';

type BodyHook = (exchange: Exchange, body: Record<string, unknown>) => BodyHookResult;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the body, giving up once it passes `limit` bytes. The rest is drained, not buffered,
 * and the stream is left open so the 413 can still be written to the socket.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      req.resume();
      resolve('too-large');
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', reject);
  });
}

function isJson(req: IncomingMessage): boolean {
  const essence = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return essence === 'application/json';
}

/** Apollo needs content negotiation and CSRF headers; credentials stay out of its reach. */
function apolloHeaders(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'authorization' || name === 'cookie') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

type Parsed = { ok: true; body: unknown } | { ok: false; status: number; message: string };

async function parseBody(req: IncomingMessage, maxBodyBytes: number): Promise<Parsed> {
  const tooLarge = { ok: false, status: 413, message: `The request body exceeds ${maxBodyBytes} bytes (MAX_BODY_BYTES).` } as const;
  if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) return tooLarge;
  const raw = await readBody(req, maxBodyBytes);
  if (raw === 'too-large') return tooLarge;
  // Other content types reach Apollo without a body: its CSRF check and its "POST body missing" answer apply.
  if (!isJson(req) || raw.length === 0) return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid JSON.' };
  }
}

/** Writes Apollo's answer: `no-store`, and compressed when it is large and the client takes it (see `compress.ts`). */
async function writeAnswer(exchange: Exchange, response: HTTPGraphQLResponse, compressMinBytes: number): Promise<void> {
  const { res } = exchange;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  // Answers hold personal data: no shared cache may keep them, whatever a subgraph said.
  res.setHeader('cache-control', 'no-store');
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    const packed = await compressed(response.body.string, exchange.req.headers['accept-encoding'], compressMinBytes);
    // The answer depends on Accept-Encoding whenever compression is on, compressed or not.
    if (compressMinBytes > 0) {
      const vary = res.getHeader('vary');
      res.setHeader('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
    }
    if (packed) res.setHeader('content-encoding', packed.encoding);
    res.end(packed?.body ?? response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * `POST /graphql` once every plugin has let the operation in: the body is read (within
 * MAX_BODY_BYTES) and parsed, the plugins' body hooks may refuse or replace it (a JSON object;
 * with hooks, any other JSON is refused with 400 BAD_REQUEST; a body that is not JSON reaches
 * Apollo without a body, which refuses it), and Apollo runs the operation with a context
 * built from what the plugins learnt. An operation no plugin authenticated is refused: fail closed.
 */
export function createOperationHandler(
  apollo: ApolloServer<GatewayContext>,
  options: {
    maxBodyBytes: number;
    bodyHooks?: readonly BodyHook[];
    /** Answers this large or larger go compressed to a client that accepts br or gzip; 0: never. @default 0 */
    compressMinBytes?: number;
  },
) {
  const bodyHooks = options.bodyHooks ?? [];
  return async (exchange: Exchange): Promise<void> => {
    if (!exchange.caller) return send(exchange, errorReply(401, ErrorCode.UNAUTHENTICATED, 'A valid bearer token is required.'));
    const parsed = await parseBody(exchange.req, options.maxBodyBytes);
    if (!parsed.ok) {
      const headers: Record<string, string> = parsed.status === 413 ? { connection: 'close' } : {};
      return send(exchange, errorReply(parsed.status, GatewayErrorCode.BAD_REQUEST, parsed.message, headers));
    }
    let body = parsed.body;
    // A body hook (trusted documents) must see every operation: a JSON body that is not one
    // object (a batch, null) is refused here, not left to whether Apollo's batching is on.
    if (bodyHooks.length > 0 && body !== undefined && !isRecord(body)) {
      return send(exchange, errorReply(400, GatewayErrorCode.BAD_REQUEST, 'The request body must be one JSON object: operations are not batched.'));
    }
    for (const hook of bodyHooks) {
      if (!isRecord(body)) break;
      const result = hook(exchange, body);
      if (result && 'reply' in result) return send(exchange, result.reply);
      if (result) body = result.body;
    }
    const context: GatewayContext = {
      principal: exchange.caller.principal,
      token: exchange.caller.token,
      requestId: exchange.requestId,
      ...exchange.forwarded,
      // useDeduplication may allow it once the operation is known; never before.
      shareFetches: false,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: apolloHeaders(exchange.req), search: exchange.url.search, body },
      context: () => Promise.resolve(context),
    });
    await writeAnswer(exchange, response, options.compressMinBytes ?? 0);
  };
}
