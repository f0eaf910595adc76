import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUT_LIMITS } from './input-rules.ts';
import { findInputViolations } from './plugin.ts';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    thing(id: ID!): String
    search(filter: Filter, after: String, first: Int): String
  }
  input Filter {
    names: [String!]
    ids: [ID!]
    nested: Inner
  }
  input Inner {
    note: String
  }
`);

const UUID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function violations(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  return findInputViolations(schema, document, operation, variables, DEFAULT_INPUT_LIMITS);
}

describe('input validation before execution', () => {
  it('lets well-formed arguments through, literal or in variables', () => {
    expect(violations(`{ thing(id: "${UUID}") }`)).toEqual([]);
    expect(violations(`{ thing(id: "${UUID.toUpperCase()}") }`)).toEqual([]);
    expect(violations('query($f: Filter) { search(filter: $f, after: "abc", first: 3) }', { f: { names: ['Ana', 'Иван', '🙂'], nested: { note: "O'Brien; drop table x; --" } } })).toEqual([]);
  });

  it('refuses an id that is not a UUID, as a literal, an integer literal or a variable', () => {
    expect(violations('{ thing(id: "not-a-uuid") }')).toEqual([{ field: 'id', message: 'must be an id of this graph (a UUID)' }]);
    expect(violations('{ thing(id: 12) }')).toEqual([{ field: 'id', message: 'must be an id of this graph (a UUID)' }]);
    expect(violations('query($id: ID!) { thing(id: $id) }', { id: "1' or '1'='1" })).toEqual([{ field: 'id', message: 'must be an id of this graph (a UUID)' }]);
    expect(violations('query($f: Filter) { search(filter: $f) }', { f: { ids: [UUID, 'x'] } })).toEqual([{ field: 'filter.ids.1', message: 'must be an id of this graph (a UUID)' }]);
  });

  it('refuses NUL characters and lone surrogates anywhere, naming the input path', () => {
    expect(violations('query($f: Filter) { search(filter: $f) }', { f: { names: ['ok', 'a\u0000b'] } })).toEqual([
      { field: 'filter.names.1', message: 'must not contain the NUL character (U+0000)' },
    ]);
    expect(violations('query($f: Filter) { search(filter: $f) }', { f: { nested: { note: 'x\uD800y' } } })).toEqual([
      { field: 'filter.nested.note', message: 'must be valid Unicode text (it contains a lone surrogate)' },
    ]);
    expect(violations('query($a: String) { search(after: $a) }', { a: '\uDC00' })).toHaveLength(1);
    // A pair is one character, not two lone halves.
    expect(violations('query($a: String) { search(after: $a) }', { a: '\uD83D\uDE42' })).toEqual([]);
  });

  it('refuses over-long strings and huge lists', () => {
    const long = 'x'.repeat(DEFAULT_INPUT_LIMITS.maxStringLength + 1);
    expect(violations('query($a: String) { search(after: $a) }', { a: long })).toEqual([
      { field: 'after', message: `must be at most ${DEFAULT_INPUT_LIMITS.maxStringLength} characters` },
    ]);
    const names = Array.from({ length: 100_000 }, () => 'KAZ');
    expect(violations('query($f: Filter) { search(filter: $f) }', { f: { names } })).toEqual([
      { field: 'filter.names', message: `must have at most ${DEFAULT_INPUT_LIMITS.maxListLength} items (got 100000)` },
    ]);
  });

  it('checks arguments inside fragments and reports every problem', () => {
    const query = 'query($id: ID!) { ...F thing(id: "bad") } fragment F on Query { alias: thing(id: $id) }';
    expect(violations(query, { id: 'also-bad' }).map((v) => v.field)).toEqual(['id', 'id']);
  });

  it('checks each request of one parsed operation with its own variables (the walk is kept per operation, the values never)', () => {
    // Apollo Server hands every request of one query text the same parsed document.
    const document = parse('query($id: ID!, $f: Filter) { thing(id: $id) ...F } fragment F on Query { search(filter: $f) }');
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (!operation) throw new Error('no operation');
    const check = (variables: Record<string, unknown>) => findInputViolations(schema, document, operation, variables, DEFAULT_INPUT_LIMITS).map((v) => v.field);
    expect(check({ id: UUID, f: { ids: [UUID] } })).toEqual([]);
    expect(check({ id: 'bad', f: { ids: ['bad'] } })).toEqual(['id', 'filter.ids.0']);
    expect(check({ id: UUID, f: { names: ['a\u0000'] } })).toEqual(['filter.names.0']);
    expect(check({ id: UUID })).toEqual([]);
    // The same document against another schema (another agency in one process) is walked against that schema.
    // There, a filter's ids are plain strings: only \`id\` is refused.
    const other = buildSchema('type Query { thing(id: ID!): String search(filter: Filter): String } input Filter { ids: [String!] }');
    expect(findInputViolations(other, document, operation, { id: 'bad', f: { ids: ['bad'] } }, DEFAULT_INPUT_LIMITS).map((v) => v.field)).toEqual(['id']);
    expect(check({ id: 'bad', f: { ids: ['bad'] } })).toEqual(['id', 'filter.ids.0']);
  });

  it('leaves variables that do not fit their type to GraphQL execution', () => {
    expect(violations('query($id: ID!) { thing(id: $id) }', { id: { not: 'a scalar' } })).toEqual([]);
  });
});
