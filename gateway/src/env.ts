import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  AGENCY_DEFAULT_PORTS,
  AGENCY_NAMES,
  assertNoDevSecrets,
  baseEnvShape,
  DEV_GATEWAY_SECRET,
  envBoolean,
  EnvError,
  envPort,
  parseEnv,
  processEnv,
  type EnvSource,
} from '@nomad/contract';
import { replicaUrls } from './replicas.ts';

/**
 * Where each agency's subgraph listens when nothing is configured: the ports `npm start`
 * gives them on one machine. A subgraph the supergraph names but this map does not know
 * needs its `<NAME>_URL` set.
 */
export const DEFAULT_SUBGRAPH_URLS: Readonly<Record<string, string>> = Object.fromEntries(
  AGENCY_NAMES.map((name) => [name, `http://127.0.0.1:${AGENCY_DEFAULT_PORTS[name]}/graphql`]),
);

/** The committed supergraph, resolved from this file so the gateway starts from any cwd. */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

const positiveInt = z.coerce.number().int().positive();

const gatewayEnvSchema = z
  .object({
    ...baseEnvShape,
    /** @default 4000 */
    GATEWAY_PORT: envPort.default(4000),
    /** Loopback by default: exposing the gateway is a deliberate act. @default '127.0.0.1' */
    GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
    /** @default DEFAULT_SUPERGRAPH_PATH (schema/supergraph.graphql in this repository) */
    SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH),
    /** Deepest field nesting allowed, fragments included. @default 12 */
    MAX_DEPTH: positiveInt.default(12),
    /** Aliases per operation, fragments expanded. @default 30 */
    MAX_ALIASES: positiveInt.default(30),
    /** Lexical tokens per document; stops the parser before it builds a huge AST. @default 5000 */
    MAX_TOKENS: positiveInt.default(5000),
    /** Estimated cost per operation (page sizes multiply). @default 50000 */
    MAX_COST: positiveInt.default(50_000),
    /** Request body cap. @default 1048576 // 1 MiB */
    MAX_BODY_BYTES: positiveInt.default(1_048_576),
    /** @default on, except when NODE_ENV=production */
    GRAPHIQL: envBoolean.optional(),
    /** @default on, except when NODE_ENV=production */
    INTROSPECTION: envBoolean.optional(),
  })
  .transform((env) => {
    const development = env.NODE_ENV !== 'production';
    return { ...env, GRAPHIQL: env.GRAPHIQL ?? development, INTROSPECTION: env.INTROSPECTION ?? development };
  });

export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

/** The gateway's own variables (beside `<NAME>_URL` and `<NAME>_GATEWAY_SECRET` per subgraph): deploy examples are checked against them. */
export const GATEWAY_ENV_KEYS: readonly string[] = Object.keys(gatewayEnvSchema.in.shape);

/**
 * The gateway's own settings. Subgraph URLs and credentials depend on the subgraphs the
 * supergraph names, so they are read afterwards by `loadSubgraphEnv`.
 * @throws EnvError listing every invalid variable
 */
export function loadGatewayEnv(source: EnvSource = processEnv()): GatewayEnv {
  const env = parseEnv(gatewayEnvSchema, source);
  assertNoDevSecrets(env, ['JWT_SECRET']);
  return env;
}

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
