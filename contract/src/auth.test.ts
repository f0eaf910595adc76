import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload } from 'jose';
import { JWKS_MAX_AGE_MS, ROLES, TokenError, bearerToken, cachedVerifier, tokenCacheOptions, createExpiringTokenVerifier, createTokenVerifier, hasRole, signToken, type Principal, type VerifiedToken } from './auth.ts';

const SECRET = 'kit-auth-test-secret-0123456789abcdef';
const NOMAD_ID = '5b0e4a8c-3f2d-4c1b-9e7a-6d8f0a1b2c3d';
const verify = createTokenVerifier({ secret: SECRET });

/** A token with exactly these claims, signed with `secret` (for claims `signToken` cannot produce). */
function rawToken(payload: JWTPayload, secret = SECRET, alg = 'HS256'): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg })
    .setSubject('user-1')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

async function tokenErrorOf(promise: Promise<unknown>): Promise<TokenError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof TokenError) return err;
    throw err;
  }
  throw new Error('expected a TokenError, the token was accepted');
}

describe('signToken and createTokenVerifier (HS256)', () => {
  it('round-trips an officer', async () => {
    const token = await signToken(SECRET, { roles: ['migration_officer', 'auditor'], name: 'Aida Officer' });
    const principal = await verify(token);
    expect(principal).toEqual<Principal>({
      sub: 'dev:migration_officer+auditor',
      name: 'Aida Officer',
      roles: ['migration_officer', 'auditor'],
      nomadId: null,
    });
  });

  it('reports when the token expires, so a cache keeps it no longer', async () => {
    const before = Math.floor(Date.now() / 1000);
    const token = await signToken(SECRET, { roles: ['analyst'], expiresIn: '2h' });
    const { principal, expiresAt } = await createExpiringTokenVerifier({ secret: SECRET })(token);
    expect(principal.roles).toEqual(['analyst']);
    expect(expiresAt).not.toBeNull();
    // `exp` has one-second resolution: 2 hours from signing, in milliseconds.
    expect((expiresAt ?? 0) / 1000 - before).toBeGreaterThanOrEqual(7200);
    expect((expiresAt ?? 0) / 1000 - before).toBeLessThanOrEqual(7201);
  });

  it('round-trips a nomad with their nomadId', async () => {
    const principal = await verify(await signToken(SECRET, { roles: ['nomad'], nomadId: NOMAD_ID }));
    expect(principal).toEqual<Principal>({
      sub: `nomad:${NOMAD_ID}`,
      name: `nomad:${NOMAD_ID}`,
      roles: ['nomad'],
      nomadId: NOMAD_ID,
    });
  });

  it('keeps an explicit subject', async () => {
    const principal = await verify(await signToken(SECRET, { sub: 'idp|42', name: 'Bek', roles: ['tax_officer'] }));
    expect(principal.sub).toBe('idp|42');
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signToken('another-secret-of-sufficient-length-000', { roles: ['analyst'] });
    const err = await tokenErrorOf(verify(token));
    expect(err.message).toBe('The token is invalid or expired.');
  });

  it('refuses an expired token', async () => {
    const token = await signToken(SECRET, { roles: ['analyst'], expiresIn: '-1m' });
    await expect(verify(token)).rejects.toThrow(TokenError);
  });

  it('refuses a token signed with another algorithm, even with the right secret', async () => {
    const token = await rawToken({ name: 'X', roles: ['analyst'] }, SECRET, 'HS512');
    await expect(verify(token)).rejects.toThrow(TokenError);
  });

  it('refuses something that is not a JWT', async () => {
    await expect(verify('not.a.jwt')).rejects.toThrow(TokenError);
    await expect(verify('')).rejects.toThrow(TokenError);
  });

  it.each<[string, JWTPayload]>([
    ['no roles claim', { name: 'X' }],
    ['an empty roles list', { name: 'X', roles: [] }],
    ['an unknown role', { name: 'X', roles: ['admin'] }],
    ['a known and an unknown role', { name: 'X', roles: ['analyst', 'root'] }],
    ['roles that are not a list', { name: 'X', roles: 'analyst' }],
    ['no name', { roles: ['analyst'] }],
    ['a nomadId that is not a uuid', { name: 'X', roles: ['nomad'], nomadId: '42' }],
    ['a study that is not a slug', { name: 'X', roles: ['analyst'], study: 'Income Study 2026' }],
    ['a study longer than 40 characters', { name: 'X', roles: ['analyst'], study: 'a'.repeat(41) }],
    ['a unit that is not a slug', { name: 'X', roles: ['migration_officer'], unit: 'Osh Region' }],
    ['a unit that is not a string', { name: 'X', roles: ['migration_officer'], unit: 7 }],
  ])('refuses a token with %s', async (_label, payload) => {
    const err = await tokenErrorOf(verify(await rawToken(payload)));
    expect(err.message).toMatch(/claims/);
  });

  it("carries an analyst's study, and none when the token has no study claim", async () => {
    expect((await verify(await signToken(SECRET, { roles: ['analyst'], study: 'income-2026' }))).study).toBe('income-2026');
    expect(await verify(await signToken(SECRET, { roles: ['analyst'] }))).not.toHaveProperty('study');
  });

  it("carries an officer's unit, and none when the token has no unit claim", async () => {
    expect((await verify(await signToken(SECRET, { roles: ['migration_officer'], unit: 'osh-region' }))).unit).toBe('osh-region');
    expect(await verify(await signToken(SECRET, { roles: ['migration_officer'] }))).not.toHaveProperty('unit');
  });

  it('refuses a token without a subject', async () => {
    const token = await new SignJWT({ name: 'X', roles: ['analyst'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expect(verify(token)).rejects.toThrow(TokenError);
  });

  it('refuses a nomad token without nomadId', async () => {
    const err = await tokenErrorOf(verify(await signToken(SECRET, { roles: ['nomad'] })));
    expect(err.message).toBe('A nomad token must carry nomadId.');
    // Also when the nomad role comes with others.
    await expect(verify(await signToken(SECRET, { roles: ['analyst', 'nomad'] }))).rejects.toThrow(TokenError);
  });

  it('checks issuer and audience when configured', async () => {
    const strict = createTokenVerifier({ secret: SECRET, issuer: 'nomad-idp', audience: 'nomad-graph' });
    const right = await new SignJWT({ name: 'X', roles: ['analyst'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer('nomad-idp')
      .setAudience('nomad-graph')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect((await strict(right)).roles).toEqual(['analyst']);
    // signToken sets neither: a strict verifier refuses it.
    await expect(strict(await signToken(SECRET, { roles: ['analyst'] }))).rejects.toThrow(TokenError);
  });
});

describe('createTokenVerifier with a JWKS URL', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let jwksRequests = 0;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    server = createServer((_req, res) => {
      jwksRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  });

  it('verifies tokens signed by the identity provider’s key and caches the key set', async () => {
    const verifyJwks = createTokenVerifier({ secret: SECRET, jwksUrl });
    const token = await new SignJWT({ name: 'Officer', roles: ['labor_officer'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('idp|7')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await verifyJwks(token)).toEqual({ sub: 'idp|7', name: 'Officer', roles: ['labor_officer'], nomadId: null });
    await verifyJwks(token);
    expect(jwksRequests).toBe(1);
  });

  it('refuses an HS256 token made with the shared secret once a JWKS is configured', async () => {
    const verifyJwks = createTokenVerifier({ secret: SECRET, jwksUrl });
    await expect(verifyJwks(await signToken(SECRET, { roles: ['auditor'] }))).rejects.toThrow(TokenError);
  });
});

describe('bearerToken', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl';

  it.each<[string, string | string[] | null | undefined, string | null]>([
    ['a bearer header', `Bearer ${jwt}`, jwt],
    ['any case and extra spaces', `bearer   ${jwt}  `, jwt],
    ['the first of repeated headers', [`Bearer ${jwt}`, 'Bearer x.y.z'], jwt],
    ['an unsigned token shape', 'Bearer a.b.', 'a.b.'],
    ['no header', undefined, null],
    ['null', null, null],
    ['an empty header', '', null],
    ['another scheme', `Basic ${jwt}`, null],
    ['a bare token', jwt, null],
    ['not three segments', 'Bearer abc.def', null],
    ['trailing text', `Bearer ${jwt} extra`, null],
    ['characters outside base64url', 'Bearer a+b.c/d.e=f', null],
    ['an empty list', [], null],
  ])('%s', (_label, header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});

describe('hasRole', () => {
  const principal: Principal = { sub: 's', name: 'n', roles: ['tax_officer', 'auditor'], nomadId: null };

  it('is true when the principal holds any of the roles', () => {
    expect(hasRole(principal, 'auditor')).toBe(true);
    expect(hasRole(principal, 'nomad', 'tax_officer')).toBe(true);
  });

  it('is false otherwise', () => {
    expect(hasRole(principal, 'nomad', 'security_officer')).toBe(false);
    expect(hasRole(principal)).toBe(false);
  });

  it('knows every role the graph uses', () => {
    expect(ROLES).toContain('nomad');
    expect(new Set(ROLES).size).toBe(ROLES.length);
  });
});

/** A verifier that counts its calls and says every token expires at `expiresAt`. */
function countingVerifier(expiresAt: number | null) {
  const calls: string[] = [];
  const verify = (token: string): Promise<VerifiedToken> => {
    calls.push(token);
    if (token === 'bad') return Promise.reject(new TokenError('The token is invalid or expired.'));
    return Promise.resolve({ principal: { sub: `sub-of-${token}`, name: token, roles: ['auditor'], nomadId: null }, expiresAt });
  };
  return { verify, calls };
}

describe('cachedVerifier', () => {
  it('verifies a token once and serves it from the cache until it expires', async () => {
    const time = { now: 1_000 };
    const { verify, calls } = countingVerifier(5_000);
    const cached = cachedVerifier(verify, { now: () => time.now });
    expect((await cached('t1')).sub).toBe('sub-of-t1');
    expect((await cached('t1')).sub).toBe('sub-of-t1');
    expect(calls).toEqual(['t1']);
    time.now = 5_000;
    await cached('t1');
    expect(calls).toEqual(['t1', 't1']);
  });

  it('keeps no more than cacheSize tokens, and never caches a refusal', async () => {
    const { verify, calls } = countingVerifier(null);
    const cached = cachedVerifier(verify, { cacheSize: 2 });
    for (const token of ['t1', 't2', 't3', 't1']) await cached(token);
    expect(calls).toEqual(['t1', 't2', 't3', 't1']);
    await expect(cached('bad')).rejects.toThrow(TokenError);
    await expect(cached('bad')).rejects.toThrow(TokenError);
    expect(calls.filter((t) => t === 'bad')).toHaveLength(2);
  });

  it('keeps a token maxAgeMs at most when its exp is later, and until exp when sooner', async () => {
    const time = { now: 0 };
    const { verify, calls } = countingVerifier(1_000_000);
    const cached = cachedVerifier(verify, { now: () => time.now, maxAgeMs: 600_000 });
    await cached('t1');
    time.now = 599_999;
    await cached('t1');
    expect(calls).toEqual(['t1']);
    time.now = 600_000;
    await cached('t1');
    expect(calls).toEqual(['t1', 't1']);
    const soon = countingVerifier(1_000);
    const short = cachedVerifier(soon.verify, { now: () => 0, maxAgeMs: 600_000 });
    await short('t2');
    const later = cachedVerifier(soon.verify, { now: () => 1_000, maxAgeMs: 600_000 });
    await later('t2');
    expect(soon.calls).toEqual(['t2', 't2']);
  });

  it('caps the tokens of a JWKS verifier at JWKS_MAX_AGE_MS, not those of a shared secret', () => {
    expect(tokenCacheOptions({ secret: 's', jwksUrl: 'https://idp.example/jwks' }, 5)).toEqual({ cacheSize: 5, maxAgeMs: JWKS_MAX_AGE_MS });
    expect(tokenCacheOptions({ secret: 's' }, undefined)).toEqual({});
  });

  it('verifies every time with cacheSize 0', async () => {
    const { verify, calls } = countingVerifier(null);
    const cached = cachedVerifier(verify, { cacheSize: 0 });
    await cached('t1');
    await cached('t1');
    expect(calls).toEqual(['t1', 't1']);
  });
});
