import { createHmac } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { buildSchema, GraphQLError, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Principal, Role } from '@nomad/contract';
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../subgraphs/datasource.ts';
import { PSEUDONYM_PATTERN, Pseudonymizer, IDENTIFIER_PLACEHOLDER, pseudonymizeData, redactError, seesPseudonyms, usePseudonyms } from './usePseudonyms.ts';

const KEY = 'a-test-pseudonym-key-of-at-least-32-bytes!';
const NOMAD = '6f1c2b8e-4d3a-4b6c-9a1e-2f3d4c5b6a7e';
const OTHER = '0b7e1f52-9c3d-4e8a-8f21-5a6b7c8d9e0f';
const APPLICATION = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const CASE = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

const sdl = `
  interface Record { id: ID! createdOn: String! }
  type Nomad implements Record { id: ID! createdOn: String! citizenship: String! applications: [Application!]! friends: [[Nomad]] aliases: [ID!] }
  type Application implements Record { id: ID! createdOn: String! nomadId: ID! state: String! nomad: Nomad! number: String! }
  type Case { caseId: ID! ref: String! nomad: Nomad! }
  type Report { ref: ID! period: String! }
  union Finding = Case | Report
  type Query {
    nomads: [Nomad!]!
    records: [Record!]!
    findings: [Finding!]!
    count: Int!
    echo(n: Int): Int
    failing: Nomad
  }
`;
const schema = buildSchema(sdl);

const nomad = (id: string, extra: Record<string, unknown> = {}) => ({ id, createdOn: '2026-01-01', citizenship: 'DEU', applications: [], friends: null, aliases: null, ...extra });
const application = { id: APPLICATION, createdOn: '2026-02-02', nomadId: NOMAD, state: 'APPROVED', nomad: nomad(NOMAD) };
const rootValue = {
  nomads: [nomad(NOMAD, { applications: [application], friends: [[nomad(OTHER)], null, [null]], aliases: [NOMAD, OTHER] }), nomad(OTHER)],
  records: [
    { __typename: 'Nomad', ...nomad(NOMAD) },
    { __typename: 'Application', ...application },
  ],
  findings: [
    { __typename: 'Case', caseId: CASE, ref: 'ref-1', nomad: nomad(NOMAD) },
    { __typename: 'Report', ref: 'r-42', period: '2026-Q1' },
  ],
  count: 7,
  failing: () => {
    throw new GraphQLError(`Nomad ${NOMAD} has application 20260042 and PIN 12345678901234.`, { extensions: { code: 'FORBIDDEN' } });
  },
};

const pseudonyms = new Pseudonymizer(KEY);
const p = (id: string, study?: string) => pseudonyms.pseudonym(id, pseudonyms.keyOf(study));

function principal(roles: Role[], study?: string): Principal {
  return { sub: 'u', name: 'n', roles, nomadId: null, ...(study !== undefined ? { study } : {}) };
}

