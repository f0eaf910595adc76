import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createTokenVerifier, type Principal } from './auth.ts';
import { openDatabase, type Database } from './db/database.ts';
import { runMigrations } from './db/migrate.ts';
import {
  assertNoDevSecrets,
  baseEnvShape,
  DEV_GATEWAY_SECRET,
  EnvError,
  envBoolean,
  envPort,
  parseEnv,
  processEnv,
  type EnvSource,
} from './env.ts';
import type { SubgraphServer } from './http/server.ts';
import { createLogger, type Logger } from './logger.ts';

/** The repository root (`.data/` lives there by default). */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Each agency reads `<AGENCY>_…` variables, falling back to the shared ones where that makes sense. */
export function subgraphEnvSchema(agency: string, defaultPort: number) {
  const A = agency.toUpperCase();
  return z
    .object({
      ...baseEnvShape,
      [`${A}_PORT`]: envPort.default(defaultPort),
      [`${A}_HOST`]: z.string().min(1).default('127.0.0.1'),
      [`${A}_DATABASE_URL`]: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
      DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
      /** Parent folder of the embedded clusters. @default '<repo>/.data' */
      DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data')),
      [`${A}_GATEWAY_SECRET`]: z.string().min(16, 'must be at least 16 characters').default(DEV_GATEWAY_SECRET),
      /** Seed sample data into an empty database. @default true outside production */
      SEED: envBoolean.optional(),
    })
    .transform((e) => {
      const env = e as Record<string, unknown> & z.infer<z.ZodObject<typeof baseEnvShape>> & { DATA_DIR: string; SEED?: boolean; DATABASE_URL?: string };
      return {
        nodeEnv: env.NODE_ENV,
        logLevel: env.LOG_LEVEL,
        jwt: { secret: env.JWT_SECRET, jwksUrl: env.JWKS_URL, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE },
        port: env[`${A}_PORT`] as number,
        host: env[`${A}_HOST`] as string,
        databaseUrl: (env[`${A}_DATABASE_URL`] as string | undefined) ?? env.DATABASE_URL,
        dataDir: env.DATA_DIR,
        gatewaySecret: env[`${A}_GATEWAY_SECRET`] as string,
        seed: env.SEED ?? env.NODE_ENV !== 'production',
        raw: env,
      };
    });
}

export type SubgraphEnv = z.infer<ReturnType<typeof subgraphEnvSchema>>;

export interface SubgraphDeps<TSchema extends Record<string, unknown>> {
  env: SubgraphEnv;
  database: Database<TSchema>;
  logger: Logger;
  verifyToken: (token: string) => Promise<Principal>;
}

export interface RunSubgraphOptions<TSchema extends Record<string, unknown>> {
  agency: string;
  defaultPort: number;
  schema: TSchema;
  /** Folder of the agency's generated drizzle migrations. */
  migrationsFolder: string;
  /** Fills an empty database with sample data (development). */
  seed?: (deps: SubgraphDeps<TSchema>) => Promise<void>;
  start: (deps: SubgraphDeps<TSchema>) => Promise<SubgraphServer>;
  source?: EnvSource;
}

/**
 * The `main` of an agency subgraph: validated env, database (URL or embedded), migrations,
 * optional seed, server; stops cleanly on SIGINT/SIGTERM. A bad configuration prints every
 * problem and exits 1.
 */
export async function runSubgraph<TSchema extends Record<string, unknown>>(
  options: RunSubgraphOptions<TSchema>,
): Promise<void> {
  let env: SubgraphEnv;
  try {
    env = parseEnv(subgraphEnvSchema(options.agency, options.defaultPort), options.source ?? processEnv());
    assertNoDevSecrets({ ...env.raw }, ['JWT_SECRET', `${options.agency.toUpperCase()}_GATEWAY_SECRET`]);
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`${options.agency}: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(options.agency, env.logLevel);
  let database: Database<TSchema> | undefined;
  let server: SubgraphServer | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await server?.stop().catch((err: unknown) => logger.error({ err }, 'server stop failed'));
    await database?.close().catch((err: unknown) => logger.error({ err }, 'database close failed'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    database = await openDatabase({
      agency: options.agency,
      url: env.databaseUrl,
      dataDir: env.dataDir,
      schema: options.schema,
      logger,
    });
    logger.info({ database: database.description }, 'database open');
    await runMigrations(database, { agency: options.agency, migrationsFolder: options.migrationsFolder });
    const verifyToken = createTokenVerifier(env.jwt);
    const deps: SubgraphDeps<TSchema> = { env, database, logger, verifyToken };
    if (env.seed && options.seed) await options.seed(deps);
    server = await options.start(deps);
  } catch (err) {
    logger.fatal({ err }, `${options.agency} subgraph failed to start`);
    await database?.close().catch(() => undefined);
    process.exit(1);
  }
}
