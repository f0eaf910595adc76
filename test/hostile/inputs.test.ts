import { getNullableType, isListType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INPUT_LIMITS } from '@nomad/kit';
import { startGraph, type GraphResponse, type TestGraph } from '../src/harness.ts';
import { everyRoleToken, PURPOSE } from '../src/hostile.ts';
import { inputPositions, loadApiSchema, operationFor, rootFields, sampleArgs, sampleValue, withValueAt, type InputPosition, type RootField } from '../src/schema-walk.ts';

/**
 * Every client mistake in an argument, at every place of every root field the schema has, is
 * refused with BAD_USER_INPUT naming that place, before any SQL runs, never as a server error.
 * The cases come from the schema: a field added tomorrow is covered tomorrow.
 */

let graph: TestGraph;
let schema: GraphQLSchema;
let tokenAll: string;
beforeAll(async () => {
  graph = await startGraph();
  schema = await loadApiSchema();
  tokenAll = await everyRoleToken();
});
afterAll(async () => {
  await graph?.stop();
});

interface Case {
  operation: 'query' | 'mutation';
  field: RootField;
  position: InputPosition;
}

function cases(predicate: (position: InputPosition) => boolean): Case[] {
  return (['query', 'mutation'] as const).flatMap((operation) =>
    rootFields(schema, operation).flatMap((field) =>
      field.args.flatMap((arg) => inputPositions(arg).filter(predicate).map((position) => ({ operation, field, position }))),
    ),
  );
}

const isText = (p: InputPosition) => ['String', 'ID'].includes(getNullableType(p.type).toString());
const isId = (p: InputPosition) => getNullableType(p.type).toString() === 'ID';
const isList = (p: InputPosition) => isListType(getNullableType(p.type));

/** Sends `value` at the case's place (every other argument well-formed) and returns the answer and the SQL it cost. */
async function send(c: Case, value: unknown): Promise<{ res: GraphResponse; sql: number }> {
  const args = withValueAt(c.field, sampleArgs(c.field), c.position.path, value);
  let res: GraphResponse | undefined;
  const counts = await graph.countSql(async () => {
    res = await graph.request(tokenAll, operationFor(c.operation, c.field, Object.keys(args)), args, { 'x-purpose': PURPOSE });
  });
  if (!res) throw new Error('no response');
  return { res, sql: Object.values(counts).reduce((a, b) => a + b, 0) };
}

/** The answer names the place with BAD_USER_INPUT, ran no SQL, and shows nothing internal. */
function expectRefused(c: Case, sent: { res: GraphResponse; sql: number }): void {
  const where = `${c.operation} ${c.field.name} ${c.position.path.join('.')}`;
  expect(sent.res.status, where).toBeLessThan(500);
  const errors = sent.res.body.errors ?? [];
  expect(errors.map((e) => e.extensions?.code), where).not.toContain('INTERNAL_SERVER_ERROR');
  expect(errors.find((e) => e.extensions?.code === 'BAD_USER_INPUT' && e.extensions.field === c.position.path.join('.')), where).toBeDefined();
  expect(sent.sql, where).toBe(0);
}

describe('hostile arguments, derived from the schema', () => {
  it('an id that is not a UUID, anywhere', async () => {
    const all = cases(isId);
    expect(all.length).toBeGreaterThan(20);
    for (const c of all) expectRefused(c, await send(c, "1' or '1'='1"));
  });

  it('a NUL character or a lone surrogate in any text', async () => {
    const all = cases(isText);
    expect(all.length).toBeGreaterThan(50);
    for (const c of all) {
      expectRefused(c, await send(c, 'KAZ\u0000'));
      expectRefused(c, await send(c, 'K\uD800Z'));
    }
  });

  it('a string over the length limit, anywhere', async () => {
    const all = cases(isText);
    const long = 'x'.repeat(DEFAULT_INPUT_LIMITS.maxStringLength + 1);
    for (const c of all) expectRefused(c, await send(c, long));
  });

  it('a list over the item limit, anywhere; a 100,000-item list is a 4xx too', async () => {
    const all = cases(isList);
    expect(all.length).toBeGreaterThan(10);
    for (const c of all) {
      const list = getNullableType(c.position.type);
      if (!isListType(list)) throw new Error('not a list');
      // One well-formed item, repeated: only the count is wrong.
      const item = sampleValue(list.ofType);
      const sample = (n: number) => Array.from({ length: n }, () => item);
      expectRefused(c, await send(c, sample(DEFAULT_INPUT_LIMITS.maxListLength + 1)));
      const huge = await send(c, sample(100_000));
      // Either the gateway refuses the body (413) or the subgraph the list (BAD_USER_INPUT).
      expect(huge.res.status, c.field.name).toBeLessThan(500);
      if (huge.res.status === 200) expectRefused(c, huge);
      expect(huge.sql).toBe(0);
    }
  });
});
