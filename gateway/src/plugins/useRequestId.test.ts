import { describe, expect, it } from 'vitest';
import { fakeExchange } from './__fixtures__/exchange.ts';
import { requestIdOf, useRequestId } from './useRequestId.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdOf', () => {
  it("keeps a well-formed client id so a load balancer's id carries through", () => {
    expect(requestIdOf('lb-7f3a.42')).toBe('lb-7f3a.42');
  });

  it('replaces a missing or malformed id with a fresh UUID', () => {
    expect(requestIdOf(undefined)).toMatch(UUID);
    expect(requestIdOf('')).toMatch(UUID);
    expect(requestIdOf('id with spaces\nand a newline')).toMatch(UUID);
    expect(requestIdOf('x'.repeat(129))).toMatch(UUID);
  });
});

describe('useRequestId', () => {
  it('keeps the id on the exchange and echoes it in the response header', () => {
    const exchange = fakeExchange({ headers: { 'x-request-id': 'client-req-0001' } });
    expect(useRequestId().onRequest?.(exchange)).toBeUndefined();
    expect(exchange.requestId).toBe('client-req-0001');
    expect(exchange.res.getHeader('x-request-id')).toBe('client-req-0001');
  });

  it('gives a request without an id a fresh one', () => {
    const exchange = fakeExchange();
    void useRequestId().onRequest?.(exchange);
    expect(exchange.requestId).toMatch(UUID);
    expect(exchange.res.getHeader('x-request-id')).toBe(exchange.requestId);
  });
});
