import { z } from 'zod';
import { AGENCY_DEFAULT_PORTS, AGENCY_NAMES, assertNoDevSecrets, DEV_GATEWAY_SECRET, EnvError, parseEnv, processEnv, type EnvSource } from '@nomad/contract';
import type { GatewayEnv } from './env.ts';
import { replicaUrls } from './subgraphs/replicas.ts';

// The subgraphs' URLs and credentials: read after the gateway's own settings (env.ts), since
// they depend on the subgraphs the supergraph names.

/**
 * Where each agency's subgraph listens when nothing is configured: the ports `npm start`
 * gives them on one machine. A subgraph the supergraph names but this map does not know
 * needs its `<NAME>_URL` set.
 */
export const DEFAULT_SUBGRAPH_URLS: Readonly<Record<string, string>> = Object.fromEntries(
  AGENCY_NAMES.map((name) => [name, `http://127.0.0.1:${AGENCY_DEFAULT_PORTS[name]}/graphql`]),
);

export interface SubgraphEnv {
  /** GraphQL endpoint per subgraph name. */
  urls: Record<string, string>;
  /** `x-gateway-credential` value per subgraph name. */
  credentials: Record<string, string>;
}

/** `migration` → `MIGRATION`; dashes and dots become underscores so the name is a valid variable. */
export function envPrefix(subgraphName: string): string {
  return subgraphName.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/**
 * Reads `<NAME>_URL` (default from DEFAULT_SUBGRAPH_URLS) and `<NAME>_GATEWAY_SECRET`
 * (default DEV_GATEWAY_SECRET, refused in production) for each subgraph name.
 * @throws EnvError listing every invalid or missing variable
 */
export function loadSubgraphEnv(
  subgraphNames: readonly string[],
  nodeEnv: GatewayEnv['NODE_ENV'],
  source: EnvSource = processEnv(),
): SubgraphEnv {
  const shape: Record<string, z.ZodType<string>> = {};
  for (const name of subgraphNames) {
    const prefix = envPrefix(name);
    // One URL, or the replicas' URLs comma-separated (called round robin).
    const one = z.url({ protocol: /^https?$/ });
    const url = z
      .string({ error: () => `required: the supergraph names subgraph "${name}", which has no default URL` })
      .refine((v) => replicaUrls(v).length > 0 && replicaUrls(v).every((u) => one.safeParse(u).success), 'must be http(s) URLs, comma-separated');
    const defaultUrl = DEFAULT_SUBGRAPH_URLS[name];
    shape[`${prefix}_URL`] = defaultUrl ? url.default(defaultUrl) : url;
    shape[`${prefix}_GATEWAY_SECRET`] = z
      .string()
      .min(16, 'must be at least 16 characters')
      .default(DEV_GATEWAY_SECRET);
  }
  const parsed = parseEnv(z.object(shape), source);
  const secretKeys = subgraphNames.map((n) => `${envPrefix(n)}_GATEWAY_SECRET`);
  assertNoDevSecrets({ ...parsed, NODE_ENV: nodeEnv }, secretKeys);

  const urls: Record<string, string> = {};
  const credentials: Record<string, string> = {};
  for (const name of subgraphNames) {
    const prefix = envPrefix(name);
    const url = parsed[`${prefix}_URL`];
    const credential = parsed[`${prefix}_GATEWAY_SECRET`];
    // parseEnv already refused missing values; this only narrows the index type.
    if (url === undefined || credential === undefined) throw new EnvError([`${prefix}_URL: required`]);
    urls[name] = url;
    credentials[name] = credential;
  }
  return { urls, credentials };
}
