import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from './errors.ts';
import { readState, statePathOf } from './state.ts';

// The command in its own process, against a local HTTP server standing in for the gateway:
// a real Ctrl-C (SIGINT) while a page is on its way.

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const TOTAL = 12;
const PAGE = 3;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nomad-query-cli-'));
  await writeFile(join(dir, 'q.graphql'), '{ applications { edges { node { number } } } }');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A gateway answering pages of PAGE applications; `hold(n)` keeps request n (from 0) until released. */
async function fakeGateway(hold: number) {
  let received!: () => void;
  const held = new Promise<void>((resolve) => (received = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requests = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const call = requests++;
      const { after } = (JSON.parse(body) as { variables: { after: string | null } }).variables;
      const start = after === null ? 0 : Number(after) + 1;
      const numbers = Array.from({ length: Math.min(PAGE, TOTAL - start) }, (_, i) => String(start + i));
      const answer = JSON.stringify({
        data: { applications: { totalCount: TOTAL, edges: numbers.map((number) => ({ node: { number } })), pageInfo: { endCursor: numbers.at(-1) ?? null, hasNextPage: start + PAGE < TOTAL } } },
      });
      const send = () => res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
      if (call !== hold) return send();
      received();
      void released.then(send);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, held, release, requests: () => requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

function command(url: string, args: string[]) {
  const child = spawn(process.execPath, [TSX, CLI, 'q.graphql', '--page-size', String(PAGE), ...args], {
    cwd: dir,
    env: { ...process.env, NOMAD_TOKEN: 'cli-test-token', NOMAD_GATEWAY_URL: url, INIT_CWD: dir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
  return { child, done, stderr: () => stderr };
}

describe('the command', () => {
  it('on Ctrl-C finishes the page under way, exits 130 saying how to resume, and the same command then completes', async () => {
    const gateway = await fakeGateway(1);
    try {
      const first = command(gateway.url, ['--out', 'rows.ndjson']);
      await gateway.held;
      first.child.kill('SIGINT');
      // Once the process has taken the Ctrl-C, the page under way arrives.
      await expect.poll(() => first.stderr(), { timeout: 30_000 }).toContain('stopping after this page');
      gateway.release();
      const stopped = await first.done;
      expect(stopped.code, stopped.stderr).toBe(EXIT.INTERRUPTED);
      expect(stopped.stderr).toMatch(/interrupted after 6 rows \(2 pages\); .*rows\.ndjson holds them\. Re-run the same command/);
      expect(gateway.requests()).toBe(2);
      expect(await readState(statePathOf(join(dir, 'rows.ndjson')))).toMatchObject({ rows: 6, pages: 2, cursor: '5' });

      const second = command(gateway.url, ['--out', 'rows.ndjson']);
      const finished = await second.done;
      expect(finished.code, finished.stderr).toBe(EXIT.OK);
      const numbers = (await readFile(join(dir, 'rows.ndjson'), 'utf8'))
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { number: string }).number);
      expect(numbers).toEqual(Array.from({ length: TOTAL }, (_, i) => String(i)));
      expect(stopped.stderr + finished.stderr).not.toContain('cli-test-token');
    } finally {
      gateway.release();
      await gateway.close();
    }
  });
});
