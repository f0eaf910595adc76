import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AGENCY_NAMES } from '../agencies.ts';
import { EnvError, type EnvSource } from '../env.ts';
import { createKeyring, type AgencyKeyring } from './keyring.ts';
import { KeyFormatError, parsePrivateKey, parsePublicKeys } from './parse.ts';

/**
 * `<AGENCY>_SIGNING_KEY` (the agency's own Ed25519 private key) and `<AGENCY>_PUBLIC_KEY`
 * (every agency's public key, several while rotating), for every agency. Each is optional
 * here: outside production a missing key comes from the development key folder.
 */
export const keysEnvShape = Object.fromEntries(
  AGENCY_NAMES.flatMap((name) => [
    [`${name.toUpperCase()}_SIGNING_KEY`, z.string().min(1).optional()],
    [`${name.toUpperCase()}_PUBLIC_KEY`, z.string().min(1).optional()],
  ]),
) as Record<string, z.ZodOptional<z.ZodString>>;

export interface LoadKeyringOptions {
  /** The agency whose signing key is loaded; null for a verifier (the audit CLI). */
  agency: string | null;
  /** The environment (the keys' variables are read from it). */
  env: EnvSource;
  production: boolean;
  /** Development keys live in `<dataDir>/keys/<agency>.pem`, generated once per data folder. */
  dataDir: string;
  /** @default AGENCY_NAMES */
  agencies?: readonly string[];
}

/** The development key folder of a data folder. */
export function devKeysDir(dataDir: string): string {
  return path.join(dataDir, 'keys');
}

/**
 * Reads `<dir>/<agency>.pem`, creating it (mode 0600) when missing. Two services starting at
 * once race to create the same file: each writes its own temporary file and hard-links it
 * into place, which fails for the loser, who then reads the winner's key.
 */
async function devPrivateKeyPem(dir: string, agency: string): Promise<string> {
  const file = path.join(dir, `${agency}.pem`);
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, pem, { mode: 0o600, flag: 'wx' });
  await chmod(tmp, 0o600);
  try {
    await link(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  return readFile(file, 'utf8');
}

/**
 * The agency's keyring from configuration. In production every key must be configured (its
 * own signing key, every other agency's public key): development keys are refused. Outside
 * production a missing key is taken from (or generated into) the data folder's `keys/`.
 * Throws an `EnvError` listing every problem.
 */
export async function loadKeyring(options: LoadKeyringOptions): Promise<AgencyKeyring> {
  const agencies = options.agencies ?? AGENCY_NAMES;
  const problems: string[] = [];
  const publicKeys: Record<string, ReturnType<typeof parsePublicKeys>> = {};
  let signingKey: ReturnType<typeof parsePrivateKey> | null = null;
  const dir = devKeysDir(options.dataDir);
  for (const name of agencies) {
    const A = name.toUpperCase();
    const own = name === options.agency;
    const variable = own ? `${A}_SIGNING_KEY` : `${A}_PUBLIC_KEY`;
    const configured = options.env[variable];
    try {
      if (configured) {
        if (own) signingKey = parsePrivateKey(configured, variable);
        else publicKeys[name] = parsePublicKeys(configured, variable);
      } else if (options.production) {
        problems.push(`${variable}: required when NODE_ENV=production (development keys are refused)`);
      } else {
        const key = parsePrivateKey(await devPrivateKeyPem(dir, name), `${dir}/${name}.pem`);
        if (own) signingKey = key;
        else publicKeys[name] = [createPublicKey(key)];
      }
      // The own agency may also list older public keys of its own (rotation).
      const ownPublic = own ? options.env[`${A}_PUBLIC_KEY`] : undefined;
      if (ownPublic) publicKeys[name] = parsePublicKeys(ownPublic, `${A}_PUBLIC_KEY`);
    } catch (err) {
      if (err instanceof KeyFormatError) problems.push(`${variable}: ${err.message}`);
      else throw err;
    }
  }
  if (problems.length > 0) throw new EnvError(problems);
  return createKeyring({ agency: options.agency ?? 'verifier', signingKey, publicKeys });
}
