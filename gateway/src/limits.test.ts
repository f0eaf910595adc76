import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { aliasLimitRule, depthLimitRule, operationCost, tokenLimitOf } from './limits.ts';

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

function errorsOf(query: string, rules = [depthLimitRule(12), aliasLimitRule(30)]) {
  return validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => e.message);
}

/** `{ nomad(id: 1) { friend { friend { … id } } } }` with `friends` levels of `friend`. */
function friendChain(friends: number): string {
  return `{ nomad(id: "1") { ${'friend { '.repeat(friends)}id${' }'.repeat(friends)} } }`;
}

describe('depthLimitRule', () => {
  it('lets an operation at the limit through', () => {
    // nomad (1) + 10 × friend + id = 12
    expect(errorsOf(friendChain(10))).toEqual([]);
  });

  it('refuses a depth bomb, naming the limit', () => {
    expect(errorsOf(friendChain(11))).toEqual(['The operation nests fields 13 deep; the limit is 12 (MAX_DEPTH).']);
  });

  it('counts depth through named and inline fragments', () => {
    const query = `
      query { nomad(id: "1") { ...F1 } }
      fragment F1 on Nomad { friend { ... on Nomad { friend { ...F2 } } } }
      fragment F2 on Nomad { friend { friend { id } } }
    `;
    // nomad, friend, friend, friend, friend, id
    expect(errorsOf(query, [depthLimitRule(5)])).toEqual([
      'The operation nests fields 6 deep; the limit is 5 (MAX_DEPTH).',
    ]);
    expect(errorsOf(query, [depthLimitRule(6)])).toEqual([]);
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

describe('aliasLimitRule', () => {
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: hello`).join(' ')} }`;

  it('lets 30 aliases through', () => {
    expect(errorsOf(aliases(30))).toEqual([]);
  });

  it('refuses an alias bomb, naming the limit', () => {
    expect(errorsOf(aliases(100))).toEqual(['The operation uses 100 aliases; the limit is 30 (MAX_ALIASES).']);
  });

  it('counts aliases in a fragment once per spread', () => {
    const query = `
      { nomad(id: "1") { ...F friend { ...F friend { ...F } } } }
      fragment F on Nomad { a: id b: surname c: id d: surname e: id f: surname g: id h: surname i: id j: surname k: id }
    `;
    expect(errorsOf(query)).toEqual(['The operation uses 33 aliases; the limit is 30 (MAX_ALIASES).']);
  });
});

describe('operationCost', () => {
  const cost = (query: string, variables?: Record<string, unknown>) =>
    operationCost(schema, parse(query), { variables, defaultPageSize: 20 });

  it('costs one per field', () => {
    expect(cost('{ hello nomad(id: "1") { id surname } }')).toBe(4);
  });

  it('does not charge for __typename', () => {
    expect(cost('{ __typename hello }')).toBe(1);
  });

  it('multiplies a page by its first:', () => {
    // nomads: 1 + 5 × (edges: 1 + (node: 1 + id + surname))
    expect(cost('{ nomads(first: 5) { edges { node { id surname } } } }')).toBe(1 + 5 * (1 + (1 + 2)));
  });

  it('multiplies nested pages', () => {
    const query = '{ nomads(first: 50) { edges { node { applications(first: 10) { edges { node { number state } } } } } } }';
    const application = 1 + (1 + 2); // edges + node(number, state)
    const nomad = 1 + 10 * application; // applications
    expect(cost(query)).toBe(1 + 50 * (1 + (1 + nomad)));
  });

  it('assumes the default page size when first/last are absent', () => {
    expect(cost('{ nomads { edges { node { id } } } }')).toBe(1 + 20 * (1 + (1 + 1)));
  });

  it('takes the larger of first and last', () => {
    expect(cost('{ nomads(first: 2, last: 7) { totalCount } }')).toBe(1 + 7);
  });

  it("reads first: from the request's variables, then the variable's default", () => {
    const query = 'query Q($n: Int = 3) { nomads(first: $n) { totalCount } }';
    expect(cost(query, { n: 1000 })).toBe(1 + 1000);
    expect(cost(query)).toBe(1 + 3);
    expect(cost('query Q($n: Int) { nomads(first: $n) { totalCount } }')).toBe(1 + 20);
  });

  it('multiplies through fragments and charges a fragment once per spread', () => {
    const query = `
      { nomads(first: 10) { edges { node { ...N } } } a: nomad(id: "1") { ...N } }
      fragment N on Nomad { id applications(first: 4) { edges { node { number } } } }
    `;
    const n = 1 + (1 + 4 * (1 + (1 + 1)));
    expect(cost(query)).toBe(1 + 10 * (1 + (1 + n)) + (1 + n));
  });

  it('makes a page-size bomb expensive', () => {
    const query =
      '{ nomads(first: 500) { edges { node { applications(first: 100) { edges { node { number state } } } } } } }';
    expect(cost(query)).toBeGreaterThan(50_000);
  });

  it('picks the named operation', () => {
    const doc = parse('query A { hello } query B { nomads(first: 2) { totalCount } }');
    expect(operationCost(schema, doc, { operationName: 'B' })).toBe(3);
    expect(operationCost(schema, doc, { operationName: 'A' })).toBe(1);
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
