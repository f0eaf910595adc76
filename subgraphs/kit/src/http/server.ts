import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type GraphQLRequestContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import { Registry, Counter, Histogram, collectDefaultMetrics } from 'prom-client';
import { bearerToken, type Principal } from '../auth.ts';
import { ErrorCode, PUBLIC_ERROR_CODES } from '../errors.ts';
import { Headers, MAX_PURPOSE_LENGTH } from '../headers.ts';
import type { Logger } from '../logger.ts';
import type { RequestContext } from '../context.ts';
import { countStatements } from '../db/metrics.ts';
import { inputValidationPlugin } from '../validation/plugin.ts';
import type { ReadRequest } from '../access/recorder.ts';

export interface SubgraphModule<TContext> {
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
}

/** An extra HTTP route (e.g. `POST /events`); it authenticates its own callers. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: unknown) => Promise<void>;

export interface SubgraphServerOptions<TLoaders, TDb> {
  /** Agency name, e.g. `migration`; used in logs and metrics. */
  name: string;
  modules: SubgraphModule<RequestContext<TLoaders, TDb>>[];
  db: TDb;
  /** Builds fresh DataLoaders (and the access recorder) for one request. */
  createLoaders: (db: TDb, request: ReadRequest) => TLoaders;
  verifyToken: (token: string) => Promise<Principal>;
  /** The secret the gateway sends in `x-gateway-credential`; requests without it are refused. */
  gatewaySecret: string;
  logger: Logger;
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** Answers `/ready`: the database is reachable. */
  ready: () => Promise<boolean>;
  /** Adds `extensions.sqlStatements` to each response (tests and development). @default false */
  exposeSqlCount?: boolean;
  /** @default false (development only) */
  introspection?: boolean;
  /** Request body cap. @default 1_048_576 // 1 MiB */
  maxBodyBytes?: number;
  /** Extra routes by `METHOD /path`, e.g. `POST /events` from `runSubgraph`'s `deps.routes`. @default none */
  routes?: Record<string, RouteHandler>;
  /**
   * The Prometheus registry served on `/metrics`; pass `runSubgraph`'s `deps.registry` so
   * that the event relay's and inbox's metrics are served with the server's. @default a new registry
   */
  registry?: Registry;
}

