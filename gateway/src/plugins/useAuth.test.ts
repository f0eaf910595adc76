import { describe, expect, it } from 'vitest';
import { signToken, TokenError, type VerifiedToken } from '@nomad/contract';
import { bodyOf, fakeExchange, principal, replyOf } from './__fixtures__/exchange.ts';
import { cachedVerifier, useAuth } from './useAuth.ts';

const SECRET = 'a-test-secret-that-is-at-least-32-characters-long';

/** A verifier that counts its calls and says every token expires at `expiresAt`. */
function countingVerifier(expiresAt: number | null) {
  const calls: string[] = [];
  const verify = (token: string): Promise<VerifiedToken> => {
    calls.push(token);
    if (token === 'bad') return Promise.reject(new TokenError('The token is invalid or expired.'));
    return Promise.resolve({ principal: principal(`sub-of-${token}`), expiresAt });
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

  it('verifies every time with cacheSize 0', async () => {
    const { verify, calls } = countingVerifier(null);
    const cached = cachedVerifier(verify, { cacheSize: 0 });
    await cached('t1');
    await cached('t1');
    expect(calls).toEqual(['t1', 't1']);
  });
});

describe('useAuth', () => {
  const auth = useAuth({ verifier: { secret: SECRET } });

  it('refuses an operation without a bearer token with 401 and WWW-Authenticate: Bearer', async () => {
    for (const headers of [{}, { authorization: 'Basic dXNlcjpwYXNz' }]) {
      const reply = await replyOf(auth.onOperation, fakeExchange({ headers }));
      expect(reply?.status).toBe(401);
      expect(reply?.headers?.['www-authenticate']).toBe('Bearer');
      expect(bodyOf(reply).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a token signed with another secret as invalid_token', async () => {
    const forged = await signToken('another-secret-that-is-at-least-32-characters', { roles: ['auditor'] });
    const reply = await replyOf(auth.onOperation, fakeExchange({ headers: { authorization: `Bearer ${forged}` } }));
    expect(reply?.status).toBe(401);
    expect(reply?.headers?.['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('lets a valid token in and keeps the verified caller on the exchange', async () => {
    const token = await signToken(SECRET, { roles: ['tax_officer'], sub: 'officer-7' });
    const exchange = fakeExchange({ headers: { authorization: `Bearer ${token}` } });
    expect(await replyOf(auth.onOperation, exchange)).toBeUndefined();
    expect(exchange.caller).toEqual({ principal: { sub: 'officer-7', name: 'officer-7', roles: ['tax_officer'], nomadId: null }, token });
  });
});
