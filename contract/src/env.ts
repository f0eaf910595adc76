import { z } from 'zod';

/**
 * Raised when configuration is invalid. `main` entry points print `issues` and exit(1);
 * tests catch it.
 */
export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** The environment as a plain record, so that tests can pass their own. */
export type EnvSource = Record<string, string | undefined>;

/** The one place that reads `process.env`. */
export function processEnv(): EnvSource {
  return process.env;
}

/**
 * Parses `source` with `schema`, collecting every problem before failing, so an operator
 * sees the whole list at once instead of fixing one variable per restart.
 */
export function parseEnv<S extends z.ZodType>(schema: S, source: EnvSource = processEnv()): z.infer<S> {
  // Empty strings mean "unset" for every variable: `FOO= npm start` should use FOO's default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return result.data;
}

/** A boolean env flag: `true/1/yes/on` or `false/0/no/off`. */
export const envBoolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes' || v === 'on');

export const envPort = z.coerce.number().int().min(0).max(65535);

/** Development-only defaults. A production start refuses them (see `assertNoDevSecrets`). */
export const DEV_JWT_SECRET = 'nomad-graph-development-secret-do-not-use-in-production';
export const DEV_GATEWAY_SECRET = 'nomad-graph-development-gateway-credential';
export const DEV_SERVICE_SECRET = 'nomad-graph-development-service-credential';
/** The gateway's development key for analysts' pseudonyms (PSEUDONYM_KEY). */
export const DEV_PSEUDONYM_KEY = 'nomad-graph-development-pseudonym-key-do-not-use-in-production';

/** What every service shares: identity verification and the run mode. */
export const baseEnvShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** HS256 shared secret for JWTs. @default DEV_JWT_SECRET (development only) */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_JWT_SECRET),
  /** When set, tokens are verified against this JWKS (RS256/ES256) instead of JWT_SECRET. */
  JWKS_URL: z.url().optional(),
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
};

/** Refuses development secrets in production: a leaked default must never guard real data. */
export function assertNoDevSecrets(env: { NODE_ENV: string } & Record<string, unknown>, keys: string[]): void {
  if (env.NODE_ENV !== 'production') return;
  const devValues = new Set([DEV_JWT_SECRET, DEV_GATEWAY_SECRET, DEV_SERVICE_SECRET, DEV_PSEUDONYM_KEY]);
  const bad = keys.filter((k) => typeof env[k] === 'string' && devValues.has(env[k]));
  // A JWKS URL replaces the shared JWT secret, so its default is harmless then.
  const filtered = bad.filter((k) => !(k === 'JWT_SECRET' && env.JWKS_URL));
  if (filtered.length > 0) {
    throw new EnvError(filtered.map((k) => `${k}: the development default is not allowed when NODE_ENV=production`));
  }
}
