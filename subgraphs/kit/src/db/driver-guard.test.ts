import { execFileSync } from 'node:child_process';
import { connect as tcpConnect, createServer, type Socket } from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/database.ts';
import { connect } from './database.ts';

/**
 * postgres.js 3.4.9 throws from an immediate callback (no caller can catch it; the service dies)
 * when the server closes a connection inside a transaction: `scripts/patch-postgres.mjs` guards
 * it at install. This is that crash, reproduced: if the guard is missing, vitest reports the
 * uncaught TypeError and the run fails.
 */
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

/** A TCP relay to the database that can close every relayed connection the polite way (FIN). */
async function relay(target: URL): Promise<{ port: number; hangUp: () => void }> {
  const pairs: { client: Socket; upstream: Socket }[] = [];
  const [host, port] = [target.hostname, Number(target.port || 5432)];
  const server = createServer((client) => {
    const upstream = tcpConnect(port, host);
    client.pipe(upstream).pipe(client);
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
    pairs.push({ client, upstream });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(async () => {
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
    await new Promise((resolve) => server.close(resolve));
  });
  return {
    port: (server.address() as { port: number }).port,
    hangUp: () => {
      for (const { client, upstream } of pairs.splice(0)) {
        upstream.destroy();
        client.end();
      }
    },
  };
}

describe('the installed postgres.js', () => {
  it('is guarded (npm ci ran scripts/patch-postgres.mjs)', () => {
    const script = path.resolve(import.meta.dirname, '../../../../scripts/patch-postgres.mjs');
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('survives the server closing a connection inside a transaction, and the pool serves again', async () => {
    const testDb = await createTestDatabase('driver_guard');
    cleanup.push(() => testDb.drop());
    const url = new URL(testDb.url);
    const { port, hangUp } = await relay(url);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    const database = connect(url.toString(), { agency: 'kit', schema: {}, maxConnections: 1 });
    cleanup.push(() => database.client.end({ timeout: 1 }));

    const transaction = database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      hangUp();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await tx.execute(sql`select 2`);
    });
    await expect(transaction).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    // The unguarded driver's TypeError is thrown from a setImmediate after the rejection.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const [row] = await database.db.execute<{ one: number }>(sql`select 1 as one`);
    expect(row).toEqual({ one: 1 });
  });
});
