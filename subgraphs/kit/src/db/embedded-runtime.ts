import { randomBytes } from 'node:crypto';
import path from 'node:path';
import postgres from 'postgres';
import type { Logger } from '../logger.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { ensureRuntimeRole, runtimeRoleName } from './roles.ts';

/** An agency's embedded cluster, ready for `openDatabase`: its runtime role exists. */
export interface EmbeddedWithRuntimeRole {
  /** The runtime role's URL (the pool connects with it). */
  url: string;
  /** The cluster superuser's URL (migrations run with it, and it grants the runtime role). */
  superuserUrl: string;
  stop(): Promise<void>;
}

/** `url` with another user and password. */
function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}

/**
 * Starts the agency's embedded cluster in `dataDir/<agency>` and creates the runtime role
 * `nomad_<agency>_runtime` with a fresh password. The cluster is stopped again if the role
 * cannot be made.
 */
export async function startEmbeddedWithRuntimeRole(options: {
  agency: string;
  /** @default '<cwd>/.data' */
  dataDir?: string | undefined;
  logger: Logger;
  onEmbeddedExit?: () => void;
}): Promise<EmbeddedWithRuntimeRole> {
  const dir = path.join(options.dataDir ?? path.resolve('.data'), options.agency);
  const embedded = await startEmbeddedPostgres(
    dir,
    options.logger,
    options.onEmbeddedExit ? { onUnexpectedExit: options.onEmbeddedExit } : {},
  );
  const stop = () => embedded.stop();
  try {
    // The cluster's superuser bootstraps the runtime role; its password lives only in this process.
    const password = randomBytes(24).toString('base64url');
    const admin = postgres(embedded.url, { max: 1, onnotice: () => undefined });
    try {
      const role = await ensureRuntimeRole(admin, { role: runtimeRoleName(options.agency), password });
      return { url: withCredentials(embedded.url, role, password), superuserUrl: embedded.url, stop };
    } finally {
      await admin.end();
    }
  } catch (err) {
    await stop();
    throw err;
  }
}
