/**
 * The gateways the scoreboard compares, each over the same committed supergraph and the same
 * running subgraphs, each sending every subgraph what ours sends (token, purpose, request id,
 * that subgraph's gateway credential): a stock `@apollo/gateway` on `@apollo/server`, and Hive
 * Gateway with and without its de-duplication of identical in-flight subgraph requests (on by
 * default). Nothing leaves the machine: telemetry is off before Apollo loads, Hive has no
 * usage reporting.
 */
import '@nomad/contract/telemetry-off';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime } from '@graphql-hive/gateway';

/** The subgraphs a gateway calls: each one's URL and the gateway credential it wants. */
export interface Subgraphs {
  urls: Record<string, string>;
  credentials: Record<string, string>;
  /**
   * The committed supergraph's file (`@nomad/schema`'s SUPERGRAPH_PATH, given by the caller: that
   * package loads the composition, which would weigh on a contender's own memory).
   */
  supergraphPath: string;
}

export interface Contender {
  name: string;
  /** The GraphQL endpoint. */
  url: string;
  stop(): Promise<void>;
}

/** The client headers every gateway passes on to the subgraphs. */
const PASSED_ON = ['authorization', 'x-purpose', 'x-request-id', 'idempotency-key'] as const;

function passedOn(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PASSED_ON) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/** A stock `@apollo/gateway` 2.14 on `@apollo/server` 5, configured only to pass the headers on. */
export async function stockApollo(subgraphs: Subgraphs): Promise<Contender> {
  const gateway = new ApolloGateway({
    supergraphSdl: await readFile(subgraphs.supergraphPath, 'utf8'),
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource<{ headers: Record<string, string> }>({
        url: subgraphs.urls[name] ?? '',
        willSendRequest({ request, context }) {
          const passed: Record<string, string> = (context as { headers?: Record<string, string> }).headers ?? {};
          for (const [key, value] of Object.entries(passed)) request.http?.headers.set(key, value);
          request.http?.headers.set('x-gateway-credential', subgraphs.credentials[name] ?? '');
        },
      }),
  });
  const server = new ApolloServer<{ headers: Record<string, string> }>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: ({ req }) => Promise.resolve({ headers: passedOn(req.headers) }),
  });
  return { name: 'stock Apollo', url, stop: () => server.stop() };
}

/** Hive Gateway (`@graphql-hive/gateway`), its in-flight de-duplication as given. */
export async function hive(subgraphs: Subgraphs, deduplicate: boolean): Promise<Contender> {
  const runtime = createGatewayRuntime({
    supergraph: await readFile(subgraphs.supergraphPath, 'utf8'),
    transportEntries: Object.fromEntries(
      Object.entries(subgraphs.urls).map(([name, location]) => [name, { location, options: { deduplicateInflightRequests: deduplicate } }]),
    ),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, subgraphName }) => ({
        ...Object.fromEntries(PASSED_ON.map((h) => [h, request.headers.get(h)])),
        'x-gateway-credential': subgraphs.credentials[subgraphName] ?? '',
      }),
    },
    landingPage: false,
    graphiql: false,
    logging: false,
  });
  const server: Server = createServer((req, res) => void runtime(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    name: deduplicate ? 'Hive (dedup on)' : 'Hive (dedup off)',
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await runtime.dispose();
    },
  };
}
