import { ApolloServer } from '@apollo/server';
import { Kind, buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth.ts';
import { personalFieldsSelected, purposeRequiredOf, purposeRequiredPlugin } from './purpose.ts';

const SDL = `
  type Query { nomad(id: ID!): Nomad, nomads: [Nomad!]!, _entities(representations: [String!]!): [Entity]! }
  union Entity = Nomad | Case
  type Nomad { id: ID!, citizenship: String, surname: String, passport: Passport, case: Case }
  type Passport { number: String, country: String }
  type Case { id: ID!, riskLevel: String, opened: String }
`;
const schema = buildSchema(SDL);
const PERSONAL = new Set(['Nomad.surname', 'Nomad.passport', 'Case.riskLevel']);

function selected(query: string): string[] {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return personalFieldsSelected(schema, document, operation, PERSONAL);
}

describe('personalFieldsSelected', () => {
  it('finds personal coordinates however they are reached: nested, aliased, by fragment or inline fragment', () => {
    expect(selected('{ nomad(id: "1") { id citizenship } }')).toEqual([]);
    expect(selected('{ nomad(id: "1") { who: surname } }')).toEqual(['Nomad.surname']);
    expect(selected('{ nomads { case { riskLevel opened } passport { number } } }')).toEqual(['Case.riskLevel', 'Nomad.passport']);
    expect(selected('query { nomads { ...N } } fragment N on Nomad { surname }')).toEqual(['Nomad.surname']);
    expect(selected('{ _entities(representations: []) { ... on Case { riskLevel } ... on Nomad { id } } }')).toEqual(['Case.riskLevel']);
  });

  it('keys on the parent type, not the field name alone', () => {
    // `Case.id` and `Nomad.id` are not personal; `Passport.number` is only reached through Nomad.passport.
    expect(selected('{ _entities(representations: []) { ... on Case { id opened } } }')).toEqual([]);
  });
});

describe('purposeRequiredOf', () => {
  const who = (roles: Principal['roles']): Principal => ({ sub: 's', name: 'n', roles, nomadId: null });
  it('asks every role acting for an organisation, never a nomad alone', () => {
    expect(purposeRequiredOf(who(['nomad']))).toBe(false);
    for (const role of ['migration_officer', 'labor_officer', 'labor_expert', 'tax_officer', 'security_officer', 'analyst', 'auditor'] as const) {
      expect(purposeRequiredOf(who([role])), role).toBe(true);
      expect(purposeRequiredOf(who(['nomad', role])), `nomad + ${role}`).toBe(true);
    }
  });
});

describe('purposeRequiredPlugin', () => {
  const server = new ApolloServer<{ principal: Principal; purpose: string | null }>({
    typeDefs: SDL,
    resolvers: { Query: { nomad: () => ({ id: '1', citizenship: 'DEU', surname: 'Secret' }), nomads: () => [], _entities: () => [] } },
    plugins: [purposeRequiredPlugin(PERSONAL)],
  });
  const officer: Principal = { sub: 'o', name: 'Officer', roles: ['migration_officer'], nomadId: null };
  const nomad: Principal = { sub: 'n', name: 'Nomad', roles: ['nomad'], nomadId: '1' };
  const run = async (query: string, principal: Principal, purpose: string | null) => {
    const res = await server.executeOperation({ query }, { contextValue: { principal, purpose } });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return { status: res.http.status, ...res.body.singleResult };
  };

  it("refuses a staff member's personal read without a purpose, running nothing, and names the field", async () => {
    const refused = await run('{ nomad(id: "1") { surname } }', officer, null);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['PURPOSE_REQUIRED']);
    expect(refused.errors?.[0]?.message).toContain('Nomad.surname');
    expect(refused.errors?.[0]?.message).not.toContain('Secret');
  });

  it('answers with a purpose, without personal fields, and for a nomad', async () => {
    expect((await run('{ nomad(id: "1") { surname } }', officer, 'case 10000001')).data).toEqual({ nomad: { surname: 'Secret' } });
    expect((await run('{ nomad(id: "1") { citizenship } }', officer, null)).data).toEqual({ nomad: { citizenship: 'DEU' } });
    expect((await run('{ nomad(id: "1") { surname } }', nomad, null)).data).toEqual({ nomad: { surname: 'Secret' } });
  });
});
