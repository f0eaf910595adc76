import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier, DEV_JWT_SECRET } from '@nomad/contract';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOMAD = '5eed0000-0000-4000-8000-000000000003';

/** The command the docs show, as `TOKEN=$(…)` runs it: from the repository root, stdout a pipe. npm and tsx start slowly on a loaded 2-core machine, hence the long timeouts. */
async function tokenCommand(...args: string[]): Promise<string> {
  const { JWT_SECRET: _secret, JWKS_URL: _jwks, ...env } = process.env;
  const { stdout } = await run('npm', ['run', '-s', 'token', '--', ...args], { cwd: ROOT, env });
  return stdout;
}

describe('npm run -s token, piped', () => {
  it('prints one JWT and nothing else', async () => {
    const out = await tokenCommand('--role', 'analyst', '--role', 'auditor');
    expect(out).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n$/);
    const principal = await createTokenVerifier({ secret: DEV_JWT_SECRET })(out.trim());
    expect(principal.roles).toEqual(['analyst', 'auditor']);
  }, 120_000);

  it("prints a nomad's token with the record id", async () => {
    const out = await tokenCommand('--nomad', NOMAD);
    expect(out.trim().split('\n')).toHaveLength(1);
    const principal = await createTokenVerifier({ secret: DEV_JWT_SECRET })(out.trim());
    expect(principal).toMatchObject({ roles: ['nomad'], nomadId: NOMAD });
  }, 120_000);

  it("prints an officer's token with the unit", async () => {
    const out = await tokenCommand('--role', 'migration_officer', '--unit', 'bishkek');
    const principal = await createTokenVerifier({ secret: DEV_JWT_SECRET })(out.trim());
    expect(principal).toMatchObject({ roles: ['migration_officer'], unit: 'bishkek' });
  }, 120_000);
});
