import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, HeaderMap, type ApolloServerOptions } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  bearerToken,
  createLogger,
  createTokenVerifier,
  DEV_GATEWAY_SECRET,
  DEV_JWT_SECRET,
  disableApolloTelemetry,
  ErrorCode,
  Headers,
  TokenError,
  type Logger,
  type Principal,
  type VerifierOptions,
} from '@nomad/contract';
import { enforceSharedScalars } from './scalars.ts';
import { SubgraphDataSource, type GatewayContext } from './datasource.ts';
import { createFormatError } from './errors.ts';
import { graphiqlPage } from './graphiql.ts';
import { aliasLimitRule, costLimitPlugin, DEFAULT_LIMITS, depthLimitRule, type Limits } from './limits.ts';
import { checkSubgraphsReady, type Readiness } from './readiness.ts';
import { checkIdempotencyKey, checkPurpose, requestIdOf, single } from './request-headers.ts';
import { SupergraphError, subgraphNamesOf } from './supergraph.ts';

export interface GatewayOptions {
  /** The composed Federation 2 supergraph (`schema/supergraph.graphql`). Required. */
  supergraphSdl: string;
  /**
   * GraphQL endpoint per subgraph name. Every subgraph the supergraph names must have one,
   * else `createGateway` throws a SupergraphError; the URLs written in the supergraph are
   * ignored. Required.
   */
  subgraphUrls: Readonly<Record<string, string>>;
  /**
   * `x-gateway-credential` per subgraph name.
   * @default DEV_GATEWAY_SECRET for each subgraph (the subgraphs' development default)
   */
  credentials?: Readonly<Record<string, string>>;
  /**
   * How callers' JWTs are checked: an HS256 secret, or a JWKS URL, plus issuer/audience.
   * @default { secret: DEV_JWT_SECRET }
   */
  verifier?: VerifierOptions;
  /** Any subset; the rest keep their defaults. @default DEFAULT_LIMITS */
  limits?: Partial<Limits>;
  /** Serve GraphiQL on `GET /graphql` and `GET /` to browsers. @default false */
  graphiql?: boolean;
  /** Answer introspection queries (and show "did you mean" hints). @default false */
  introspection?: boolean;
  /** Root logger; the gateway logs through children of it. @default createLogger('gateway', 'info') */
  logger?: Logger;
  /** 0 picks a free port (tests). @default 0 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** How long each subgraph's `/ready` may take before it counts as not ready. @default 2_000 // 2 seconds */
  readyTimeoutMs?: number;
  /**
   * How long one subgraph call may take; past it the field errors (masked) instead of
   * holding the client's request open. @default 30_000 // 30 seconds
   */
  subgraphTimeoutMs?: number;
}

export interface Gateway {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  port: number;
  server: Server;
  /** Asks every subgraph's `/ready`; what `GET /ready` answers. */
  checkReady(): Promise<Readiness>;
  /** Stops accepting requests, lets in-flight ones finish, then stops the gateway. */
  stop(): Promise<void>;
}

type ApolloLogger = NonNullable<ApolloServerOptions<GatewayContext>['logger']>;

/** Apollo logs plain strings; give them a source so they can be told from ours. */
function apolloLogger(logger: Logger): ApolloLogger {
  return {
    debug: (message: unknown) => logger.debug(String(message)),
    info: (message: unknown) => logger.info(String(message)),
    warn: (message: unknown) => logger.warn(String(message)),
    error: (message: unknown) => logger.error(String(message)),
  };
}

const JSON_TYPE = 'application/json; charset=utf-8';

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] }, headers);
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

function wantsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

function isJson(req: IncomingMessage): boolean {
  const essence = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return essence === 'application/json';
}

