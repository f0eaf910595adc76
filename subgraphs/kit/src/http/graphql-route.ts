import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { ReadRequest } from '../access/recorder.ts';
import { bearerToken, type Principal } from '../auth.ts';
import type { RequestContext } from '../context.ts';
import { countedDb, type StatementCounter } from '../db/metrics.ts';
import { ErrorCode } from '../errors.ts';
import { Headers, MAX_PURPOSE_LENGTH } from '../headers.ts';
import type { IdempotencyTables } from '../idempotency.ts';
import type { Logger } from '../logger.ts';
import { cursorKeyOf, withCursorKey } from '../pagination.ts';
import type { ServerMetrics } from './metrics.ts';
import { header, HttpError, readJsonBody, safeEqual } from './respond.ts';

export const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const PRINTABLE = /^[\p{L}\p{N}\p{P}\p{Zs}\p{S}]*$/u;

/** What `/graphql` needs to turn a request into an operation with its context. */
export interface GraphqlRouteOptions<TLoaders, TDb extends object> {
  apollo: ApolloServer<RequestContext<TLoaders, TDb>>;
  metrics: ServerMetrics;
  db: TDb;
  /** @see SubgraphServerOptions.analyticsDb */
  analyticsDb?: TDb | undefined;
  createLoaders: (db: TDb, request: ReadRequest) => TLoaders;
  verifyToken: (token: string) => Promise<Principal>;
  gatewaySecret: string;
  logger: Logger;
  maxBodyBytes: number;
  exposeSqlCount: boolean;
  idempotency?: IdempotencyTables;
}

/** The caller: the request came through the gateway and carries a valid bearer token. */
async function authenticate(req: IncomingMessage, gatewaySecret: string, verifyToken: (token: string) => Promise<Principal>): Promise<Principal> {
  const credential = header(req, Headers.gatewayCredential);
  if (!credential || !safeEqual(credential, gatewaySecret)) {
    throw new HttpError(401, ErrorCode.UNAUTHENTICATED, 'Requests must come through the gateway.');
  }
  const token = bearerToken(header(req, Headers.authorization));
  if (!token) throw new HttpError(401, ErrorCode.UNAUTHENTICATED, 'A valid bearer token is required.');
  try {
    return await verifyToken(token);
  } catch {
    throw new HttpError(401, ErrorCode.UNAUTHENTICATED, 'The token is invalid or expired.');
  }
}

/** `X-Purpose` and `Idempotency-Key`, checked: a malformed one is the client's mistake (400). */
function requestHeaders(req: IncomingMessage): { purpose: string | null; idempotencyKey: string | null } {
  // Blank says nothing: it counts as no purpose, as at the gateway.
  const purpose = header(req, Headers.purpose)?.trim() || null;
  if (purpose !== null && (purpose.length > MAX_PURPOSE_LENGTH || !PRINTABLE.test(purpose))) {
    throw new HttpError(400, ErrorCode.BAD_USER_INPUT, `X-Purpose must be printable text of at most ${MAX_PURPOSE_LENGTH} characters.`);
  }
  const idempotencyKey = header(req, Headers.idempotencyKey);
  if (idempotencyKey !== null && !REQUEST_ID.test(idempotencyKey)) {
    throw new HttpError(400, ErrorCode.BAD_USER_INPUT, 'Idempotency-Key must be 1–128 characters of [A-Za-z0-9._:-].');
  }
  return { purpose, idempotencyKey };
}

function operationNameOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const name = (body as { operationName?: unknown }).operationName;
  if (typeof name !== 'string' || name.length > 200) return null;
  // The gateway names each fetch `<Operation>__<subgraph>__<n>`: record the client's name.
  return name.replace(/__[A-Za-z0-9_]+__\d+$/, '');
}

function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Writes Apollo's answer, with `extensions.sqlStatements` when asked (tests, development). */
async function writeResponse(res: ServerResponse, response: HTTPGraphQLResponse, requestId: string, sqlStatements: number | null): Promise<void> {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.setHeader(Headers.requestId, requestId);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    let text = response.body.string;
    if (sqlStatements !== null) {
      const parsed = JSON.parse(text) as { extensions?: Record<string, unknown> };
      parsed.extensions = { ...parsed.extensions, sqlStatements };
      text = JSON.stringify(parsed);
    }
    res.end(text);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * `/graphql`: authenticate, read the request headers and body, run the operation with a fresh
 * context (fresh loaders) while counting its SQL statements, answer.
 */
export function graphqlRoute<TLoaders, TDb extends object>(options: GraphqlRouteOptions<TLoaders, TDb>) {
  const { apollo, metrics, db, logger } = options;
  const cursorKey = cursorKeyOf(options.gatewaySecret);
  return async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    const principal = await authenticate(req, options.gatewaySecret, options.verifyToken);
    const { purpose, idempotencyKey } = requestHeaders(req);
    const body = req.method === 'POST' ? await readJsonBody(req, options.maxBodyBytes) : undefined;
    const url = new URL(req.url ?? '/', 'http://subgraph');
    // The operation's statements: counted on the views of the pools its context carries.
    const counter: StatementCounter = { count: 0 };
    // Built as Apollo asks for it: the loaders belong to this operation.
    const contextOf = (): RequestContext<TLoaders, TDb> => {
      const counted = countedDb(db, counter);
      return {
        principal,
        purpose,
        requestId,
        idempotencyKey,
        db: counted,
        ...(options.analyticsDb === undefined ? {} : { analytics: countedDb(options.analyticsDb, counter) }),
        loaders: options.createLoaders(counted, { principal, purpose, requestId, operationName: operationNameOf(body) }),
        logger: logger.child({ requestId }),
        ...(options.idempotency ? { idempotency: options.idempotency } : {}),
      };
    };
    // Cursors handed out and read in this request are sealed with this agency's key.
    const response = await withCursorKey(cursorKey, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers: headerMapOf(req), search: url.search, body },
        context: () => Promise.resolve(contextOf()),
      }),
    );
    metrics.sqlTotal.inc(counter.count);
    metrics.sqlPerOperation.observe(counter.count);
    await writeResponse(res, response, requestId, options.exposeSqlCount ? counter.count : null);
  };
}
