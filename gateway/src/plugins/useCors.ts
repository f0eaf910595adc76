import { ErrorCode, Headers } from '@nomad/contract';
import { errorReply, type Exchange } from '../http/exchange.ts';
import type { GatewayPlugin } from './types.ts';

export interface CorsOptions {
  /** Exact origins allowed to call the graph from a browser, e.g. `https://portal.example.kg`. @default [] */
  origins: readonly string[];
  /**
   * Also allow any `http://localhost:<port>`, `http://127.0.0.1:<port>` and `http://[::1]:<port>`:
   * a front-end's development server. @default true outside production (see env.ts)
   */
  allowLoopback: boolean;
  /**
   * Send `Access-Control-Allow-Credentials: true`, letting pages send cookies or HTTP auth.
   * The graph authenticates with a bearer token, so it is off unless configured. @default false
   */
  credentials: boolean;
  /** How long a browser may cache a preflight answer. @default 600 // 10 minutes */
  maxAgeSeconds: number;
}

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** What a page may send: the content type, the token, the headers the gateway forwards, Apollo's CSRF headers. */
const ALLOWED_HEADERS = [
  'content-type',
  Headers.authorization,
  Headers.purpose,
  Headers.requestId,
  Headers.idempotencyKey,
  'apollo-require-preflight',
  'x-apollo-operation-name',
].join(', ');
/** What a page may read besides the CORS-safelisted response headers. */
const EXPOSED_HEADERS = [Headers.requestId, 'retry-after'].join(', ');
const ALLOWED_METHODS = 'GET, POST, OPTIONS';

/**
 * CORS with an allow-list (issue 17): an allowed origin gets its own origin back (never `*`,
 * never an origin it did not send), a preflight (`OPTIONS`) is answered with 204 instead of
 * 405, a preflight from an origin not on the list gets 403 naming the setting. A request
 * from a disallowed origin still runs (a server cannot stop a browser from sending it) but
 * carries no CORS headers, so the page cannot read the answer; Apollo's CSRF prevention
 * already refuses the simple requests a page could send without a preflight.
 */
export function useCors(options: CorsOptions): GatewayPlugin {
  const exact = new Set(options.origins);
  const allowed = (origin: string) => exact.has(origin) || (options.allowLoopback && LOOPBACK_ORIGIN.test(origin));
  const grant = (exchange: Exchange, origin: string) => {
    const { res } = exchange;
    res.setHeader('access-control-allow-origin', origin);
    if (options.credentials) res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
  };
  return {
    name: 'cors',
    onRequest: (exchange) => {
      const origin = exchange.req.headers.origin;
      // The answer depends on Origin: no shared cache may give one origin's answer to another.
      exchange.res.setHeader('vary', 'Origin');
      const preflight = exchange.method === 'OPTIONS';
      if (origin === undefined) {
        return preflight ? { status: 204, headers: { allow: ALLOWED_METHODS } } : undefined;
      }
      if (!allowed(origin)) {
        return preflight ? errorReply(403, ErrorCode.FORBIDDEN, `Origin ${origin} is not allowed to call the graph (CORS_ORIGINS).`) : undefined;
      }
      grant(exchange, origin);
      if (!preflight) return undefined;
      return {
        status: 204,
        headers: {
          'access-control-allow-methods': ALLOWED_METHODS,
          'access-control-allow-headers': ALLOWED_HEADERS,
          'access-control-max-age': String(options.maxAgeSeconds),
          vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
        },
      };
    },
  };
}
