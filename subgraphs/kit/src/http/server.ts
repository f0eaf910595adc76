import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import type { ReadRequest } from '../access/recorder.ts';
import type { Principal } from '../auth.ts';
import type { RequestContext } from '../context.ts';
import { ErrorCode } from '../errors.ts';
import { Headers } from '../headers.ts';
import type { IdempotencyTables } from '../idempotency.ts';
import type { Logger } from '../logger.ts';
import { startApollo, type SubgraphModule } from './apollo.ts';
import { graphqlRoute, REQUEST_ID } from './graphql-route.ts';
import { createServerMetrics } from './metrics.ts';
import { header, HttpError, readJsonBody, sendError, sendJson } from './respond.ts';

export { maskError, type SubgraphModule } from './apollo.ts';

export { readJsonBody, safeEqual, sendError, sendJson } from './respond.ts';

/** An extra HTTP route (e.g. `POST /events`); it authenticates its own callers. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: unknown) => Promise<void>;

export interface SubgraphServerOptions<TLoaders, TDb extends object> {
  /** Agency name, e.g. `migration`; used in logs and metrics. */
  name: string;
  modules: SubgraphModule<RequestContext<TLoaders, TDb>>[];
  db: TDb;
  /** Handed to resolvers as `ctx.analytics`: where analysts' reads run (`analyticsRead`). @default none: they run on `db` */
  analyticsDb?: TDb;
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
  /**
   * What an operator must fix although the service can serve (e.g. a year of public holidays
   * not loaded): listed in `/ready`'s body as `warnings`, the status stays 200. A check that
   * throws is reported as a warning of its own (`READINESS_CHECK_FAILED`). @default none
   */
  readinessWarnings?: () => Promise<ReadinessWarning[]>;
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
  /** The agency's remembered mutation answers, handed to resolvers as `ctx.idempotency` (`runMutation`). @default none */
  idempotency?: IdempotencyTables;
  /**
   * The agency's personal fields by coordinate (`Nomad.surname`): an officer, expert, analyst
   * or auditor selecting one without `X-Purpose` is refused with `PURPOSE_REQUIRED`. @default none
   */
  personalFields?: Iterable<string>;
}

export interface SubgraphServer {
  url: string;
  port: number;
  registry: Registry;
  /** The extra routes served (`POST /events`, …): lets `runSubgraph` check its routes were passed on. */
  routes: readonly string[];
  stop(): Promise<void>;
}

/** A readiness warning: a stable code, a message for the operator, and details without personal data. */
export interface ReadinessWarning {
  code: string;
  message: string;
  [detail: string]: unknown;
}

type Handler = (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<void>;

/** The warnings of `/ready`; a failing check becomes a warning rather than a failed probe. */
async function readinessWarningsOf(check: (() => Promise<ReadinessWarning[]>) | undefined): Promise<ReadinessWarning[]> {
  if (!check) return [];
  try {
    return await check();
  } catch {
    return [{ code: 'READINESS_CHECK_FAILED', message: 'A readiness check could not run; see the service log.' }];
  }
}

/** Routes a request: the fixed paths, `/graphql`, then the extra routes; anything else is a 404. */
function dispatcher(options: {
  graphql: Handler;
  ready: () => Promise<boolean>;
  readinessWarnings?: (() => Promise<ReadinessWarning[]>) | undefined;
  registry: Registry;
  routes: Record<string, RouteHandler>;
  maxBodyBytes: number;
}): Handler {
  return async (req, res, requestId) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (path === '/ready') {
      const ok = await options.ready().catch(() => false);
      if (!ok) return sendJson(res, 503, { status: 'not ready' });
      const warnings = await readinessWarningsOf(options.readinessWarnings);
      return sendJson(res, 200, warnings.length > 0 ? { status: 'ready', warnings } : { status: 'ready' });
    }
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': options.registry.contentType });
      return void res.end(await options.registry.metrics());
    }
    if (path === '/graphql') return options.graphql(req, res, requestId);
    const route = path ? options.routes[`${req.method} ${path}`] : undefined;
    if (route) return route(req, res, await readJsonBody(req, options.maxBodyBytes));
    return sendError(res, 404, 'NOT_FOUND', 'No such route.');
  };
}

/** Answers a failed request: a refusal with its status, anything else as a bare 500 (logged). */
function answerFailure(req: IncomingMessage, res: ServerResponse, err: unknown, logger: Logger, requestId: string): void {
  if (err instanceof HttpError) {
    // Refused before the body was read (e.g. 413): close the connection rather than leave
    // the rest of the upload pending on a socket that would hold up shutdown.
    const close: Record<string, string> = req.complete ? {} : { connection: 'close' };
    return sendJson(res, err.status, { errors: [{ message: err.message, extensions: { code: err.code } }] }, close);
  }
  logger.error({ err, requestId }, 'request failed');
  if (!res.headersSent) sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
  else res.end();
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Starts an agency subgraph: Apollo Server 5 over node:http with `/graphql`, `/health`,
 * `/ready` and `/metrics`. Every `/graphql` request must come through the gateway
 * (credential header) and carry a valid bearer token, which is verified again here.
 */
export async function startSubgraphServer<TLoaders, TDb extends object>(options: SubgraphServerOptions<TLoaders, TDb>): Promise<SubgraphServer> {
  const { logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  const host = options.host ?? '127.0.0.1';
  const registry = options.registry ?? new Registry();
  const metrics = createServerMetrics(registry, options.name);
  const apollo = await startApollo({ modules: options.modules, introspection: options.introspection ?? false, personalFields: options.personalFields ?? [], logger, metrics });
  const graphql = graphqlRoute({ ...options, apollo, metrics, maxBodyBytes, exposeSqlCount: options.exposeSqlCount ?? false });
  const dispatch = dispatcher({ graphql, ready: options.ready, readinessWarnings: options.readinessWarnings, registry, routes: options.routes ?? {}, maxBodyBytes });
  const server = createServer((req, res) => {
    const incoming = header(req, Headers.requestId);
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    // On every response, refusals included, so a caller can quote it when asking about one.
    res.setHeader(Headers.requestId, requestId);
    dispatch(req, res, requestId).catch((err: unknown) => answerFailure(req, res, err, logger, requestId));
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const port = await listen(server, options.port ?? 0, host);
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
