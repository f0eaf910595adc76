import { describe, expect, it } from 'vitest';
import { bodyOf, fakeExchange, principal, replyOf } from './__fixtures__/exchange.ts';
import { TokenBuckets, useRateLimit } from './useRateLimit.ts';

function clock() {
  const time = { now: 1_000_000 };
  return { time, now: () => time.now };
}

describe('TokenBuckets', () => {
  it('lets a burst through, then one request per 1/perSecond, and says how long to wait', () => {
    const { time, now } = clock();
    const buckets = new TokenBuckets({ perSecond: 2, burst: 3 }, 100, now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(1);
    time.now += 500; // half a second: one token at 2 per second
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(1);
  });

  it('keeps one bucket per key, and never fills a bucket past its burst', () => {
    const { time, now } = clock();
    const buckets = new TokenBuckets({ perSecond: 1, burst: 1 }, 100, now);
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('b')).toBe(0);
    time.now += 60_000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(1);
  });

  it('forgets the least recently seen key past maxKeys (it starts again with a full bucket)', () => {
    const { now } = clock();
    const buckets = new TokenBuckets({ perSecond: 1, burst: 1 }, 2, now);
    buckets.take('a');
    buckets.take('b');
    buckets.take('c');
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('c')).toBe(1);
  });
});

describe('useRateLimit', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a principal has spent its burst', async () => {
    const { now } = clock();
    const plugin = useRateLimit({ by: 'principal', perSecond: 1, burst: 2, now });
    const officer = () => fakeExchange({ principal: principal('officer-1') });
    expect(await replyOf(plugin.onOperation, officer())).toBeUndefined();
    expect(await replyOf(plugin.onOperation, officer())).toBeUndefined();
    const refused = await replyOf(plugin.onOperation, officer());
    expect(refused?.status).toBe(429);
    expect(refused?.headers?.['retry-after']).toBe('1');
    expect(bodyOf(refused).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // Another principal has its own bucket, whatever address it shares.
    expect(await replyOf(plugin.onOperation, fakeExchange({ principal: principal('officer-2') }))).toBeUndefined();
  });

  it('limits by the socket address, ignoring X-Forwarded-For unless the proxy is trusted', async () => {
    const { now } = clock();
    const plugin = useRateLimit({ by: 'address', perSecond: 1, burst: 1, now });
    const from = (forwarded: string) => fakeExchange({ remoteAddress: '10.0.0.9', headers: { 'x-forwarded-for': forwarded } });
    expect(await replyOf(plugin.onOperation, from('1.1.1.1'))).toBeUndefined();
    // A client cannot pick a fresh bucket by sending another X-Forwarded-For.
    expect((await replyOf(plugin.onOperation, from('2.2.2.2')))?.status).toBe(429);

    const behindProxy = useRateLimit({ by: 'address', perSecond: 1, burst: 1, now, trustProxy: true });
    expect(await replyOf(behindProxy.onOperation, from('spoofed, 1.1.1.1'))).toBeUndefined();
    expect(await replyOf(behindProxy.onOperation, from('2.2.2.2'))).toBeUndefined();
    expect((await replyOf(behindProxy.onOperation, from('anything, 1.1.1.1')))?.status).toBe(429);
  });

  it('lets an unauthenticated request pass the principal limit (authentication refuses it)', async () => {
    const plugin = useRateLimit({ by: 'principal', perSecond: 1, burst: 1 });
    expect(await replyOf(plugin.onOperation, fakeExchange())).toBeUndefined();
    expect(await replyOf(plugin.onOperation, fakeExchange())).toBeUndefined();
  });
});
