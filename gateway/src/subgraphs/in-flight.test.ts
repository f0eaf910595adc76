import { setImmediate as tick } from 'node:timers/promises';
import { buildSchema, parse } from 'graphql';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { describe, expect, it } from 'vitest';
import { SubgraphDataSource, type GatewayContext } from './datasource.ts';
import type { Fetcher } from './fetcher.ts';
import { InFlightFetches } from './in-flight.ts';
import { fetchPersonalCheck } from '../plugins/useDeduplication.ts';

const SCHEMA = buildSchema(`
  type Application { number: String declaredIncome: Int }
  type Applications { totalCount: Int nodes: [Application!]! }
  type Query { applications(first: Int): Applications }
  type Mutation { submitApplication(input: Int): Int }
`);

/** A subgraph call the test answers when it likes. */
interface Call {
  headers: Record<string, string>;
  body: string;
  answer(data: Record<string, unknown>): void;
  /** Answers with this status, body and content type. */
  reply(status: number, body: string, contentType: string): void;
  fail(error: Error): void;
}

/** A data source over a fetcher whose calls wait for the test. */
function dataSource() {
  const calls: Call[] = [];
  const fetcher: Fetcher = (_url, init = {}) =>
    new Promise((resolve, reject) => {
      calls.push({
        headers: init.headers as Record<string, string>,
        body: String(init.body),
        answer: (data) => resolve(new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } })),
        reply: (status, body, contentType) => resolve(new Response(body, { status, headers: { 'content-type': contentType } })),
        fail: reject,
      });
    });
  const inFlight = new InFlightFetches();
  const source = new SubgraphDataSource('http://127.0.0.1:1/graphql', 'credential', fetcher, 'migration', inFlight, fetchPersonalCheck(new Set(['Application.declaredIncome'])));
  return { source, calls, counts: inFlight.counts };
}

function context(overrides: Partial<GatewayContext> = {}): GatewayContext {
  return {
    principal: { sub: 'officer-1', name: null, roles: ['migration_officer'], nomadId: null },
    token: 'token-of-officer-1',
    purpose: 'case 42',
    requestId: `request-${Math.random()}`,
    idempotencyKey: null,
    shareFetches: true,
    ...overrides,
  } as GatewayContext;
}

const QUERY = 'query Q__migration__0($first:Int){applications(first:$first){totalCount}}';