export interface SubgraphServer {
  url: string;
  port: number;
  registry: Registry;
  /** The extra routes served (`POST /events`, …): lets `runSubgraph` check its routes were passed on. */
  routes: readonly string[];
  stop(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

/** Reads a JSON body up to `limit` bytes; a larger or malformed body is a 4xx, never a crash. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new HttpError(413, 'BAD_REQUEST', `Request body exceeds ${limit} bytes.`);
    chunks.push(buf);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'Request body is not valid JSON.');
  }
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const PRINTABLE = /^[\p{L}\p{N}\p{P}\p{Zs}\p{S}]*$/u;

function operationNameOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const name = (body as { operationName?: unknown }).operationName;
  if (typeof name !== 'string' || name.length > 200) return null;
  // The gateway names each fetch `<Operation>__<subgraph>__<n>`: record the client's name.
  return name.replace(/__[A-Za-z0-9_]+__\d+$/, '');
}

/**
 * Masks anything that is not a coded, public error: no stack, no SQL, no internal URL. The
 * operator's line names the error by its code and statement (`describeError` through the
 * logger's `err` serializer), never its message: drizzle's messages carry every parameter.
 */
export function maskError(formatted: GraphQLFormattedError, logger: Logger, error?: unknown, requestId?: string): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  if (code && PUBLIC_ERROR_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const extensions: Record<string, unknown> = { code };
    if (typeof formatted.extensions?.field === 'string') extensions.field = formatted.extensions.field;
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions,
    };
  }
  logger.error({ requestId, code, path: formatted.path, err: unwrapResolverError(error) }, 'internal error masked');
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/**
 * Starts an agency subgraph: Apollo Server 5 over node:http with `/graphql`, `/health`,
 * `/ready` and `/metrics`. Every `/graphql` request must come through the gateway
 * (credential header) and carry a valid bearer token, which is verified again here.
 */
export async function startSubgraphServer<TLoaders, TDb>(
  options: SubgraphServerOptions<TLoaders, TDb>,
): Promise<SubgraphServer> {
  type Ctx = RequestContext<TLoaders, TDb>;
  const { logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  const registry = options.registry ?? new Registry();
  registry.setDefaultLabels({ subgraph: options.name });
  collectDefaultMetrics({ register: registry });
  const sqlTotal = new Counter({
    name: 'nomad_sql_statements_total',
    help: 'SQL statements run on behalf of GraphQL operations',
    registers: [registry],
  });
  const sqlPerOperation = new Histogram({
    name: 'nomad_sql_statements_per_operation',
    help: 'SQL statements per GraphQL operation',
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 50],
    registers: [registry],
  });
  const operations = new Counter({
    name: 'nomad_graphql_operations_total',
    help: 'GraphQL operations by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });

  const apollo = new ApolloServer<Ctx>({
    schema: buildSubgraphSchema(options.modules),
    introspection: options.introspection ?? false,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // The service's main handles SIGINT/SIGTERM (close the server, then the database).
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => maskError(formatted, logger, error),
    plugins: [
      // Traces are for Apollo's hosted studio, which we do not use: never send them to the gateway.
      ApolloServerPluginInlineTraceDisabled(),
      // Client mistakes in arguments are refused here, before any resolver or SQL runs.
      inputValidationPlugin(),
      {
        requestDidStart() {
          return Promise.resolve({
            willSendResponse(rc: GraphQLRequestContext<Ctx>) {
              operations.inc({ outcome: rc.errors?.length ? 'error' : 'ok' });
              return Promise.resolve();
            },
          });
        },
      },
    ],
  });
  await apollo.start();

  const handleGraphql = async (req: IncomingMessage, res: ServerResponse, requestId: string) => {
    const expected = options.gatewaySecret;
    const credential = header(req, Headers.gatewayCredential);
    if (!credential || !safeEqual(credential, expected)) {
      throw new HttpError(401, ErrorCode.UNAUTHENTICATED, 'Requests must come through the gateway.');
    }
    const token = bearerToken(header(req, Headers.authorization));
    if (!token) throw new HttpError(401, ErrorCode.UNAUTHENTICATED, 'A valid bearer token is required.');
    let principal: Principal;
    try {
      principal = await options.verifyToken(token);
    } catch {
      throw new HttpError(401, ErrorCode.UNAUTHENTICATED, 'The token is invalid or expired.');
    }
    const purpose = header(req, Headers.purpose);
    if (purpose !== null && (purpose.length > MAX_PURPOSE_LENGTH || !PRINTABLE.test(purpose))) {
      throw new HttpError(400, ErrorCode.BAD_USER_INPUT, `X-Purpose must be printable text of at most ${MAX_PURPOSE_LENGTH} characters.`);
    }
    const idempotencyKey = header(req, Headers.idempotencyKey);
    if (idempotencyKey !== null && !REQUEST_ID.test(idempotencyKey)) {
      throw new HttpError(400, ErrorCode.BAD_USER_INPUT, 'Idempotency-Key must be 1–128 characters of [A-Za-z0-9._:-].');
    }
    const body = req.method === 'POST' ? await readJsonBody(req, maxBodyBytes) : undefined;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = new URL(req.url ?? '/', 'http://subgraph');
    const { counter, result } = countStatements(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () =>
          Promise.resolve({
            principal,
            purpose,
            requestId,
            idempotencyKey,
            db: options.db,
            loaders: options.createLoaders(options.db, { principal, purpose, requestId, operationName: operationNameOf(body) }),
            logger: logger.child({ requestId }),
          }),
      }),
    );
    const response = await result;
    sqlTotal.inc(counter.count);
    sqlPerOperation.observe(counter.count);
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.setHeader(Headers.requestId, requestId);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      let text = response.body.string;
      if (options.exposeSqlCount) {
        const parsed = JSON.parse(text) as { extensions?: Record<string, unknown> };
        parsed.extensions = { ...parsed.extensions, sqlStatements: counter.count };
        text = JSON.stringify(parsed);
      }
      res.end(text);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const server = createServer((req, res) => {
    const incoming = header(req, Headers.requestId);
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    // On every response, refusals included, so a caller can quote it when asking about one.
    res.setHeader(Headers.requestId, requestId);
    const path = (req.url ?? '/').split('?')[0];
    const run = async () => {
      if (path === '/health') return sendJson(res, 200, { status: 'ok' });
      if (path === '/ready') {
        const ok = await options.ready().catch(() => false);
        return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' });
      }
      if (path === '/metrics') {
        res.writeHead(200, { 'content-type': registry.contentType });
        return void res.end(await registry.metrics());
      }
      if (path === '/graphql') return handleGraphql(req, res, requestId);
      const route = path ? options.routes?.[`${req.method} ${path}`] : undefined;
      if (route) return route(req, res, await readJsonBody(req, maxBodyBytes));
      return sendError(res, 404, 'NOT_FOUND', 'No such route.');
    };
    run().catch((err: unknown) => {
      if (err instanceof HttpError) {
        // Refused before the body was read (e.g. 413): close the connection rather than leave
        // the rest of the upload pending on a socket that would hold up shutdown.
        const close: Record<string, string> = req.complete ? {} : { connection: 'close' };
        return sendJson(res, err.status, { errors: [{ message: err.message, extensions: { code: err.code } }] }, close);
      }
      logger.error({ err, requestId }, 'request failed');
      if (!res.headersSent) sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
      else res.end();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  logger.info({ port }, `${options.name} subgraph listening`);
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`,
    port,
    registry,
    routes: Object.keys(options.routes ?? {}),
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
