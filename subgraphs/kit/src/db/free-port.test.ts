import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, SERVER_PORT_RANGE } from './embedded.ts';

describe('freePort', () => {
  it('hands out ports below the ephemeral range, each one free to listen on', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    expect(ports.length).toBe(20);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(SERVER_PORT_RANGE.from);
      expect(port).toBeLessThanOrEqual(SERVER_PORT_RANGE.to);
    }
    expect(SERVER_PORT_RANGE.to).toBeLessThan(32_768);
    const port = ports[0] ?? 0;
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