/**
 * Starts the gateway: Apollo Gateway (static supergraph) inside Apollo Server 5, served by
 * a small node:http handler that authenticates every operation before Apollo sees it.
 *
 * Routes: `POST /graphql` (operations), `GET /graphql` and `GET /` (GraphiQL, when enabled,
 * for browsers), `GET /health`, `GET /ready`.
 *
 * @throws SupergraphError when the supergraph does not parse or a subgraph has no URL
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = options.logger ?? createLogger('gateway', 'info');
  const httpLog = logger.child({ source: 'http' });
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const graphiql = options.graphiql ?? false;
  const introspection = options.introspection ?? false;
  const readyTimeoutMs = options.readyTimeoutMs ?? 2_000;
  const subgraphTimeoutMs = options.subgraphTimeoutMs ?? 30_000;

  const names = subgraphNamesOf(options.supergraphSdl);
  const missing = names.filter((name) => !options.subgraphUrls[name]);
  if (missing.length > 0) {
    throw new SupergraphError(`No URL configured for subgraph(s): ${missing.join(', ')}`);
  }
  const urls: Record<string, string> = {};
  for (const name of names) urls[name] = options.subgraphUrls[name] ?? '';

  const verify = createTokenVerifier(options.verifier ?? { secret: DEV_JWT_SECRET });
  // formatError is called without the request; this carries the request id to it.
  const requestIds = new AsyncLocalStorage<string>();

  // Before the constructor, which is where @apollo/gateway starts its telemetry.
  disableApolloTelemetry();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: apolloLogger(logger.child({ source: 'apollo-gateway' })),
    buildService: ({ name }) => {
      const url = urls[name];
      if (!url) throw new SupergraphError(`No URL configured for subgraph ${name}`);
      return new SubgraphDataSource(url, options.credentials?.[name] ?? DEV_GATEWAY_SECRET, subgraphTimeoutMs);
    },
  });

  const httpServer = createServer((req, res) => {
    const requestId = requestIdOf(single(req.headers[Headers.requestId]));
    res.setHeader(Headers.requestId, requestId);
    const started = performance.now();
    res.on('finish', () => {
      const path = (req.url ?? '/').split('?')[0];
      const line = { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) };
      if (path === '/health' || path === '/ready') httpLog.debug(line, 'request');
      else httpLog.info(line, 'request');
    });
    requestIds.run(requestId, () => {
      route(req, res, requestId).catch((err: unknown) => {
        httpLog.error({ requestId, err }, 'request failed');
        if (!res.headersSent) sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
        else res.destroy();
      });
    });
  });
  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = 60_000;

  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => enforceSharedScalars(apiSchema));
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection,
    // Without introspection, "Did you mean …?" hints would leak the schema anyway.
    hideSchemaDetailsFromClientErrors: !introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Every request carries its query text, so the limits always see what runs.
    persistedQueries: false,
    // main.ts owns the signals so that it can exit with a status of its choosing.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases)],
    formatError: createFormatError(logger.child({ source: 'errors' }), () => requestIds.getStore()),
    logger: apolloLogger(logger.child({ source: 'apollo' })),
    plugins: [
      costLimitPlugin(limits.maxCost, limits.defaultPageSize),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The landing page loads from a CDN; GraphiQL is served offline instead.
      ApolloServerPluginLandingPageDisabled(),
      // An APOLLO_KEY in the environment must never ship operations or schemas to a vendor's cloud.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
    ],
  });

  const checkReady = () => checkSubgraphsReady(urls, readyTimeoutMs);
  // Rendered on first use: about 9 MB that production (GraphiQL off) never needs.
  let page: Buffer | undefined;

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse, requestId: string, search: string) => {
    const declaredLength = Number(req.headers['content-length'] ?? 0);
    if (declaredLength > limits.maxBodyBytes) {
      return sendError(res, 413, 'BAD_REQUEST', `The request body exceeds ${limits.maxBodyBytes} bytes (MAX_BODY_BYTES).`, {
        connection: 'close',
      });
    }

    const token = bearerToken(req.headers.authorization);
    if (!token) {
      return sendError(res, 401, ErrorCode.UNAUTHENTICATED, 'A valid bearer token is required.', {
        'www-authenticate': 'Bearer',
      });
    }
    let principal: Principal;
    try {
      principal = await verify(token);
    } catch (err) {
      if (!(err instanceof TokenError)) throw err;
      return sendError(res, 401, ErrorCode.UNAUTHENTICATED, err.message, {
        'www-authenticate': 'Bearer error="invalid_token"',
      });
    }

    const purpose = checkPurpose(single(req.headers[Headers.purpose]));
    if (!purpose.ok) return sendError(res, 400, ErrorCode.BAD_USER_INPUT, purpose.message);
    const idempotencyKey = checkIdempotencyKey(single(req.headers[Headers.idempotencyKey]));
    if (!idempotencyKey.ok) return sendError(res, 400, ErrorCode.BAD_USER_INPUT, idempotencyKey.message);

    const raw = await readBody(req, limits.maxBodyBytes);
    if (raw === 'too-large') {
      return sendError(res, 413, 'BAD_REQUEST', `The request body exceeds ${limits.maxBodyBytes} bytes (MAX_BODY_BYTES).`, {
        connection: 'close',
      });
    }
    let body: unknown;
    // Other content types reach Apollo without a body: its CSRF check and its "POST body missing" answer apply.
    if (isJson(req) && raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
      }
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      // Apollo needs content negotiation and CSRF headers; credentials stay out of its reach.
      if (value === undefined || name === 'authorization' || name === 'cookie') continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const context: GatewayContext = {
      principal,
      token,
      purpose: purpose.value,
      requestId,
      idempotencyKey: idempotencyKey.value,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search, body },
      context: () => Promise.resolve(context),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    // Answers hold personal data: no shared cache may keep them, whatever a subgraph said.
    res.setHeader('cache-control', 'no-store');
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const route = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const readOnly = method === 'GET' || method === 'HEAD';

    if (path === '/health') {
      if (!readOnly) return sendError(res, 405, 'BAD_REQUEST', 'Use GET.', { allow: 'GET, HEAD' });
      return sendJson(res, 200, { status: 'ok' });
    }
    if (path === '/ready') {
      if (!readOnly) return sendError(res, 405, 'BAD_REQUEST', 'Use GET.', { allow: 'GET, HEAD' });
      const readiness = await checkReady();
      return readiness.ready
        ? sendJson(res, 200, { status: 'ready' })
        : sendJson(res, 503, { status: 'not ready', notReady: readiness.notReady });
    }
    if (path === '/graphql' || path === '/') {
      if (readOnly && graphiql && wantsHtml(req)) {
        page ??= graphiqlPage();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(page.length) });
        res.end(method === 'HEAD' ? undefined : page);
        return;
      }
      if (path === '/graphql') {
        if (method === 'POST') return handleGraphQL(req, res, requestId, url.search);
        // Operations over GET would put queries, variables and purposes into URLs and logs.
        return sendError(res, 405, 'BAD_REQUEST', 'Send GraphQL operations with POST.', {
          allow: graphiql ? 'GET, POST' : 'POST',
        });
      }
    }
    return sendError(res, 404, 'NOT_FOUND', 'No such route.');
  };

  await apollo.start();
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port ?? 0, host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await apollo.stop();
    throw err;
  }
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  logger.info({ port, subgraphs: names }, 'gateway listening');

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    server: httpServer,
    checkReady,
    stop() {
      // The drain plugin closes the HTTP server as part of Apollo's stop.
      stopping ??= apollo.stop();
      return stopping;
    },
  };
}
