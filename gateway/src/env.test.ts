import { DEV_GATEWAY_SECRET, DEV_JWT_SECRET, DEV_PSEUDONYM_KEY, EnvError } from '@nomad/contract';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERGRAPH_PATH, DEFAULT_TRUSTED_DOCUMENTS_PATH, gatewayOptionsOf, loadGatewayEnv, trustedDocumentsOf } from './env.ts';
import { envPrefix, loadSubgraphEnv } from './subgraph-env.ts';
import { TrustedDocumentsError } from './plugins/useTrustedDocuments.ts';

describe('loadGatewayEnv', () => {
  it('starts with nothing set', () => {
    const env = loadGatewayEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      GATEWAY_PORT: 4000,
      GATEWAY_HOST: '127.0.0.1',
      JWT_SECRET: DEV_JWT_SECRET,
      SUPERGRAPH_PATH: DEFAULT_SUPERGRAPH_PATH,
      SUPERGRAPH_WATCH: true,
      MAX_DEPTH: 12,
      MAX_ALIASES: 30,
      MAX_TOKENS: 5000,
      MAX_COST: 50_000,
      MAX_BODY_BYTES: 1_048_576,
      MAX_DIRECTIVES: 50,
      GRAPHIQL: true,
      INTROSPECTION: true,
      SUBGRAPH_TIMEOUT_MS: 5_000,
      SUBGRAPH_CONNECTIONS: 128,
      CIRCUIT_FAILURE_THRESHOLD: 5,
      CIRCUIT_OPEN_MS: 1_000,
      READY_TIMEOUT_MS: 800,
      CORS_ORIGINS: ['loopback'],
      CORS_CREDENTIALS: false,
      CORS_MAX_AGE_SECONDS: 600,
      RATE_LIMIT: true,
      RATE_LIMIT_PRINCIPAL_PER_SECOND: 20,
      RATE_LIMIT_PRINCIPAL_BURST: 40,
      RATE_LIMIT_ADDRESS_PER_SECOND: 50,
      RATE_LIMIT_ADDRESS_BURST: 100,
      TRUST_PROXY: false,
      TOKEN_CACHE_SIZE: 10_000,
      COMPRESS_MIN_BYTES: 4096,
      REQUEST_LOG_SAMPLE_RATE: 1,
      DOCUMENT_CACHE_MIB: 30,
      QUERY_PLAN_CACHE_MIB: 30,
    });
    expect(DEFAULT_SUPERGRAPH_PATH).toMatch(/schema[\\/]supergraph\.graphql$/);
  });

  it('turns GraphiQL and introspection off in production unless asked', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-at-least-32-characters!', PSEUDONYM_KEY: 'a-real-pseudonym-key-of-at-least-32-bytes' };
    expect(loadGatewayEnv(production)).toMatchObject({ GRAPHIQL: false, INTROSPECTION: false });
    expect(loadGatewayEnv({ ...production, GRAPHIQL: 'on' })).toMatchObject({ GRAPHIQL: true, INTROSPECTION: false });
  });

  it('in production allows no browser origin and logs one success in ten, unless told otherwise', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-at-least-32-characters!', PSEUDONYM_KEY: 'a-real-pseudonym-key-of-at-least-32-bytes' };
    expect(loadGatewayEnv(production)).toMatchObject({ CORS_ORIGINS: [], REQUEST_LOG_SAMPLE_RATE: 0.1, RATE_LIMIT: true });
    expect(loadGatewayEnv({ ...production, CORS_ORIGINS: 'https://portal.example.kg, loopback', REQUEST_LOG_SAMPLE_RATE: '1' })).toMatchObject({
      CORS_ORIGINS: ['https://portal.example.kg', 'loopback'],
      REQUEST_LOG_SAMPLE_RATE: 1,
    });
  });

  it('follows the supergraph file in development only, and refuses to in production', () => {
    expect(gatewayOptionsOf(loadGatewayEnv({})).supergraphWatch).toEqual({ path: DEFAULT_SUPERGRAPH_PATH });
    expect(loadGatewayEnv({ NODE_ENV: 'test' }).SUPERGRAPH_WATCH).toBe(false);
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-at-least-32-characters!', PSEUDONYM_KEY: 'a-real-pseudonym-key-of-at-least-32-bytes' };
    expect(loadGatewayEnv(production).SUPERGRAPH_WATCH).toBe(false);
    expect(gatewayOptionsOf(loadGatewayEnv(production)).supergraphWatch).toBeUndefined();
    expect(() => loadGatewayEnv({ ...production, SUPERGRAPH_WATCH: 'on' })).toThrow(/SUPERGRAPH_WATCH: not allowed when NODE_ENV=production/);
  });

  it('keeps a circuit open 10 s, but 1 s in development (a subgraph restarting under npm run dev is back in seconds)', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-at-least-32-characters!', PSEUDONYM_KEY: 'a-real-pseudonym-key-of-at-least-32-bytes' };
    expect(loadGatewayEnv(production).CIRCUIT_OPEN_MS).toBe(10_000);
    expect(loadGatewayEnv({ NODE_ENV: 'test' }).CIRCUIT_OPEN_MS).toBe(10_000);
    expect(loadGatewayEnv({ NODE_ENV: 'development' }).CIRCUIT_OPEN_MS).toBe(1_000);
    expect(loadGatewayEnv({ NODE_ENV: 'development', CIRCUIT_OPEN_MS: '5000' }).CIRCUIT_OPEN_MS).toBe(5_000);
    expect(gatewayOptionsOf(loadGatewayEnv(production)).circuit).toEqual({ failureThreshold: 5, openMs: 10_000 });
  });

  it('turns rate limits off under NODE_ENV=test unless asked', () => {
    expect(loadGatewayEnv({ NODE_ENV: 'test' }).RATE_LIMIT).toBe(false);
    expect(loadGatewayEnv({ NODE_ENV: 'test', RATE_LIMIT: 'on' }).RATE_LIMIT).toBe(true);
  });

  it('refuses an origin with a path, a bare word, or a sample rate above 1', () => {
    expect(() => loadGatewayEnv({ CORS_ORIGINS: 'https://portal.example.kg/app' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadGatewayEnv({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadGatewayEnv({ REQUEST_LOG_SAMPLE_RATE: '2' })).toThrow(/REQUEST_LOG_SAMPLE_RATE/);
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

  it('requires a pseudonym key of its own in production, of at least 32 bytes anywhere', () => {
    expect(loadGatewayEnv({}).PSEUDONYM_KEY).toBe(DEV_PSEUDONYM_KEY);
    expect(gatewayOptionsOf(loadGatewayEnv({})).pseudonymKey).toBe(DEV_PSEUDONYM_KEY);
    const jwt = { NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-at-least-32-characters!' };
    expect(() => loadGatewayEnv(jwt)).toThrow(/PSEUDONYM_KEY: the development default is not allowed/);
    expect(() => loadGatewayEnv({ PSEUDONYM_KEY: 'x'.repeat(31) })).toThrow(/PSEUDONYM_KEY: must be at least 32 bytes/);
    const key = 'k'.repeat(32);
    expect(gatewayOptionsOf(loadGatewayEnv({ ...jwt, PSEUDONYM_KEY: key })).pseudonymKey).toBe(key);
  });
});

describe('gatewayOptionsOf', () => {
  it('maps the settings onto createGateway options', () => {
    const options = gatewayOptionsOf(loadGatewayEnv({ CORS_ORIGINS: 'https://portal.example.kg,loopback', TRUST_PROXY: 'on' }));
    expect(options.cors).toEqual({ origins: ['https://portal.example.kg'], allowLoopback: true, credentials: false, maxAgeSeconds: 600 });
    expect(options.rateLimit).toEqual({
      perPrincipal: { perSecond: 20, burst: 40 },
      perAddress: { perSecond: 50, burst: 100 },
      trustProxy: true,
    });
    expect(options.circuit).toEqual({ failureThreshold: 5, openMs: 1_000 });
    expect(options.limits).toMatchObject({ maxDirectives: 50, maxDepth: 12 });
  });

  it('leaves rate limits out when RATE_LIMIT is off', () => {
    expect(gatewayOptionsOf(loadGatewayEnv({ RATE_LIMIT: 'off' })).rateLimit).toBeUndefined();
  });

  it('de-duplicates unless GATEWAY_DEDUPLICATE is off, and refuses a value that is no boolean', () => {
    expect(gatewayOptionsOf(loadGatewayEnv({})).deduplicate).toBe(true);
    expect(gatewayOptionsOf(loadGatewayEnv({ GATEWAY_DEDUPLICATE: 'false' })).deduplicate).toBe(false);
    expect(() => loadGatewayEnv({ GATEWAY_DEDUPLICATE: 'sometimes' })).toThrow(/GATEWAY_DEDUPLICATE/);
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

describe('trusted documents settings', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-at-least-32-characters!', PSEUDONYM_KEY: 'a-real-pseudonym-key-of-at-least-32-bytes' };

  it('are enforced in production over the typed operations package manifest, and off in development, unless told otherwise', async () => {
    expect(loadGatewayEnv(production)).toMatchObject({ TRUSTED_DOCUMENTS: true, TRUSTED_DOCUMENTS_MANIFEST: DEFAULT_TRUSTED_DOCUMENTS_PATH });
    expect(loadGatewayEnv({}).TRUSTED_DOCUMENTS).toBe(false);
    expect(loadGatewayEnv({ ...production, TRUSTED_DOCUMENTS: 'off' }).TRUSTED_DOCUMENTS).toBe(false);
    const enforced = await trustedDocumentsOf(loadGatewayEnv(production));
    expect(enforced?.enforce).toBe(true);
    expect(Object.keys(enforced?.documents ?? {}).length).toBeGreaterThan(20);
    // Development still knows the registered hashes.
    expect((await trustedDocumentsOf(loadGatewayEnv({})))?.enforce).toBe(false);
  });

  it('keep ad-hoc queries open to analysts unless TRUSTED_DOCUMENTS_OPEN_ROLES names other roles, or none', async () => {
    expect(loadGatewayEnv(production).TRUSTED_DOCUMENTS_OPEN_ROLES).toEqual(['analyst']);
    expect((await trustedDocumentsOf(loadGatewayEnv(production)))?.openRoles).toEqual(['analyst']);
    const two = loadGatewayEnv({ ...production, TRUSTED_DOCUMENTS_OPEN_ROLES: 'analyst, auditor' });
    expect((await trustedDocumentsOf(two))?.openRoles).toEqual(['analyst', 'auditor']);
    expect(loadGatewayEnv({ ...production, TRUSTED_DOCUMENTS_OPEN_ROLES: 'none' }).TRUSTED_DOCUMENTS_OPEN_ROLES).toEqual([]);
  });

  it('refuse an open role that is no role, naming it and the roles there are', () => {
    const start = () => loadGatewayEnv({ ...production, TRUSTED_DOCUMENTS_OPEN_ROLES: 'analyst,analysts' });
    expect(start).toThrow(EnvError);
    expect(start).toThrow(/TRUSTED_DOCUMENTS_OPEN_ROLES.*unknown role "analysts"; the roles are nomad, migration_officer/);
  });

  it('refuse an open-roles value naming nothing, and the nomad role in production', () => {
    expect(() => loadGatewayEnv({ ...production, TRUSTED_DOCUMENTS_OPEN_ROLES: ' , ' })).toThrow(/TRUSTED_DOCUMENTS_OPEN_ROLES: names no role/);
    expect(() => loadGatewayEnv({ ...production, TRUSTED_DOCUMENTS_OPEN_ROLES: 'analyst,nomad' })).toThrow(/TRUSTED_DOCUMENTS_OPEN_ROLES: nomad is not allowed when NODE_ENV=production/);
    // Development accepts it (trusted documents are not enforced there anyway).
    expect(loadGatewayEnv({ TRUSTED_DOCUMENTS_OPEN_ROLES: 'analyst,nomad' }).TRUSTED_DOCUMENTS_OPEN_ROLES).toEqual(['analyst', 'nomad']);
  });

  it('refuse to start without a manifest when enforced; development without one only knows no hash', async () => {
    const missing = { TRUSTED_DOCUMENTS_MANIFEST: '/nonexistent/persisted-documents.json' };
    await expect(trustedDocumentsOf(loadGatewayEnv({ ...production, ...missing }))).rejects.toThrow(TrustedDocumentsError);
    expect(await trustedDocumentsOf(loadGatewayEnv(missing))).toBeUndefined();
  });
});
