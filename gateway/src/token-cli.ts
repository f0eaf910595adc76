import { EnvError, signToken } from '@nomad/contract';
import { loadGatewayEnv } from './env.ts';
import { parseTokenArgs, TOKEN_USAGE } from './token-args.ts';

/** Shown under the token on a terminal only: where a person pastes it. */
function terminalHint(token: string, roles: readonly string[]): string {
  return `\nRoles: ${roles.join(', ')}. Paste it into GraphiQL's Token field; other clients send it as\n  Authorization: Bearer ${token}\n  (staff reading personal data also say why in X-Purpose)\n`;
}

// Piped or captured, stdout carries the token and nothing else, so that
// `TOKEN=$(npm run -s token -- …)` works; a person at a terminal also gets where to paste it.
async function run(): Promise<number> {
  const args = parseTokenArgs(process.argv.slice(2));
  if (args.kind === 'help') {
    process.stdout.write(`${TOKEN_USAGE}\n`);
    return 0;
  }
  if (args.kind === 'error') {
    process.stderr.write(`${args.message}\n\n${TOKEN_USAGE}\n`);
    return 1;
  }
  const env = loadGatewayEnv();
  if (env.JWKS_URL) {
    process.stderr.write('JWKS_URL is set: the gateway verifies tokens with the identity provider, so a token signed with JWT_SECRET would be refused.\n');
    return 1;
  }
  if (env.JWT_ISSUER || env.JWT_AUDIENCE) {
    process.stderr.write('JWT_ISSUER/JWT_AUDIENCE are set, but development tokens carry neither: the gateway would refuse this token.\n');
    return 1;
  }
  const { roles, nomadId, name, study, unit, expiresIn } = args.request;
  const token = await signToken(env.JWT_SECRET, {
    roles,
    expiresIn,
    ...(nomadId !== undefined ? { nomadId } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(study !== undefined ? { study } : {}),
    ...(unit !== undefined ? { unit } : {}),
  });
  process.stdout.write(`${token}\n${process.stdout.isTTY ? terminalHint(token, roles) : ''}`);
  return 0;
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(err instanceof EnvError ? `${err.message}\n` : `${String(err)}\n`);
    process.exitCode = 1;
  },
);
