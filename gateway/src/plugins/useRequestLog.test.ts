import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { fakeExchange } from './__fixtures__/exchange.ts';
import { useRequestLog } from './useRequestLog.ts';

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

/** Runs the plugin over one request that finishes with `status`. */
function finish(plugin: ReturnType<typeof useRequestLog>, status: number, path = '/graphql') {
  const exchange = fakeExchange({ path, headers: { authorization: 'Bearer secret.token.value', 'x-purpose': 'case 42' } });
  exchange.requestId = `req-${status}`;
  void plugin.onRequest?.(exchange);
  exchange.res.statusCode = status;
  exchange.res.emit('finish');
}

describe('useRequestLog', () => {
  it('writes one line per request with its id, method, path, status and duration, and no headers', () => {
    const { logger, lines } = capture();
    finish(useRequestLog({ logger }), 200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ source: 'http', requestId: 'req-200', method: 'POST', path: '/graphql', status: 200, msg: 'request' });
    expect(typeof lines[0]?.ms).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/secret\.token|case 42|authorization/);
  });

  it('samples successful requests but always logs failures and refusals', () => {
    const { logger, lines } = capture();
    // Every draw is above the rate: no success is kept.
    const plugin = useRequestLog({ logger, sampleRate: 0.1, random: () => 0.5 });
    for (const status of [200, 200, 400, 401, 429, 503]) finish(plugin, status);
    expect(lines.map((l) => l.status)).toEqual([400, 401, 429, 503]);

    const kept = capture();
    finish(useRequestLog({ logger: kept.logger, sampleRate: 0.1, random: () => 0.05 }), 200);
    expect(kept.lines.map((l) => l.status)).toEqual([200]);
  });

  it('keeps probes (/health, /ready) at debug level', () => {
    const info = capture('info');
    finish(useRequestLog({ logger: info.logger }), 200, '/ready');
    expect(info.lines).toEqual([]);
    const debug = capture('debug');
    finish(useRequestLog({ logger: debug.logger }), 200, '/ready');
    expect(debug.lines).toHaveLength(1);
  });
});
