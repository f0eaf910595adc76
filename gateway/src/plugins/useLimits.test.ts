import { buildSchema, getIntrospectionQuery, GraphQLError, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { armorRules, DEFAULT_LIMITS, tokenLimitOf, useLimits } from './useLimits.ts';

const schema = buildSchema(`
  type Query {
    nomads(first: Int, after: String, last: Int, before: String): NomadConnection!
    nomad(id: ID!): Nomad
    hello: String
  }
  type NomadConnection { edges: [NomadEdge!]! totalCount: Int! }
  type NomadEdge { cursor: String! node: Nomad! }
  type Nomad {
    id: ID!
    surname: String!
    friend: Nomad
    applications(first: Int, after: String): ApplicationConnection!
    tags: [String!]!
  }
  type ApplicationConnection { edges: [ApplicationEdge!]! }
  type ApplicationEdge { node: Application! }
  type Application { number: String! state: String! }
`);

function errorsOf(query: string, rules = armorRules({ maxDepth: 12, maxAliases: 30, maxDirectives: 50 })) {
  return validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => e.message);
}

/** `{ nomad(id: 1) { friend { friend { … id } } } }` with `friends` levels of `friend`. */
function friendChain(friends: number): string {
  return `{ nomad(id: "1") { ${'friend { '.repeat(friends)}id${' }'.repeat(friends)} } }`;
}

describe('depth (graphql-armor)', () => {
  it('lets an operation at the limit through', () => {
    // nomad (1) + 10 × friend + id = 12
    expect(errorsOf(friendChain(10))).toEqual([]);
  });

  it('refuses a depth bomb, naming the limit', () => {
    expect(errorsOf(friendChain(11))).toEqual(['Query depth limit of 12 exceeded, found 13 (MAX_DEPTH).']);
  });

  it('counts depth through named and inline fragments', () => {
    const query = `
      query { nomad(id: "1") { ...F1 } }
      fragment F1 on Nomad { friend { ... on Nomad { friend { ...F2 } } } }
      fragment F2 on Nomad { friend { friend { id } } }
    `;
    // nomad, friend, friend, friend, friend, id
    expect(errorsOf(query, armorRules({ maxDepth: 5, maxAliases: 30, maxDirectives: 50 }))).toEqual([
      'Query depth limit of 5 exceeded, found 6 (MAX_DEPTH).',
    ]);
    expect(errorsOf(query, armorRules({ maxDepth: 6, maxAliases: 30, maxDirectives: 50 }))).toEqual([]);
  });

  it('survives a fragment cycle (graphql-js reports the cycle itself)', () => {
    const errors = errorsOf('{ nomad(id: "1") { ...A } } fragment A on Nomad { friend { ...A } }');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Cannot spread fragment "A" within itself/);
  });

  it("does not count introspection's own nesting, so GraphiQL can load the schema", () => {
    expect(errorsOf(getIntrospectionQuery())).toEqual([]);
  });
});

describe('aliases (graphql-armor)', () => {
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: hello`).join(' ')} }`;

  it('lets 30 aliases through', () => {
    expect(errorsOf(aliases(30))).toEqual([]);
  });

  it('refuses an alias bomb, naming the limit', () => {
    expect(errorsOf(aliases(100))).toEqual(['Aliases limit of 30 exceeded, found 100 (MAX_ALIASES).']);
  });

  it('counts aliases in a fragment once per spread', () => {
    const query = `
      { nomad(id: "1") { ...F friend { ...F friend { ...F } } } }
      fragment F on Nomad { a: id b: surname c: id d: surname e: id f: surname g: id h: surname i: id j: surname k: id }
    `;
    expect(errorsOf(query)).toEqual(['Aliases limit of 30 exceeded, found 33 (MAX_ALIASES).']);
  });
});

describe('directives (graphql-armor)', () => {
  it('refuses a directive bomb, naming the limit, and lets 50 through', () => {
    const directives = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: hello @include(if: true)`).join(' ')} }`;
    const rules = armorRules({ maxDepth: 12, maxAliases: 1000, maxDirectives: 50 });
    expect(errorsOf(directives(50), rules)).toEqual([]);
    expect(errorsOf(directives(51), rules)).toEqual(['Directives limit of 50 exceeded, found 51 (MAX_DIRECTIVES).']);
  });
});

describe('tokenLimitOf', () => {
  it("reads the limit from graphql-js's parse error", () => {
    let message = '';
    try {
      parse('{ a b c d e f }', { maxTokens: 3 });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(tokenLimitOf(message)).toBe(3);
    expect(tokenLimitOf('Syntax Error: Unexpected Name "x".')).toBeNull();
  });
});

describe('useLimits', () => {
  it('rewrites the parser token limit into a validation error naming MAX_TOKENS', () => {
    const format = useLimits(DEFAULT_LIMITS).apollo?.formatError;
    expect(format).toBeDefined();
    const formatted = {
      message: 'Syntax Error: Document contains more that 5000 tokens. Parsing aborted.',
      locations: [{ line: 1, column: 9000 }],
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    };
    expect(format?.(formatted, new GraphQLError(formatted.message))).toEqual({
      message: 'The document exceeds the limit of 5000 tokens (MAX_TOKENS).',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const other = { message: 'Syntax Error: Unexpected Name "x".', extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    expect(format?.(other, new GraphQLError(other.message))).toBe(other);
  });

  it('hands Apollo the armor rules, the token limit and the cost plugin', () => {
    const apollo = useLimits({ ...DEFAULT_LIMITS, maxTokens: 123 }).apollo;
    expect(apollo?.validationRules).toHaveLength(3);
    expect(apollo?.parseOptions).toEqual({ maxTokens: 123 });
    expect(apollo?.plugins).toHaveLength(1);
  });
});
