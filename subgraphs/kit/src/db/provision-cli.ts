/**
 * `npm run db:provision -w @nomad/kit -- <agency> [<agency> …]`
 *
 * With DATABASE_URL pointing at a shared database as an administrator, gives each agency two
 * login roles (see roles.ts), each with a fresh random password: `nomad_<agency>`, the owner
 * that migrates, and `nomad_<agency>_runtime`, the role the service serves with. Prints the
 * `<AGENCY>_OWNER_DATABASE_URL=…` and `<AGENCY>_DATABASE_URL=…` lines each service should
 * be started with. Run it once per database; run it again to rotate the passwords.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { z } from 'zod';
import { AGENCY_NAMES } from '../agencies.ts';
import { EnvError, parseEnv } from '../env.ts';
import { ensureRuntimeRole, provisionAgencyRole, runtimeRoleName } from './roles.ts';

async function main(): Promise<number> {
  const agencies = process.argv.slice(2);
  if (agencies.length === 0 || agencies.some((a) => !(AGENCY_NAMES as readonly string[]).includes(a))) {
    process.stderr.write(`Usage: npm run db:provision -w @nomad/kit -- <agency> [<agency> …]   (agencies: ${AGENCY_NAMES.join(', ')})\nDATABASE_URL must point at the shared database as an administrator.\n`);
    return 1;
  }
  let adminUrl: string;
  try {
    adminUrl = parseEnv(z.object({ DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL') })).DATABASE_URL;
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    const urlOf = (role: string, password: string) => {
      const url = new URL(adminUrl);
      url.username = role;
      url.password = password;
      return url.toString();
    };
    for (const agency of agencies) {
      const ownerPassword = randomBytes(24).toString('base64url');
      const owner = await provisionAgencyRole(admin, { agency, password: ownerPassword });
      const runtimePassword = randomBytes(24).toString('base64url');
      const runtime = await ensureRuntimeRole(admin, { role: runtimeRoleName(agency), password: runtimePassword });
      process.stdout.write(`${agency.toUpperCase()}_OWNER_DATABASE_URL=${urlOf(owner, ownerPassword)}\n`);
      process.stdout.write(`${agency.toUpperCase()}_DATABASE_URL=${urlOf(runtime, runtimePassword)}\n`);
    }
  } finally {
    await admin.end();
  }
  return 0;
}

process.exit(await main());
