import { mkdtemp, readFile, rm, stat, appendFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { EXIT } from './errors.ts';
import type { Fetch } from './graph.ts';
import type { RunDeps } from './run.ts';
import { readState, statePathOf } from './state.ts';

// The runner end to end against a fake graph: a connection of `total` applications, cursors
// `c<index>`, and failures injected by call number.

type Failure = { status: number } | { code: string } | { network: true };

interface Item {
  number: string;
  activity: { code: string } | null;
  nomad: { citizenship: string };
  corrections: { field: string }[];
}

const TOKEN = 'secret-token-4f9a';

function fakeGraph(total: number, failAt: (call: number) => Failure | undefined = () => undefined) {
  const items: Item[] = Array.from({ length: total }, (_, i) => ({
    number: String(10_000_000 + i),
    activity: i % 4 === 0 ? null : { code: '62.01' },
    nomad: { citizenship: i % 3 === 0 ? 'say "x", y' : 'USA' },
    corrections: i % 5 === 0 ? [{ field: 'email' }] : [],
  }));
  const calls: { authorization: string | undefined; variables: Record<string, unknown> }[] = [];
  const clock = { now: 0 };
  const fetch: Fetch = (_url, init) => {
    const body = JSON.parse(init.body) as { variables: { first: number; after: string | null } };
    const call = calls.length;
    calls.push({ authorization: init.headers.authorization, variables: body.variables });
    clock.now += 3_000;
    const failure = failAt(call);
    if (failure && 'network' in failure) return Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:4000') }));
    if (failure && 'status' in failure) return Promise.resolve(new Response('Bad Gateway', { status: failure.status }));
    if (failure) return Promise.resolve(Response.json({ data: null, errors: [{ message: `refused (${failure.code})`, path: ['applications'], extensions: { code: failure.code } }] }));
    const { first, after } = body.variables;
    const start = after === null ? 0 : Number(after.slice(1)) + 1;
    const page = items.slice(start, start + first);
    return Promise.resolve(
      Response.json({
        data: {
          applications: {
            totalCount: total,
            edges: page.map((node) => ({ node })),
            pageInfo: { endCursor: page.length > 0 ? `c${start + page.length - 1}` : null, hasNextPage: start + first < total },
          },
        },
      }),
    );
  };
  return { items, calls, clock, fetch };
}

const OPERATION = '{ applications(filter: { states: [APPROVED] }) { totalCount edges { node { number activity { code } nomad { citizenship } corrections { field } } } } }';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nomad-query-'));
  await writeFile(join(dir, 'q.graphql'), OPERATION);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function harness(graph: ReturnType<typeof fakeGraph>, options: { tty?: boolean; stopAfterPages?: number } = {}) {
  const stderr: string[] = [];
  const stdout: string[] = [];
  const sleeps: number[] = [];
  const stop = { requested: false };
  const deps: RunDeps = {
    fetch: graph.fetch,
    stdout: { write: (chunk: string, callback: (error?: Error | null) => void) => (stdout.push(chunk), callback()) },
    stderr: { write: (text: string) => stderr.push(text), isTTY: options.tty ?? false },
    now: () => graph.clock.now,
    sleep: (ms) => (sleeps.push(ms), Promise.resolve()),
    stop,
    onPage: ({ pages }) => {
      if (options.stopAfterPages !== undefined && pages >= options.stopAfterPages) stop.requested = true;
    },
  };
  const run = (...argv: string[]) => runCli(argv, { gatewayUrl: 'http://graph.test/graphql', token: TOKEN, initCwd: undefined }, dir, deps);
  return { run, stderr: () => stderr.join(''), stdout: () => stdout.join(''), sleeps };
}

const lines = (text: string) => text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('following a connection', () => {
  it('writes every row once, page by page with the page size, in each format', async () => {
    const graph = fakeGraph(23);
    const { run } = harness(graph);
    expect(await run('q.graphql', '--page-size', '5', '--out', 'rows.ndjson')).toBe(EXIT.OK);
    expect(graph.calls.map((c) => [c.variables.first, c.variables.after])).toEqual([
      [5, null],
      [5, 'c4'],
      [5, 'c9'],
      [5, 'c14'],
      [5, 'c19'],
    ]);
    const rows = lines(await readFile(join(dir, 'rows.ndjson'), 'utf8'));
    expect(rows.map((r) => r.number)).toEqual(graph.items.map((i) => i.number));
    expect(rows[0]).toEqual({ number: '10000000', 'activity.code': null, 'nomad.citizenship': 'say "x", y', corrections: [{ field: 'email' }] });
    await expect(stat(statePathOf(join(dir, 'rows.ndjson')))).rejects.toThrow();

    expect(await run('q.graphql', '--page-size', '5', '--out', 'rows.json')).toBe(EXIT.OK);
    expect(JSON.parse(await readFile(join(dir, 'rows.json'), 'utf8'))).toEqual(rows);

    expect(await run('q.graphql', '--page-size', '5', '--out', 'rows.csv')).toBe(EXIT.OK);
    const csv = (await readFile(join(dir, 'rows.csv'), 'utf8')).split('\r\n');
    expect(csv.slice(0, 3)).toEqual(['number,activity.code,nomad.citizenship,corrections', '10000000,,"say ""x"", y","[{""field"":""email""}]"', '10000001,62.01,USA,[]']);
    expect(csv).toHaveLength(23 + 2);
  });

  it('writes to standard output without --out, with the page size of the operation (or 100)', async () => {
    const graph = fakeGraph(3);
    const { run, stdout } = harness(graph);
    expect(await run('q.graphql')).toBe(EXIT.OK);
    expect(lines(stdout()).map((r) => r.number)).toEqual(['10000000', '10000001', '10000002']);
    expect(graph.calls.map((c) => c.variables.first)).toEqual([100]);
  });
});

describe('resuming', () => {
  it('stops after the page under way on Ctrl-C (exit 130, how to resume), and re-running continues: every row exactly once', async () => {
    const graph = fakeGraph(23);
    const first = harness(graph, { stopAfterPages: 1 });
    expect(await first.run('q.graphql', '--page-size', '5', '--out', 'rows.csv')).toBe(EXIT.INTERRUPTED);
    expect(first.stderr()).toMatch(/interrupted after 5 rows \(1 pages\); .*rows\.csv holds them\. Re-run the same command \(or add --resume\) to continue\./);
    const state = await readState(statePathOf(join(dir, 'rows.csv')));
    expect(state).toMatchObject({ cursor: 'c4', rows: 5, pages: 1, format: 'csv', variables: {} });
    expect((await readFile(join(dir, 'rows.csv'))).length).toBe(state?.bytes);

    const second = harness(graph);
    expect(await second.run('q.graphql', '--page-size', '5', '--out', 'rows.csv')).toBe(EXIT.OK);
    expect(second.stderr()).toMatch(/resuming .*rows\.csv after 5 rows \(1 pages\)/);
    expect(graph.calls[1]?.variables.after).toBe('c4');

    const whole = harness(fakeGraph(23));
    expect(await whole.run('q.graphql', '--page-size', '5', '--out', 'whole.csv')).toBe(EXIT.OK);
    expect(await readFile(join(dir, 'rows.csv'), 'utf8')).toBe(await readFile(join(dir, 'whole.csv'), 'utf8'));
  });

  it('after a crash mid-page, truncates what was written after the last committed page (no duplicate, no half row)', async () => {
    const graph = fakeGraph(12);
    expect(await harness(graph, { stopAfterPages: 2 }).run('q.graphql', '--page-size', '4', '--out', 'rows.json')).toBe(EXIT.INTERRUPTED);
    // A crash after writing page 3 (and more than the rest of the export is long), before its commit.
    await appendFile(join(dir, 'rows.json'), ',\n{"number":"10000008"}'.repeat(100) + ',\n{"number":"10000009","activity.code":"62.0');
    expect(await harness(graph).run('q.graphql', '--page-size', '4', '--out', 'rows.json', '--resume')).toBe(EXIT.OK);
    const rows = JSON.parse(await readFile(join(dir, 'rows.json'), 'utf8')) as { number: string }[];
    expect(rows.map((r) => r.number)).toEqual(graph.items.map((i) => i.number));
  });

  it('refuses to resume another query or variables, and --resume with nothing to resume', async () => {
    const graph = fakeGraph(12);
    expect(await harness(graph, { stopAfterPages: 1 }).run('q.graphql', '--page-size', '4', '--out', 'rows.ndjson')).toBe(EXIT.INTERRUPTED);
    await writeFile(join(dir, 'vars.json'), '{"unused": 1}');
    await writeFile(join(dir, 'other.graphql'), OPERATION.replace('APPROVED', 'REFUSED'));
    const again = harness(graph);
    expect(await again.run('other.graphql', '--page-size', '4', '--out', 'rows.ndjson')).toBe(EXIT.USAGE);
    expect(again.stderr()).toMatch(/rows\.ndjson is an interrupted export of another query: the operation differ/);
    expect(await again.run('q.graphql', '--page-size', '4', '--out', 'rows.ndjson', '--format', 'csv')).toBe(EXIT.USAGE);
    expect(again.stderr()).toMatch(/the format \(ndjson, not csv\) differ/);
    expect(await again.run('q.graphql', '--page-size', '4', '--out', 'fresh.ndjson', '--resume')).toBe(EXIT.USAGE);
    expect(again.stderr()).toMatch(/Nothing to resume: .*fresh\.ndjson\.progress\.json does not exist/);
  });
});

describe('failures', () => {
  it('retries a network error, HTTP 5xx and AGENCY_UNAVAILABLE/BUSY with backoff, then goes on', async () => {
    const failures: Record<number, Failure> = { 0: { status: 503 }, 1: { network: true }, 2: { code: 'AGENCY_UNAVAILABLE' }, 4: { code: 'BUSY' } };
    const graph = fakeGraph(8, (call) => failures[call]);
    const h = harness(graph);
    expect(await h.run('q.graphql', '--page-size', '4', '--out', 'rows.ndjson')).toBe(EXIT.OK);
    expect(h.sleeps).toEqual([500, 1000, 2000, 500]);
    expect(h.stderr()).toMatch(/cannot reach http:\/\/graph\.test\/graphql: connect ECONNREFUSED.*retrying in 1s \(attempt 3 of 5\)/);
    expect(lines(await readFile(join(dir, 'rows.ndjson'), 'utf8'))).toHaveLength(8);
  });

  it('gives up after five attempts with exit 5, keeping the progress: the same command resumes', async () => {
    let down = true;
    const graph = fakeGraph(10, (call) => (call >= 1 && down ? { network: true } : undefined));
    const h = harness(graph);
    expect(await h.run('q.graphql', '--page-size', '4', '--out', 'rows.ndjson')).toBe(EXIT.UNAVAILABLE);
    expect(h.stderr()).toMatch(/stayed unavailable after 5 attempts[^]*rows\.ndjson keeps 4 rows; re-run the same command to continue from there/);
    down = false;
    expect(await harness(graph).run('q.graphql', '--page-size', '4', '--out', 'rows.ndjson')).toBe(EXIT.OK);
    expect(lines(await readFile(join(dir, 'rows.ndjson'), 'utf8')).map((r) => r.number)).toEqual(graph.items.map((i) => i.number));
  });

  it('stops on an error a retry does not cure (exit 4), naming its code and path', async () => {
    const h = harness(fakeGraph(10, () => ({ code: 'FORBIDDEN' })));
    expect(await h.run('q.graphql', '--out', 'rows.ndjson')).toBe(EXIT.GRAPH_ERROR);
    expect(h.stderr()).toContain('The graph refused the operation (HTTP 200):\n  FORBIDDEN at applications: refused (FORBIDDEN)');
    expect(h.sleeps).toEqual([]);
  });

  it('sends the token only as Authorization, and never prints it', async () => {
    const graph = fakeGraph(10, (call) => (call === 0 ? { network: true } : { code: 'UNAUTHENTICATED' }));
    const h = harness(graph);
    expect(await h.run('q.graphql', '--out', 'rows.ndjson')).toBe(EXIT.GRAPH_ERROR);
    expect(graph.calls.map((c) => c.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expect(h.stderr()).not.toContain(TOKEN);
    expect(await readFile(join(dir, 'rows.ndjson.progress.json'), 'utf8')).not.toContain(TOKEN);
  });

  it('refuses personal fields and invalid operations before sending anything (exit 3), writing nothing', async () => {
    await writeFile(join(dir, 'personal.graphql'), '{ nomads(first: 5) { edges { node { citizenship pin } } } }');
    const graph = fakeGraph(3);
    const h = harness(graph);
    expect(await h.run('personal.graphql', '--out', 'rows.csv')).toBe(EXIT.REFUSED);
    expect(h.stderr()).toContain('nomads.edges.node.pin (Nomad.pin)');
    await writeFile(join(dir, 'bad-vars.json'), '{"states": ["NOT_A_STATE"]}');
    await writeFile(join(dir, 'vars.graphql'), 'query($states: [ApplicationState!]!) { applications(filter: { states: $states }) { edges { node { number } } } }');
    expect(await h.run('vars.graphql', '--vars', 'bad-vars.json', '--out', 'rows.csv')).toBe(EXIT.REFUSED);
    expect(h.stderr()).toMatch(/The variables do not fit the operation:\n {2}Variable "\$states" got invalid value "NOT_A_STATE" at "states\[0\]"/);
    expect(await h.run('vars.graphql', '--vars', 'missing.json', '--out', 'rows.csv')).toBe(EXIT.USAGE);
    expect(h.stderr()).toMatch(/Cannot read the variables file .*missing\.json: ENOENT/);
    expect(graph.calls).toHaveLength(0);
    await expect(stat(join(dir, 'rows.csv'))).rejects.toThrow();
  });

  it('refuses an output it cannot write (exit 2), naming it', async () => {
    const h = harness(fakeGraph(3));
    expect(await h.run('q.graphql', '--out', 'no/such/dir/rows.csv')).toBe(EXIT.USAGE);
    expect(h.stderr()).toMatch(/Cannot write .*no\/such\/dir\/rows\.csv: ENOENT\./);
  });
});

describe('without a connection', () => {
  it("writes a statistics answer's rows in one go", async () => {
    await writeFile(join(dir, 'stats.graphql'), '{ applicationStatistics(measures: [COUNT], groupBy: [CITIZENSHIP]) { minCellSize rows { citizenship suppressed count } } }');
    const rows = [
      { citizenship: 'DEU', suppressed: false, count: 12 },
      { citizenship: null, suppressed: true, count: null },
    ];
    const calls: unknown[] = [];
    const h = harness({ ...fakeGraph(0), fetch: (_url, init) => (calls.push(init.body), Promise.resolve(Response.json({ data: { applicationStatistics: { minCellSize: 5, rows } } }))) });
    expect(await h.run('stats.graphql', '--out', 'stats.csv')).toBe(EXIT.OK);
    expect(calls).toHaveLength(1);
    expect(await readFile(join(dir, 'stats.csv'), 'utf8')).toBe('citizenship,suppressed,count\r\nDEU,false,12\r\n,true,\r\n');
  });
});

describe('progress', () => {
  it('draws a bar with rows, pages, rate and ETA on a terminal', async () => {
    const h = harness(fakeGraph(20), { tty: true });
    expect(await h.run('q.graphql', '--page-size', '5', '--out', 'rows.csv')).toBe(EXIT.OK);
    // Page 2 of 4 after 6 s (the fake graph takes 3 s a page): 10 rows at 1.67 rows/s leave 6 s; the last line ends the bar.
    expect(h.stderr()).toContain('\r\x1b[K[############............] 10/20 rows · 2 pages · 2 rows/s · ETA 6s');
    expect(h.stderr()).toMatch(/\[#{24}\] 20\/20 rows · 4 pages · \d+ rows\/s · ETA 0s\n$/);
  });

  it('prints plain lines at most every 5 s when standard error is not a terminal, and nothing with --quiet', async () => {
    const h = harness(fakeGraph(20));
    expect(await h.run('q.graphql', '--page-size', '2', '--out', 'rows.csv')).toBe(EXIT.OK);
    const printed = h.stderr().trimEnd().split('\n');
    expect(printed.length).toBeGreaterThan(2);
    expect(printed.length).toBeLessThan(10);
    for (const line of printed) expect(line).toMatch(/^query: \d+\/20 rows · \d+ pages? · \d+ rows\/s · ETA /);
    expect(h.stderr()).not.toContain('\r');
    const quiet = harness(fakeGraph(20));
    expect(await quiet.run('q.graphql', '--page-size', '2', '--out', 'rows.csv', '--quiet')).toBe(EXIT.OK);
    expect(quiet.stderr()).toBe('');
  });
});
