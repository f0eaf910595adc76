import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth.ts';
import { ANALYST_LOOKUP_REFUSED, identifyingArgument, refuseAnalystLookups } from './lookups.ts';

const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    nomad(id: ID, pin: String): Nomad
    application(number: String): Nomad
    nomads(first: Int, filter: NomadFilter): [Nomad!]!
    records(filters: [NomadFilter!]): [Nomad!]!
    holidays(fromYear: Int!): [String!]!
  }
  input NomadFilter { citizenships: [String!], nomadId: ID, nested: Nested }
  input Nested { subjectId: ID, note: String }
  type Nomad @key(fields: "id") { id: ID!, citizenship: String }
`;
const NOMAD = { id: '6f1c2b8e-4d3a-4b6c-9a1e-2f3d4c5b6a7e', citizenship: 'DEU' };
let resolved = 0;
const found = () => {
  resolved += 1;
  return NOMAD;
};
const schema = refuseAnalystLookups(
  buildSubgraphSchema([
    {
      typeDefs: parse(SDL),
      resolvers: {
        Query: { nomad: found, application: found, nomads: () => [found()], records: () => [found()], holidays: () => ['2026-01-01'] },
        Nomad: { __resolveReference: found },
      },
    },
  ]),
);
const server = new ApolloServer<{ principal: Principal }>({ schema });
const who = (roles: Principal['roles']): Principal => ({ sub: 's', name: 'n', roles, nomadId: null });

async function run(query: string, principal: Principal, variables?: Record<string, unknown>) {
  const res = await server.executeOperation({ query, ...(variables ? { variables } : {}) }, { contextValue: { principal } });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult;
}

describe('refuseAnalystLookups', () => {
  const lookups: [string, string, Record<string, unknown>?][] = [
    ['{ nomad(id: "6f1c2b8e-4d3a-4b6c-9a1e-2f3d4c5b6a7e") { id } }', 'id'],
    ['{ nomad(pin: "21201199000123") { id } }', 'pin'],
    ['{ application(number: "20260001") { id } }', 'number'],
    ['{ nomads(filter: { nomadId: "6f1c2b8e-4d3a-4b6c-9a1e-2f3d4c5b6a7e" }) { id } }', 'filter.nomadId'],
    ['{ nomads(filter: { nested: { subjectId: "x" } }) { id } }', 'filter.nested.subjectId'],
    ['{ records(filters: [{ citizenships: ["DEU"] }, { nomadId: "x" }]) { id } }', 'filters.nomadId'],
    ['query ($id: ID) { nomad(id: $id) { id } }', 'id', { id: NOMAD.id }],
  ];

  it('refuses an analyst every lookup by id, number or PIN, at any depth of the input, before the resolver runs', async () => {
    expect(lookups.length).toBeGreaterThan(0);
    for (const [query, field, variables] of lookups) {
      resolved = 0;
      const result = await run(query, who(['analyst']), variables);
      expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.message]), query).toEqual([['FORBIDDEN', field, ANALYST_LOOKUP_REFUSED]]);
      expect(JSON.stringify(result.data), query).not.toContain(NOMAD.id);
      expect(resolved, query).toBe(0);
    }
  });

  it('refuses an analyst who also holds another role', async () => {
    const result = await run('{ nomad(id: "x") { id } }', who(['migration_officer', 'analyst']));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets analysts list and filter without an identifier, and everyone else look up', async () => {
    expect((await run('{ nomads(first: 3, filter: { citizenships: ["DEU"], nested: { note: "n" } }) { id } holidays(fromYear: 2026) }', who(['analyst']))).errors).toBeUndefined();
    expect((await run('{ nomads(filter: { nomadId: null }) { id } }', who(['analyst']))).errors).toBeUndefined();
    for (const query of lookups.map(([q]) => q.replace('query ($id: ID) ', '').replace('$id', '"x"'))) {
      expect((await run(query, who(['migration_officer']))).errors, query).toBeUndefined();
    }
  });

  it("leaves federation's _entities to the gateway's joins, analysts included", async () => {
    const result = await run('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Nomad { citizenship } } }', who(['analyst']), {
      r: [{ __typename: 'Nomad', id: NOMAD.id }],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ citizenship: 'DEU' }] });
  });
});

describe('identifyingArgument', () => {
  it('ignores arguments given no value', () => {
    const fields = schema.getQueryType()?.getFields();
    expect(identifyingArgument(fields?.nomad?.args ?? [], { id: null, pin: undefined })).toBeNull();
    expect(identifyingArgument(fields?.nomads?.args ?? [], { first: 3, filter: { citizenships: ['DEU'] } })).toBeNull();
  });
});