async function run(query: string, caller: Principal, key = KEY): Promise<{ data: unknown; errors: readonly { message: string }[] | undefined }> {
  const server = new ApolloServer<GatewayContext>({ schema, rootValue, plugins: usePseudonyms({ key }).apollo?.plugins ?? [] });
  await server.start();
  try {
    const response = await server.executeOperation(
      { query },
      { contextValue: { principal: caller, token: 't', purpose: null, requestId: 'r', idempotencyKey: null, shareFetches: false } },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { data: response.body.singleResult.data, errors: response.body.singleResult.errors };
  } finally {
    await server.stop();
  }
}

/** Every string in a value, at any depth. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}

const RAW = [NOMAD, OTHER, APPLICATION, CASE, 'r-42'];


describe('Pseudonymizer', () => {
  it('is keyed HMAC-SHA256, base64url, cut to 144 bits, behind p_', () => {
    const expected = `p_${createHmac('sha256', Buffer.from(KEY)).update(NOMAD).digest().subarray(0, 18).toString('base64url')}`;
    expect(p(NOMAD)).toBe(expected);
    expect(p(NOMAD)).toMatch(PSEUDONYM_PATTERN);
  });

  it('gives one id one pseudonym under one key, and another under another key or study', () => {
    expect(p(NOMAD)).toBe(p(NOMAD));
    expect(p(NOMAD)).not.toBe(p(OTHER));
    const other = new Pseudonymizer('another-key-of-at-least-32-bytes-long!!');
    expect(other.pseudonym(NOMAD, other.keyOf(undefined))).not.toBe(p(NOMAD));
    // A study's key is HMAC(PSEUDONYM_KEY, 'study:' + study): its pseudonyms join nothing else.
    expect(p(NOMAD, 'income-2026')).not.toBe(p(NOMAD));
    expect(p(NOMAD, 'income-2026')).not.toBe(p(NOMAD, 'exits-2026'));
    expect(p(NOMAD, 'income-2026')).toBe(p(NOMAD, 'income-2026'));
    const studyKey = createHmac('sha256', Buffer.from(KEY)).update('study:income-2026').digest();
    expect(pseudonyms.keyOf('income-2026').equals(studyKey)).toBe(true);
  });
});

describe('seesPseudonyms', () => {
  it('is every principal holding the analyst role, alone or with others', () => {
    expect(seesPseudonyms(principal(['analyst']))).toBe(true);
    expect(seesPseudonyms(principal(['migration_officer', 'analyst']))).toBe(true);
    expect(seesPseudonyms(principal(['migration_officer']))).toBe(false);
    expect(seesPseudonyms(undefined)).toBe(false);
  });
});

describe('usePseudonyms', () => {
  it('replaces every ID at any depth, through lists of lists and nulls, for an analyst', async () => {
    const { data } = await run('{ nomads { id citizenship aliases friends { id } applications { id nomadId state nomad { id } } } count }', principal(['analyst']));
    expect(data).toEqual({
      nomads: [
        {
          id: p(NOMAD),
          citizenship: 'DEU',
          aliases: [p(NOMAD), p(OTHER)],
          friends: [[{ id: p(OTHER) }], null, [null]],
          applications: [{ id: p(APPLICATION), nomadId: p(NOMAD), state: 'APPROVED', nomad: { id: p(NOMAD) } }],
        },
        { id: p(OTHER), citizenship: 'DEU', aliases: null, friends: null, applications: [] },
      ],
      count: 7,
    });
  });

  it('follows aliases, inline fragments, named fragments and abstract types', async () => {
    const query = `
      query {
        who: nomads { key: id ...N }
        records { id ... on Application { owner: nomadId } ...R }
        findings { ... on Case { caseId nomad { ...N } } ... on Report { ref period } }
        cases: findings { ... on Case { ref } }
      }
      fragment N on Nomad { again: id }
      fragment R on Record { createdOn ... on Nomad { twice: id } }
    `;
    const { data } = await run(query, principal(['analyst']));
    expect(data).toEqual({
      who: [
        { key: p(NOMAD), again: p(NOMAD) },
        { key: p(OTHER), again: p(OTHER) },
      ],
      records: [
        { id: p(NOMAD), createdOn: '2026-01-01', twice: p(NOMAD) },
        { id: p(APPLICATION), owner: p(NOMAD), createdOn: '2026-02-02' },
      ],
      // Fragments narrow the possible types: Report.ref is an ID, Case.ref a String.
      findings: [{ caseId: p(CASE), nomad: { again: p(NOMAD) } }, { ref: p('r-42'), period: '2026-Q1' }],
      cases: [{ ref: 'ref-1' }, {}],
    });
    expect(stringsOf(data).filter((s) => RAW.some((raw) => s.includes(raw)))).toEqual([]);
  });

  it("uses the study's key when the token names a study", async () => {
    const { data } = await run('{ nomads { id } }', principal(['analyst'], 'income-2026'));
    expect(data).toEqual({ nomads: [{ id: p(NOMAD, 'income-2026') }, { id: p(OTHER, 'income-2026') }] });
  });

  it('leaves every other caller the real ids', async () => {
    const { data } = await run('{ nomads { id } }', principal(['migration_officer']));
    expect(data).toEqual({ nomads: [{ id: NOMAD }, { id: OTHER }] });
  });

  it("redacts ids, numbers and PINs quoted in an error's message for an analyst, never as their pseudonyms", async () => {
    const { data, errors } = await run('{ failing { id } count }', principal(['analyst']));
    expect(data).toEqual({ failing: null, count: 7 });
    const x = IDENTIFIER_PLACEHOLDER;
    expect(errors?.map((e) => e.message)).toEqual([`Nomad ${x} has application ${x} and PIN ${x}.`]);
    // An id the analyst knows, sent where it does not validate: the message repeats it, redacted.
    const invalid = await run(`{ echo(n: "${NOMAD}") }`, principal(['analyst']));
    expect(invalid.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(invalid.errors)).toContain(x);
    expect(JSON.stringify(invalid.errors)).not.toContain(p(NOMAD));
    expect(JSON.stringify(invalid.errors)).not.toContain(NOMAD);
    const officer = await run('{ failing { id } }', principal(['migration_officer']));
    expect(officer.errors?.[0]?.message).toContain(NOMAD);
  });
});

describe('pseudonymizeData', () => {
  const operationOf = (query: string) => {
    const document = parse(query);
    return { document, operation: document.definitions[0] as OperationDefinitionNode };
  };
  const replaceAll = (s: GraphQLSchema, query: string, data: Record<string, unknown>) => {
    const { document, operation } = operationOf(query);
    pseudonymizeData(s, document, operation, data, (id) => `P(${id})`);
    return data;
  };

  it('skips keys the answer does not hold (a @skip, a null parent) and __typename', () => {
    expect(replaceAll(schema, '{ nomads { __typename id citizenship } failing { id } }', { nomads: [{ __typename: 'Nomad', citizenship: 'DEU' }], failing: null })).toEqual({
      nomads: [{ __typename: 'Nomad', citizenship: 'DEU' }],
      failing: null,
    });
  });

  it('rewrites an id selected twice (beside a fragment selecting it too) once, and Application.number like an id', () => {
    const query = '{ nomads { id ...N applications { number number2: number } } } fragment N on Nomad { id }';
    expect(replaceAll(schema, query, { nomads: [{ id: 'a', applications: [{ number: '20260042', number2: '20260042' }] }] })).toEqual({
      nomads: [{ id: 'P(a)', applications: [{ number: 'P(20260042)', number2: 'P(20260042)' }] }],
    });
  });

  it('replaces a numeric id by the pseudonym of its text', () => {
    expect(replaceAll(schema, '{ nomads { id } }', { nomads: [{ id: 42 }] })).toEqual({ nomads: [{ id: 'P(42)' }] });
  });
});

describe('redactError', () => {
  it('leaves a message without identifiers as it is', () => {
    const error = { message: 'Personal data of this nomad is not visible to you.', extensions: { code: 'FORBIDDEN' } };
    expect(redactError(error)).toBe(error);
  });
});
