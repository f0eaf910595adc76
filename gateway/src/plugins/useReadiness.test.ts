import { describe, expect, it } from 'vitest';
import { bodyOf, fakeExchange, replyOf } from './__fixtures__/exchange.ts';
import { useReadiness } from './useReadiness.ts';

const ready = useReadiness({ check: () => Promise.resolve({ ready: true, notReady: [] }) });
const notReady = useReadiness({ check: () => Promise.resolve({ ready: false, notReady: ['tax'] }) });

describe('useReadiness', () => {
  it('answers /health with 200 whatever the subgraphs say', async () => {
    const reply = await replyOf(notReady.onRequest, fakeExchange({ method: 'GET', path: '/health' }));
    expect(reply?.status).toBe(200);
    expect(bodyOf(reply)).toEqual({ status: 'ok' });
  });

  it('answers /ready with 200, or 503 with Retry-After naming the subgraphs that are not ready', async () => {
    expect((await replyOf(ready.onRequest, fakeExchange({ method: 'GET', path: '/ready' })))?.status).toBe(200);
    const reply = await replyOf(notReady.onRequest, fakeExchange({ method: 'GET', path: '/ready' }));
    expect(reply?.status).toBe(503);
    expect(reply?.headers?.['retry-after']).toBe('1');
    expect(bodyOf(reply)).toEqual({ status: 'not ready', notReady: ['tax'] });
  });

  it('refuses other methods with 405 and leaves other paths alone', async () => {
    const reply = await replyOf(ready.onRequest, fakeExchange({ method: 'POST', path: '/ready' }));
    expect(reply?.status).toBe(405);
    expect(reply?.headers?.allow).toBe('GET, HEAD');
    expect(await replyOf(ready.onRequest, fakeExchange({ method: 'POST', path: '/graphql' }))).toBeUndefined();
  });
});
