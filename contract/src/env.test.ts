import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DEV_GATEWAY_SECRET,
  DEV_JWT_SECRET,
  DEV_SERVICE_SECRET,
  EnvError,
  assertNoDevSecrets,
  baseEnvShape,
  envBoolean,
  envPort,
  parseEnv,
  processEnv,
} from './env.ts';

/** A service's env module, as an agency would write it. */
const ServiceEnv = z.object({
  ...baseEnvShape,
  PORT: envPort.default(4001),
  EXPOSE_SQL_COUNT: envBoolean.default(false),
  GATEWAY_SECRET: z.string().min(16).default(DEV_GATEWAY_SECRET),
});

function envErrorOf(fn: () => unknown): EnvError {
  try {
    fn();
  } catch (err) {
    if (err instanceof EnvError) return err;
    throw err;
  }
  throw new Error('expected an EnvError, nothing was thrown');
}

describe('parseEnv', () => {
  it('gives every variable its default when nothing is set', () => {
    expect(parseEnv(ServiceEnv, {})).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      JWT_SECRET: DEV_JWT_SECRET,
      PORT: 4001,
      EXPOSE_SQL_COUNT: false,
      GATEWAY_SECRET: DEV_GATEWAY_SECRET,
    });
  });

  it('parses and coerces the values it is given', () => {
    const env = parseEnv(ServiceEnv, {
      NODE_ENV: 'production',
      PORT: '8080',
      EXPOSE_SQL_COUNT: 'yes',
      JWKS_URL: 'https://id.example.kg/.well-known/jwks.json',
    });
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      PORT: 8080,
      EXPOSE_SQL_COUNT: true,
      JWKS_URL: 'https://id.example.kg/.well-known/jwks.json',
    });
  });

  it('collects every problem at once', () => {
    const err = envErrorOf(() => parseEnv(ServiceEnv, { PORT: 'eighty', LOG_LEVEL: 'loud' }));
    expect(err.issues).toHaveLength(2);
    expect(err.issues.some((i) => i.startsWith('PORT: '))).toBe(true);
    expect(err.issues.some((i) => i.startsWith('LOG_LEVEL: '))).toBe(true);
    // The message an operator reads lists both.
    expect(err.message).toContain('PORT');
    expect(err.message).toContain('LOG_LEVEL');
    expect(err.name).toBe('EnvError');
  });

  it('reports a short JWT secret with its rule', () => {
    const err = envErrorOf(() => parseEnv(ServiceEnv, { JWT_SECRET: 'short' }));
    expect(err.issues).toEqual(['JWT_SECRET: must be at least 32 characters']);
  });

  it('treats empty strings as unset, so they take the default', () => {
    // Without this, `PORT=` would coerce to 0 (a random port) and `LOG_LEVEL=` would be refused.
    expect(parseEnv(ServiceEnv, { PORT: '', LOG_LEVEL: '', JWT_SECRET: '', EXPOSE_SQL_COUNT: '' })).toMatchObject({
      PORT: 4001,
      LOG_LEVEL: 'info',
      JWT_SECRET: DEV_JWT_SECRET,
      EXPOSE_SQL_COUNT: false,
    });
  });

  it('refuses a required variable that is set to an empty string', () => {
    const Required = z.object({ DATABASE_URL: z.string() });
    const err = envErrorOf(() => parseEnv(Required, { DATABASE_URL: '' }));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatch(/^DATABASE_URL: /);
  });

  it('reads process.env by default', () => {
    expect(processEnv()).toBe(process.env);
    const env = parseEnv(z.object({ PATH: z.string() }));
    expect(env.PATH).toBe(process.env.PATH);
  });
});

describe('envBoolean', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['on', true],
    ['false', false],
    ['0', false],
    ['no', false],
    ['off', false],
  ])('reads %s as %s', (raw, value) => {
    expect(envBoolean.parse(raw)).toBe(value);
  });

  it('refuses anything else', () => {
    expect(envBoolean.safeParse('maybe').success).toBe(false);
  });
});

describe('assertNoDevSecrets', () => {
  const keys = ['JWT_SECRET', 'GATEWAY_SECRET', 'SERVICE_SECRET'];
  const strong = 'a-real-secret-from-the-vault-0123456789';

  it('refuses every development secret in production, all listed at once', () => {
    const err = envErrorOf(() =>
      assertNoDevSecrets(
        { NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET, GATEWAY_SECRET: DEV_GATEWAY_SECRET, SERVICE_SECRET: strong },
        keys,
      ),
    );
    expect(err.issues).toEqual([
      'JWT_SECRET: the development default is not allowed when NODE_ENV=production',
      'GATEWAY_SECRET: the development default is not allowed when NODE_ENV=production',
    ]);
  });

  it('recognises a development secret under any variable name', () => {
    const err = envErrorOf(() => assertNoDevSecrets({ NODE_ENV: 'production', SERVICE_SECRET: DEV_SERVICE_SECRET }, keys));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatch(/^SERVICE_SECRET: /);
  });

  it('accepts real secrets in production', () => {
    expect(() =>
      assertNoDevSecrets({ NODE_ENV: 'production', JWT_SECRET: strong, GATEWAY_SECRET: `${strong}-2` }, keys),
    ).not.toThrow();
  });

  it('accepts the JWT default in production when a JWKS URL replaces it', () => {
    expect(() =>
      assertNoDevSecrets(
        { NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET, JWKS_URL: 'https://id.example.kg/jwks.json' },
        keys,
      ),
    ).not.toThrow();
    // …but not the gateway credential, which a JWKS does not replace.
    expect(() =>
      assertNoDevSecrets(
        { NODE_ENV: 'production', GATEWAY_SECRET: DEV_GATEWAY_SECRET, JWKS_URL: 'https://id.example.kg/jwks.json' },
        keys,
      ),
    ).toThrow(EnvError);
  });

  it('allows the development secrets outside production', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(() =>
        assertNoDevSecrets({ NODE_ENV, JWT_SECRET: DEV_JWT_SECRET, GATEWAY_SECRET: DEV_GATEWAY_SECRET }, keys),
      ).not.toThrow();
    }
  });

  it('works on the output of parseEnv: a production start with nothing set is refused', () => {
    const env = parseEnv(ServiceEnv, { NODE_ENV: 'production' });
    const err = envErrorOf(() => assertNoDevSecrets(env, ['JWT_SECRET', 'GATEWAY_SECRET']));
    expect(err.issues).toHaveLength(2);
  });
});
