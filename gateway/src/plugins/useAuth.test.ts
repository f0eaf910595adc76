import { describe, expect, it } from 'vitest';
import { signToken } from '@nomad/contract';
import { bodyOf, fakeExchange, replyOf } from './__fixtures__/exchange.ts';
import { useAuth } from './useAuth.ts';

const SECRET = 'a-test-secret-that-is-at-least-32-characters-long';

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