function fetchOf(ctx: GatewayContext, query = QUERY, variables: Record<string, unknown> = { first: 5 }): GraphQLDataSourceProcessOptions<GatewayContext> {
  // As the executor calls it (its kind enum is not exported at run time).
  return {
    kind: 'incoming operation',
    request: { query, variables, operationName: 'Q__migration__0' },
    incomingRequestContext: { context: ctx, schema: SCHEMA },
    context: ctx,
    document: parse(query),
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

/** Starts two fetches at once, lets every call reach the fake subgraph, answers them all. */
async function twoAtOnce(first: GraphQLDataSourceProcessOptions<GatewayContext>, second: GraphQLDataSourceProcessOptions<GatewayContext>) {
  const { source, calls, counts } = dataSource();
  const answers = Promise.all([source.process(first), source.process(second)]);
  await tick();
  for (const call of calls) call.answer({ applications: { totalCount: 7 } });
  const [a, b] = await answers;
  return { a, b, calls, counts, source };
}

describe('SubgraphDataSource de-duplication', () => {
  it('sends identical queries of one caller once; each gets its own answer', async () => {
    const { source, calls, counts } = dataSource();
    const answers = Promise.all([1, 2, 3].map(() => source.process(fetchOf(context()))));
    await tick();
    expect(calls).toHaveLength(1);
    calls[0]?.answer({ applications: { totalCount: 7 } });
    const results = (await answers).map((r) => r.data as { applications: { totalCount: number } });
    expect(counts).toEqual({ sent: 1, deduplicated: 2 });
    expect(results).toEqual([1, 2, 3].map(() => ({ applications: { totalCount: 7 } })));
    // The executor merges into what it gets: one caller's changes never reach another.
    results.forEach((r, i) => (r.applications.totalCount = i));
    expect(results.map((r) => r.applications.totalCount)).toEqual([0, 1, 2]);
  });

  it('never shares between two tokens, two purposes, or two sets of variables', async () => {
    const tokens = await twoAtOnce(fetchOf(context()), fetchOf(context({ token: 'token-of-officer-2' })));
    expect(tokens.calls.map((c) => c.headers.authorization)).toEqual(['Bearer token-of-officer-1', 'Bearer token-of-officer-2']);
    const purposes = await twoAtOnce(fetchOf(context()), fetchOf(context({ purpose: 'case 43' })));
    expect(purposes.calls.map((c) => c.headers['x-purpose'])).toEqual(['case 42', 'case 43']);
    const noPurpose = await twoAtOnce(fetchOf(context()), fetchOf(context({ purpose: null })));
    expect(noPurpose.calls).toHaveLength(2);
    const variables = await twoAtOnce(fetchOf(context()), fetchOf(context(), QUERY, { first: 6 }));
    expect(variables.calls.map((c) => (JSON.parse(c.body) as { variables: unknown }).variables)).toEqual([{ first: 5 }, { first: 6 }]);
    for (const run of [tokens, purposes, noPurpose, variables]) expect(run.counts).toEqual({ sent: 2, deduplicated: 0 });
  });

  it('never shares a mutation, nor a request the gateway did not allow to (a personal read, or the setting off)', async () => {
    const mutation = 'mutation M__migration__0{submitApplication(input:{}){userErrors{message}}}';
    const mutations = await twoAtOnce(fetchOf(context(), mutation), fetchOf(context(), mutation));
    expect(mutations.calls).toHaveLength(2);
    const notAllowed = await twoAtOnce(fetchOf(context({ shareFetches: false })), fetchOf(context({ shareFetches: false })));
    expect(notAllowed.calls).toHaveLength(2);
    expect(notAllowed.counts).toEqual({ sent: 2, deduplicated: 0 });
  });

  it('never shares a fetch whose own document reads a personal field, nor one without its document', async () => {
    const personal = await twoAtOnce(
      fetchOf(context(), 'query Q__migration__0($first:Int){applications(first:$first){nodes{declaredIncome}}}'),
      fetchOf(context(), 'query Q__migration__0($first:Int){applications(first:$first){nodes{declaredIncome}}}'),
    );
    expect(personal.counts).toEqual({ sent: 2, deduplicated: 0 });
    const { document: _a, ...first } = fetchOf(context()) as GraphQLDataSourceProcessOptions<GatewayContext> & { document?: unknown };
    const { document: _b, ...second } = fetchOf(context()) as GraphQLDataSourceProcessOptions<GatewayContext> & { document?: unknown };
    const undocumented = await twoAtOnce(first, second);
    expect(undocumented.counts).toEqual({ sent: 2, deduplicated: 0 });
  });

  it("reads after the caller's own mutation: a read sent before it is not joined", async () => {
    const { source, calls, counts } = dataSource();
    const before = source.process(fetchOf(context()));
    await tick();
    const mutation = source.process(fetchOf(context(), 'mutation M__migration__0{submitApplication(input:1)}'));
    await tick();
    calls[1]?.answer({ submitApplication: 1 });
    await mutation;
    // The same read, after the change: sent again, not served by the one in flight from before it.
    const after = source.process(fetchOf(context()));
    // Another caller's reads are theirs: still shared.
    const other = [source.process(fetchOf(context({ token: 'token-of-officer-2' }))), source.process(fetchOf(context({ token: 'token-of-officer-2' })))];
    await tick();
    expect(calls).toHaveLength(4);
    // The read from before settles: the one from after it stays in flight, and is joined.
    calls[0]?.answer({ applications: { totalCount: 7 } });
    expect((await before).data).toEqual({ applications: { totalCount: 7 } });
    const joiner = source.process(fetchOf(context()));
    await tick();
    expect(calls).toHaveLength(4);
    calls[2]?.answer({ applications: { totalCount: 8 } });
    calls[3]?.answer({ applications: { totalCount: 9 } });
    expect([(await after).data, (await joiner).data]).toEqual([{ applications: { totalCount: 8 } }, { applications: { totalCount: 8 } }]);
    expect((await Promise.all(other)).map((r) => r.data)).toEqual([{ applications: { totalCount: 9 } }, { applications: { totalCount: 9 } }]);
    expect(counts).toEqual({ sent: 4, deduplicated: 2 });
  });

  it('gives every waiting caller the failure, and sends the next fetch again', async () => {
    const { source, calls, counts } = dataSource();
    const failed = Promise.allSettled([source.process(fetchOf(context())), source.process(fetchOf(context()))]);
    await tick();
    expect(calls).toHaveLength(1);
    const error = new Error('Agency migration is unavailable (timeout).');
    calls[0]?.fail(error);
    expect(await failed).toEqual([
      { status: 'rejected', reason: error },
      { status: 'rejected', reason: error },
    ]);
    const next = source.process(fetchOf(context()));
    await tick();
    calls[1]?.answer({ applications: { totalCount: 1 } });
    expect((await next).data).toEqual({ applications: { totalCount: 1 } });
    expect(counts).toEqual({ sent: 2, deduplicated: 1 });
  });

  it('is no cache: once a call has answered, the same fetch is sent again', async () => {
    const { source, calls, counts } = await twoAtOnce(fetchOf(context()), fetchOf(context()));
    const again = source.process(fetchOf(context()));
    await tick();
    calls[1]?.answer({ applications: { totalCount: 8 } });
    expect((await again).data).toEqual({ applications: { totalCount: 8 } });
    expect(calls).toHaveLength(2);
    expect(counts).toEqual({ sent: 2, deduplicated: 1 });
  });
});

describe("a subgraph call's answer", () => {
  const sent = async (reply: (call: Call) => void) => {
    const { source, calls } = dataSource();
    const answer = source.process(fetchOf(context({ shareFetches: false })));
    await tick();
    expect(calls).toHaveLength(1);
    const call = calls[0] as Call;
    reply(call);
    return { answer, call };
  };

  it('sends the fetch as the body: its query, variables and operation name, nothing else', async () => {
    const { answer, call } = await sent((c) => c.answer({ applications: { totalCount: 3 } }));
    expect((await answer).data).toEqual({ applications: { totalCount: 3 } });
    expect(JSON.parse(call.body)).toEqual({ query: QUERY, variables: { first: 5 }, operationName: 'Q__migration__0' });
    expect(call.headers['content-type']).toBe('application/json');
  });

  it('is an error, never data, when the status is not 2xx, whatever the body holds', async () => {
    const { answer } = await sent((c) => c.reply(401, JSON.stringify({ data: { applications: { totalCount: 7 } } }), 'application/json'));
    const error = (await answer.then(() => null, (e: unknown) => e)) as { message?: string; extensions?: { code?: string } } | null;
    expect(error?.message).toMatch(/^401: /);
    expect(error?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is an error when a 2xx body is not a JSON object', async () => {
    await expect((await sent((c) => c.reply(200, 'upstream said hello', 'text/plain'))).answer).rejects.toThrow(/Expected JSON response body/);
    await expect((await sent((c) => c.reply(200, '[1,2]', 'application/json'))).answer).rejects.toThrow(/Expected JSON response body/);
  });
});
