import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll } from 'vitest';
import { signToken } from '@nomad/contract';
import { createGateway, type Gateway, type GatewayOptions } from '../server.ts';
import { SUPERGRAPH } from './supergraph.ts';

export const JWT_SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
export const CREDENTIAL = 'the-hello-subgraph-gateway-credential';

/** Stands in for a subgraph: records what reaches it and answers fixed JSON. */
export interface FakeSubgraph {
  url: string;
  received: { headers: IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

export async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

const disposals: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(disposals.map((dispose) => dispose()));
});

/** Registers a clean-up for the end of the test file. */
export function dispose(fn: () => Promise<void>): void {
  disposals.push(fn);
}

/** A subgraph answering `{"data": data}` to every operation and 200 to `/ready`. */
export async function startFakeSubgraph(data: Record<string, unknown> = { hello: 'world' }): Promise<FakeSubgraph> {
  const received: FakeSubgraph['received'] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/ready') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ready"}');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    });
  });
  const port = await listen(server);
  const fake = { url: `http://127.0.0.1:${port}/graphql`, received, close: () => close(server) };
  dispose(fake.close);
  return fake;
}

/** A subgraph that accepts connections and never answers. */
export async function startHangingSubgraph(): Promise<string> {
  const server = createServer(() => {
    // Never answers.
  });
  const port = await listen(server);
  dispose(() => close(server));
  return `http://127.0.0.1:${port}/graphql`;
}

/** A URL nothing listens on: a subgraph that is down. */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  const port = await listen(server);
  await close(server);
  return `http://127.0.0.1:${port}/graphql`;
}

/** Keeps the gateway's log lines so tests can read what an operator would. */
export function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger: pino({ level: 'info' }, stream), lines, parsed };
}

/** A gateway over the one-subgraph fixture (unless told otherwise), stopped after the file. */
export async function startGateway(options: Partial<GatewayOptions> & Pick<GatewayOptions, 'subgraphUrls'>): Promise<Gateway> {
  const gateway = await createGateway({
    supergraphSdl: SUPERGRAPH,
    credentials: { hello: CREDENTIAL, world: CREDENTIAL },
    verifier: { secret: JWT_SECRET },
    logger: pino({ level: 'silent' }),
    ...options,
  });
  dispose(() => gateway.stop());
  return gateway;
}

export function bearer(roles: Parameters<typeof signToken>[1]['roles'] = ['analyst'], sub?: string): Promise<Record<string, string>> {
  return signToken(JWT_SECRET, { roles, ...(sub ? { sub } : {}) }).then((token) => ({ authorization: `Bearer ${token}` }));
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: unknown; extensions?: Record<string, unknown> }[];
}

export async function post(
  gateway: Gateway,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: GraphQLBody; text: string }> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as GraphQLBody, text };
}

export const codeOf = (body: GraphQLBody) => body.errors?.[0]?.extensions?.code;
