import { describe, expect, it } from 'vitest';
import { bodyOf, fakeExchange, replyOf } from './__fixtures__/exchange.ts';
import { useCors, type CorsOptions } from './useCors.ts';

const DEVELOPMENT: CorsOptions = { origins: [], allowLoopback: true, credentials: false, maxAgeSeconds: 600 };
const PRODUCTION: CorsOptions = { origins: ['https://portal.nomad.gov.kg'], allowLoopback: false, credentials: false, maxAgeSeconds: 600 };

const preflight = (origin: string) =>
  fakeExchange({
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization, x-purpose' },
  });

describe('useCors', () => {
  it.each(['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080', 'http://localhost'])(
    'answers a preflight from %s in development with 204 and its own origin',
    async (origin) => {
      const reply = await replyOf(useCors(DEVELOPMENT).onRequest, preflight(origin));
      expect(reply?.status).toBe(204);
      const exchange = preflight(origin);
      await replyOf(useCors(DEVELOPMENT).onRequest, exchange);
      expect(exchange.res.getHeader('access-control-allow-origin')).toBe(origin);
    },
  );

  it('allows the methods and every header a page needs, for max-age seconds', async () => {
    const reply = await replyOf(useCors(DEVELOPMENT).onRequest, preflight('http://localhost:5173'));
    expect(reply?.headers?.['access-control-allow-methods']).toBe('GET, POST, OPTIONS');
    const allowed = reply?.headers?.['access-control-allow-headers']?.split(', ') ?? [];
    expect(allowed).toEqual(expect.arrayContaining(['content-type', 'authorization', 'x-purpose', 'x-request-id', 'idempotency-key']));
    expect(reply?.headers?.['access-control-max-age']).toBe('600');
  });

  it.each([
    ['another host', 'https://evil.example'],
    ['https on localhost', 'https://localhost:5173'],
    ['a look-alike host', 'http://localhost.evil.example'],
    ['the literal null origin', 'null'],
  ])('refuses a preflight from %s with 403 naming the setting', async (_case, origin) => {
    const exchange = preflight(origin);
    const reply = await replyOf(useCors(DEVELOPMENT).onRequest, exchange);
    expect(reply?.status).toBe(403);
    expect(bodyOf(reply).errors?.[0]?.message).toMatch(/CORS_ORIGINS/);
    expect(exchange.res.getHeader('access-control-allow-origin')).toBeUndefined();
  });

  it('in production allows the configured origins only, not loopback', async () => {
    expect((await replyOf(useCors(PRODUCTION).onRequest, preflight('https://portal.nomad.gov.kg')))?.status).toBe(204);
    expect((await replyOf(useCors(PRODUCTION).onRequest, preflight('http://localhost:5173')))?.status).toBe(403);
  });

  it('lets an actual request from an allowed origin through with CORS headers, no credentials unless configured', async () => {
    const exchange = fakeExchange({ headers: { origin: 'http://localhost:5173' } });
    expect(await replyOf(useCors(DEVELOPMENT).onRequest, exchange)).toBeUndefined();
    expect(exchange.res.getHeader('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(exchange.res.getHeader('access-control-expose-headers')).toBe('x-request-id, retry-after');
    expect(exchange.res.getHeader('access-control-allow-credentials')).toBeUndefined();
    expect(exchange.res.getHeader('vary')).toBe('Origin');

    const withCredentials = fakeExchange({ headers: { origin: 'http://localhost:5173' } });
    await replyOf(useCors({ ...DEVELOPMENT, credentials: true }).onRequest, withCredentials);
    expect(withCredentials.res.getHeader('access-control-allow-credentials')).toBe('true');
  });

  it('gives a request from a disallowed origin no CORS headers (the browser then hides the answer)', async () => {
    const exchange = fakeExchange({ headers: { origin: 'https://evil.example' } });
    expect(await replyOf(useCors(DEVELOPMENT).onRequest, exchange)).toBeUndefined();
    expect(exchange.res.getHeader('access-control-allow-origin')).toBeUndefined();
  });

  it('answers OPTIONS without an Origin (not a browser) with 204 and Allow, and leaves other requests alone', async () => {
    const reply = await replyOf(useCors(DEVELOPMENT).onRequest, fakeExchange({ method: 'OPTIONS' }));
    expect(reply).toEqual({ status: 204, headers: { allow: 'GET, POST, OPTIONS' } });
    const plain = fakeExchange();
    expect(await replyOf(useCors(DEVELOPMENT).onRequest, plain)).toBeUndefined();
    expect(plain.res.getHeader('access-control-allow-origin')).toBeUndefined();
  });
});
