import '@nomad/contract/telemetry-off';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger, DEV_JWT_SECRET, EnvError, signToken } from '@nomad/contract';
import { CostWeightsError, loadCostWeights } from './cost-weights.ts';
import { gatewayOptionsOf, loadGatewayEnv, trustedDocumentsOf, type GatewayEnv } from './env.ts';
import { loadSubgraphEnv } from './subgraph-env.ts';
import { FIRST_QUERY } from './plugins/useGraphiQL.ts';
import { TrustedDocumentsError } from './plugins/useTrustedDocuments.ts';
import type { Readiness } from './subgraphs/readiness.ts';
import { createGateway, type Gateway } from './server.ts';
import { SupergraphError, subgraphNamesOf } from './supergraph.ts';

/** How long the banner waits for the subgraphs (`npm start` starts them all at once). */
const READY_WAIT_MS = 60_000;
const READY_POLL_MS = 1_000;

/** A configuration problem the operator must fix; printed without a stack trace. */
class StartupError extends Error {}

async function readSupergraph(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new StartupError(`No supergraph at ${path}: run npm run compose (or set SUPERGRAPH_PATH).`);
    }
    throw err;
  }
}

/** Polling, not a promise: the subgraphs are other processes, and /ready is all they offer. */
async function waitUntilReady(gateway: Gateway, stopped: () => boolean): Promise<Readiness> {
  const deadline = Date.now() + READY_WAIT_MS;
  let readiness = await gateway.checkReady();
  while (!readiness.ready && !stopped() && Date.now() < deadline) {
    await sleep(READY_POLL_MS);
    readiness = await gateway.checkReady();
  }
  return readiness;
}

/** A token for trying the API, only where a leaked one is worthless: the development secret outside production. */
async function developmentToken(env: GatewayEnv): Promise<string | null> {
  const devSecret = env.JWT_SECRET === DEV_JWT_SECRET && env.NODE_ENV !== 'production';
  const verifiable = !env.JWKS_URL && !env.JWT_ISSUER && !env.JWT_AUDIENCE;
  if (!devSecret || !verifiable) return null;
  return signToken(env.JWT_SECRET, { roles: ['migration_officer'], name: 'Development migration officer' });
}

function banner(env: GatewayEnv, port: number, readiness: Readiness, token: string | null): string {
  const host = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(env.GATEWAY_HOST) ? 'localhost' : env.GATEWAY_HOST;
  const url = `http://${host}:${port}/graphql`;
  const lines = ['', 'The nomad graph gateway is up.', '', `  GraphQL:  ${url}${env.GRAPHIQL ? '  (open it in a browser for GraphiQL)' : ''}`];
  if (!readiness.ready) {
    lines.push('', `  Not ready yet: ${readiness.notReady.join(', ')}. Are those subgraphs running? (GET /ready tells when they are.)`);
  }
  if (token) {
    lines.push(
      '',
      '  Development token (migration_officer, valid 12 hours):',
      `    ${token}`,
      "  Paste it into GraphiQL's Token field (other clients: Authorization: Bearer <token>).",
      '  Other roles: npm run token -- --role labor_officer',
    );
  }
  lines.push('', '  A first query:', `    ${FIRST_QUERY}`, '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const env = loadGatewayEnv();
  // Asynchronous: the request log must not wait on stdout.
  const logger = createLogger('gateway', env.LOG_LEVEL, { async: true });
  const supergraphSdl = await readSupergraph(env.SUPERGRAPH_PATH);
  const names = subgraphNamesOf(supergraphSdl);
  const subgraphs = loadSubgraphEnv(names, env.NODE_ENV);
  const trustedDocuments = await trustedDocumentsOf(env);

  const costWeights = await loadCostWeights(env.COST_WEIGHTS_PATH, supergraphSdl);
  const options = gatewayOptionsOf(env);
  const gateway = await createGateway({
    ...options,
    limits: { ...options.limits, costWeights },
    supergraphSdl,
    subgraphUrls: subgraphs.urls,
    credentials: subgraphs.credentials,
    ...(trustedDocuments ? { trustedDocuments } : {}),
    logger,
  });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    gateway.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'stop failed');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, shutdown);

  const readiness = await waitUntilReady(gateway, () => stopping);
  if (stopping) return;
  if (!readiness.ready) logger.warn({ notReady: readiness.notReady }, 'subgraphs not ready');
  process.stdout.write(`${banner(env, gateway.port, readiness, await developmentToken(env))}\n`);
}

main().catch((err: unknown) => {
  if (
    err instanceof EnvError ||
    err instanceof StartupError ||
    err instanceof SupergraphError ||
    err instanceof CostWeightsError ||
    err instanceof TrustedDocumentsError
  ) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`The gateway failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
