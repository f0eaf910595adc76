import { DEV_GATEWAY_SECRET, DEV_JWT_SECRET, EnvError } from '@nomad/contract';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERGRAPH_PATH, envPrefix, loadGatewayEnv, loadSubgraphEnv } from './env.ts';

describe('loadGatewayEnv', () => {
  it('starts with nothing set', () => {
    const env = loadGatewayEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      GATEWAY_PORT: 4000,
      GATEWAY_HOST: '127.0.0.1',
      JWT_SECRET: DEV_JWT_SECRET,
      SUPERGRAPH_PATH: DEFAULT_SUPERGRAPH_PATH,
      MAX_DEPTH: 12,
      MAX_ALIASES: 30,
      MAX_TOKENS: 5000,
      MAX_COST: 50_000,
      MAX_BODY_BYTES: 1_048_576,
      GRAPHIQL: true,
      INTROSPECTION: true,
    });
    expect(DEFAULT_SUPERGRAPH_PATH).toMatch(/schema[\\/]supergraph\.graphql$/);
  });

  it('turns GraphiQL and introspection off in production unless asked', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-at-least-32-characters!' };
    expect(loadGatewayEnv(production)).toMatchObject({ GRAPHIQL: false, INTROSPECTION: false });
    expect(loadGatewayEnv({ ...production, GRAPHIQL: 'on' })).toMatchObject({ GRAPHIQL: true, INTROSPECTION: false });
  });

  it('lists every bad variable at once', () => {
    try {
      loadGatewayEnv({ GATEWAY_PORT: 'abc', MAX_DEPTH: '0', GRAPHIQL: 'maybe' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      const issues = (err as EnvError).issues.join('\n');
      expect(issues).toMatch(/GATEWAY_PORT/);
      expect(issues).toMatch(/MAX_DEPTH/);
      expect(issues).toMatch(/GRAPHIQL/);
    }
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadGatewayEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });
});

describe('loadSubgraphEnv', () => {
  it('defaults the four agencies', () => {
    const env = loadSubgraphEnv(['migration', 'labor', 'tax', 'security'], 'development', {});
    expect(env.urls).toEqual({
      migration: 'http://127.0.0.1:4001/graphql',
      labor: 'http://127.0.0.1:4002/graphql',
      tax: 'http://127.0.0.1:4003/graphql',
      security: 'http://127.0.0.1:4004/graphql',
    });
    expect(Object.values(env.credentials)).toEqual(Array(4).fill(DEV_GATEWAY_SECRET));
  });

  it('reads <NAME>_URL and <NAME>_GATEWAY_SECRET', () => {
    const env = loadSubgraphEnv(['migration'], 'development', {
      MIGRATION_URL: 'http://migration.internal:8080/graphql',
      MIGRATION_GATEWAY_SECRET: 'a-migration-secret-value',
    });
    expect(env).toEqual({
      urls: { migration: 'http://migration.internal:8080/graphql' },
      credentials: { migration: 'a-migration-secret-value' },
    });
  });

  it('requires a URL for a subgraph without a default, and refuses a bad one', () => {
    expect(() => loadSubgraphEnv(['customs'], 'development', {})).toThrow(/CUSTOMS_URL: required/);
    expect(() => loadSubgraphEnv(['tax'], 'development', { TAX_URL: 'ftp://x/graphql' })).toThrow(/TAX_URL/);
  });

  it('refuses development credentials in production', () => {
    expect(() =>
      loadSubgraphEnv(['migration'], 'production', { MIGRATION_URL: 'http://m/graphql' }),
    ).toThrow(/MIGRATION_GATEWAY_SECRET/);
  });

  it('makes names into variable prefixes', () => {
    expect(envPrefix('border-control')).toBe('BORDER_CONTROL');
  });
});
