import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { budgetOf, operationCost } from './cost.ts';

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

  it('charges a weighed field its weight, once per time it is fetched, and multiplies it by the pages above it', () => {
    const weights = { 'NomadConnection.totalCount': 10, 'Query.hello': 7 };
    const weighed = (query: string) => operationCost(schema, parse(query), { defaultPageSize: 20, weights });
    expect(weighed('{ hello }')).toBe(7);
    expect(weighed('{ nomads(first: 2) { totalCount } }')).toBe(1 + 2 * 10);
    // The coordinate is the parent type's: the same field name elsewhere costs 1.
    expect(weighed('{ nomad(id: "1") { applications(first: 3) { edges { node { number } } } } }')).toBe(cost('{ nomad(id: "1") { applications(first: 3) { edges { node { number } } } } }'));
    // Through a fragment on the connection type, the weight applies all the same.
    expect(weighed('{ nomads(first: 2) { ...C } } fragment C on NomadConnection { totalCount }')).toBe(1 + 2 * 10);
  });
});

describe('budgetOf', () => {
  const budgets = { maxCost: 50_000, analystMaxCost: 500_000 };

  it('gives an analyst the analysts budget and names its setting', () => {
    expect(budgetOf(['analyst'], budgets)).toEqual({ budget: 500_000, setting: 'ANALYST_MAX_COST' });
    expect(budgetOf(['auditor', 'analyst'], budgets)).toEqual({ budget: 500_000, setting: 'ANALYST_MAX_COST' });
  });

  it('gives everyone else MAX_COST, and an analyst never less than it', () => {
    expect(budgetOf(['migration_officer'], budgets)).toEqual({ budget: 50_000, setting: 'MAX_COST' });
    expect(budgetOf(undefined, budgets)).toEqual({ budget: 50_000, setting: 'MAX_COST' });
    expect(budgetOf(['analyst'], { maxCost: 50_000, analystMaxCost: 1_000 })).toEqual({ budget: 50_000, setting: 'MAX_COST' });
  });
});
