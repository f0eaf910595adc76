/**
 * No re-identification (issue 16), end to end on the seeded program, as an analyst: every list
 * the graph offers asked for every field it has (derived from the API schema, so the next field
 * is covered too), and no answer holds any seeded person's id, application id or number, name,
 * birth date, PIN, passport, email or employer; ids come back as the gateway's pseudonyms, the
 * same for one nomad reached through two agencies and across queries, another under a study;
 * every root field that looks something up by id, number or PIN is refused.
 */
import { sql } from 'drizzle-orm';
import {
  astFromValue,
  getNamedType,
  isAbstractType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  print,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_PSEUDONYM_KEY } from '@nomad/contract';
import { PSEUDONYM_PATTERN, Pseudonymizer } from '@nomad/gateway';
import { startGraph, token, type GraphResponse, type TestGraph } from '../src/harness.ts';
import { loadApiSchema, rootFields, sampleArgs, sampleValue, withValueAt, type RootField } from '../src/schema-walk.ts';

let graph: TestGraph;
let schema: GraphQLSchema;
let analyst: string;
let officer: string;
/** Every personal value of the seeded program an analyst must never get, longest first. */
let secrets: string[] = [];
let seeded: { nomadId: string; applicationNumber: string; pin: string };

beforeAll(async () => {
  graph = await startGraph({ seed: true, seedNomads: 60 });
  schema = await loadApiSchema();
  analyst = await token(['analyst']);
  officer = await token(['migration_officer']);
  const db = graph.migration.database.db;
  const nomads = await db.execute<{ id: string; surname: string; given_names: string; date_of_birth: string; pin: string | null; passport_number: string; email: string }>(
    sql`select id, surname, given_names, date_of_birth::text, pin, passport_number, email from migration.nomads`,
  );
  const applications = await db.execute<{ id: string; number: string; parties: string[] }>(
    sql`select id, number, coalesce(array(select p->>'name' from jsonb_array_elements(foreign_parties) p), '{}') as parties from migration.applications`,
  );
  const dependants = await db.execute<{ id: string; surname: string; given_names: string; date_of_birth: string; pin: string | null; passport_number: string }>(
    sql`select id, surname, given_names, date_of_birth::text, pin, passport_number from migration.dependants`,
  );
  const values = [
    ...nomads.flatMap((n) => [n.id, n.surname, n.given_names, n.date_of_birth, n.pin, n.passport_number, n.email]),
    ...applications.flatMap((a) => [a.id, a.number, ...a.parties]),
    ...dependants.flatMap((d) => [d.id, d.surname, d.given_names, d.date_of_birth, d.pin, d.passport_number]),
  ];
  secrets = [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length >= 3))].sort((a, b) => b.length - a.length);
  const withPin = nomads.find((n) => n.pin !== null);
  const first = applications[0];
  if (!withPin?.pin || !first) throw new Error('the sample world has no nomad with a PIN or no application');
  seeded = { nomadId: withPin.id, applicationNumber: first.number, pin: withPin.pin };
}, 180_000);
afterAll(async () => {
  await graph?.stop();
});

/** The personal values a response's text holds: exact values, or any longer than 5 characters inside a longer string. */
function leaks(response: GraphResponse<unknown>): string[] {
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(collect);
  };
  collect(response.body);
  const exact = new Set(strings);
  return secrets.filter((s) => exact.has(s) || (s.length > 5 && strings.some((v) => v.includes(s))) || (s.length > 5 && response.text.includes(s)));
}

const IDENTIFYING_NAMES = new Set(['number', 'pin']);
const identifies = (d: GraphQLArgument | GraphQLInputField) => getNamedType(d.type).name === 'ID' || IDENTIFYING_NAMES.has(d.name);

/** The paths of a field's arguments that identify one person or record (`id`, `filter.nomadId`), input objects included. */
function identifyingPaths(args: readonly (GraphQLArgument | GraphQLInputField)[], prefix: string[] = [], depth = 0): string[][] {
  return args.flatMap((a) => {
    const path = [...prefix, a.name];
    if (identifies(a)) return [path];
    const type = getNamedType(a.type);
    return isInputObjectType(type) && depth < 3 ? identifyingPaths(Object.values(type.getFields()), path, depth + 1) : [];
  });
}

/** Arguments written inline: the required ones from sample values, and a small page. */
function argumentsOf(field: { args: readonly GraphQLArgument[] }, page: number): string {
  const parts = field.args.flatMap((a) => {
    if (a.name === 'first') return [`first: ${page}`];
    if (!isNonNullType(a.type) || a.defaultValue !== undefined) return [];
    const literal = astFromValue(sampleValue(a.type, a.name), a.type);
    return literal ? [`${a.name}: ${print(literal)}`] : [];
  });
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

/**
 * Every field of `type` down to `depth` levels, but those at `excluded` response paths (refused
 * before) and fields that need an identifying argument; a type already on the path is not
 * entered again. Abstract types: each possible type in an inline fragment.
 */
function selectionOf(type: GraphQLNamedType, depth: number, onPath: ReadonlySet<string>, path: string, excluded: ReadonlySet<string>): string {
  if (isAbstractType(type)) {
    const fragments = schema
      .getPossibleTypes(type)
      .filter((t) => !onPath.has(t.name))
      .map((t) => `... on ${t.name} { ${selectionOf(t, depth, onPath, path, excluded)} }`);
    return ['__typename', ...fragments].join(' ');
  }
  if (!isObjectType(type)) return '';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    const at = `${path}.${field.name}`;
    if (excluded.has(at)) continue;
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined && identifies(a))) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      parts.push(`${field.name}${argumentsOf(field, 2)}`);
      continue;
    }
    if (depth <= 1 || onPath.has(named.name)) continue;
    const inner = selectionOf(named, depth - 1, new Set([...onPath, named.name]), at, excluded);
    parts.push(`${field.name}${argumentsOf(field, 2)} { ${inner} }`);
  }
  return parts.join(' ');
}

/** The largest query over `field` within the gateway's limits (5,000 tokens, depth 12). */
function everyFieldQuery(field: RootField, excluded: ReadonlySet<string>): string {
  const named = getNamedType(field.type);
  for (let depth = 6; depth >= 1; depth--) {
    const body = isLeafType(named) ? '' : `{ ${selectionOf(named, depth, new Set([named.name]), field.name, excluded)} }`;
    const query = `{ ${field.name}${argumentsOf(field, 5)} ${body} }`;
    try {
      parse(query, { maxTokens: 4_800 });
      return query;
    } catch {
      // too many tokens: one level less
    }
  }
  throw new Error(`no query over ${field.name} fits the token limit`);
}

/** Root query fields an analyst could call without naming a person or record. */
function listingFields(): RootField[] {
  return rootFields(schema, 'query').filter((f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined && identifies(a)));
}

/** The response path of an error, without list indices, as `selectionOf` names fields. */
const fieldPathOf = (path: readonly (string | number)[]) => path.filter((p) => typeof p === 'string').join('.');

describe('an analyst never gets a personal value, through any list', () => {
  it('asks every list for every field, drops what is refused and asks again, and no answer holds a seeded personal value', async () => {
    const fields = listingFields();
    expect(fields.length).toBeGreaterThan(20);
    expect(secrets.length).toBeGreaterThan(300);
    const answered: Record<string, unknown> = {};
    let requests = 0;
    for (const field of fields) {
      const excluded = new Set<string>();
      for (let round = 0; round < 12; round++) {
        const query = everyFieldQuery(field, excluded);
        const res = await graph.request(analyst, query, undefined, { 'x-purpose': 'pseudonymity matrix' });
        requests += 1;
        expect(leaks(res), `${field.name}, round ${round}`).toEqual([]);
        const refusedPaths = (res.body.errors ?? []).flatMap((e) => (e.path ? [fieldPathOf(e.path)] : []));
        const fresh = refusedPaths.filter((p) => !excluded.has(p) && p !== field.name);
        if (fresh.length === 0) {
          answered[field.name] = res.body.data?.[field.name] ?? null;
          break;
        }
        for (const p of fresh) excluded.add(p);
      }
    }
    expect(requests).toBeGreaterThan(fields.length);
    // What analysts do read came back, its ids as pseudonyms.
    const nomads = answered.nomads as { edges: { node: { id: string; citizenship: string } }[] } | null;
    const applications = answered.applications as { edges: { node: { id: string; nomad: { id: string } | null } }[] } | null;
    expect(nomads?.edges.length).toBeGreaterThan(0);
    expect(applications?.edges.length).toBeGreaterThan(0);
    for (const { node } of nomads?.edges ?? []) {
      expect(node.id).toMatch(PSEUDONYM_PATTERN);
      expect(node.citizenship).toMatch(/^[A-Z]{3}$/);
    }
    for (const { node } of applications?.edges ?? []) expect(node.id).toMatch(PSEUDONYM_PATTERN);
    expect(JSON.stringify(answered.applicationStatistics ?? null)).not.toBe('null');
  }, 600_000);

  it('gets cursors that page, and hold no id a base64 decoding reveals', async () => {
    const page = async (after: string | null) =>
      graph.request<{ nomads: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
        analyst,
        'query ($after: String) { nomads(first: 5, after: $after) { edges { node { id } } pageInfo { endCursor hasNextPage } } }',
        { after },
      );
    const first = await page(null);
    const cursor = first.body.data?.nomads.pageInfo.endCursor ?? '';
    expect(cursor).not.toBe('');
    const decoded = [Buffer.from(cursor, 'base64url').toString('utf8'), Buffer.from(cursor, 'base64url').toString('latin1')];
    for (const secret of secrets) for (const text of decoded) expect(text.includes(secret), secret).toBe(false);
    const second = await page(cursor);
    expect(second.body.errors).toBeUndefined();
    const ids = (r: typeof first) => r.body.data?.nomads.edges.map((e) => e.node.id) ?? [];
    expect(ids(second)).toHaveLength(5);
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);
  });
});

describe('pseudonyms', () => {
  const pseudonyms = new Pseudonymizer(DEV_PSEUDONYM_KEY);
  const JOIN = '{ applications(first: 50) { edges { node { id nomad { id } screening { outcome nomad { id } application { id } } } } } }';
  type Joined = { applications: { edges: { node: { id: string; nomad: { id: string }; screening: { nomad: { id: string }; application: { id: string } | null } | null } }[] } };

  it("are the keyed HMAC of the officer's id, the same for one nomad reached through migration and through GKNB", async () => {
    const seen = await graph.request<Joined>(analyst, JOIN);
    const real = await graph.request<Joined>(await token(['migration_officer', 'security_officer']), JOIN);
    expect(seen.body.errors).toBeUndefined();
    const rows = seen.body.data?.applications.edges ?? [];
    const screened = rows.filter((e) => e.node.screening !== null);
    expect(screened.length).toBeGreaterThan(0);
    for (const { node } of screened) {
      // Application.nomad is migration's; Screening.nomad and Screening.application come from security.
      expect(node.screening?.nomad.id).toBe(node.nomad.id);
      expect(node.screening?.application?.id ?? node.id).toBe(node.id);
    }
    const officerRows = real.body.data?.applications.edges ?? [];
    expect(officerRows).toHaveLength(rows.length);
    officerRows.forEach((e, i) => {
      const key = pseudonyms.keyOf(undefined);
      expect(rows[i]?.node.id).toBe(pseudonyms.pseudonym(e.node.id, key));
      expect(rows[i]?.node.nomad.id).toBe(pseudonyms.pseudonym(e.node.nomad.id, key));
    });
  });

  it("are the same across queries, and another under a study's token, which no other study shares", async () => {
    const ids = async (tok: string) => {
      const res = await graph.request<{ nomads: { edges: { node: { id: string } }[] } }>(tok, '{ nomads(first: 10) { edges { node { id } } } }');
      return res.body.data?.nomads.edges.map((e) => e.node.id) ?? [];
    };
    const plain = await ids(analyst);
    expect(plain).toHaveLength(10);
    expect(await ids(await token(['analyst']))).toEqual(plain);
    const income = await ids(await token(['analyst'], { study: 'income-2026' }));
    const exits = await ids(await token(['analyst'], { study: 'exits-2026' }));
    expect(income).toHaveLength(10);
    for (const id of [...income, ...exits]) expect(id).toMatch(PSEUDONYM_PATTERN);
    expect(income.filter((id) => plain.includes(id) || exits.includes(id))).toEqual([]);
    expect(await ids(await token(['analyst'], { study: 'income-2026' }))).toEqual(income);
    const real = await ids(officer);
    expect(income).toEqual(real.map((id) => pseudonyms.pseudonym(id, pseudonyms.keyOf('income-2026'))));
  });
});

describe('an analyst looks no one up', () => {
  it('is refused every root field given an id, a number or a PIN, with a real one, and gets nothing of it', async () => {
    const cases = rootFields(schema, 'query').flatMap((field) => identifyingPaths(field.args).map((path) => ({ field, path })));
    expect(cases.length).toBeGreaterThan(15);
    expect(cases.map((c) => `${c.field.name}.${c.path.join('.')}`)).toEqual(
      expect.arrayContaining(['nomad.id', 'nomad.pin', 'application.id', 'application.number', 'applications.filter.nomadId']),
    );
    const valueOf = (path: string[]) => (path.at(-1) === 'number' ? seeded.applicationNumber : path.at(-1) === 'pin' ? seeded.pin : seeded.nomadId);
    const opened: string[] = [];
    for (const { field, path } of cases) {
      const args = withValueAt(field, sampleArgs(field), path, valueOf(path));
      const declared = field.args.filter((a) => a.name in args);
      const named = getNamedType(field.type);
      const query = `query (${declared.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')}) { ${field.name}(${declared.map((a) => `${a.name}: $${a.name}`).join(', ')}) ${isLeafType(named) ? '' : '{ __typename }'} }`;
      const res = await graph.request(analyst, query, args);
      const codes = res.body.errors?.map((e) => e.extensions?.code) ?? [];
      const value = res.body.data?.[field.name] ?? null;
      if (codes.join() !== 'FORBIDDEN' || value !== null || leaks(res).length > 0) opened.push(`${field.name}(${path.join('.')})`);
    }
    // Every one named, so that a failure lists all the lookups an analyst got through.
    expect(opened).toEqual([]);
  });

  it('still lets an officer open the nomad the analyst was refused', async () => {
    const res = await graph.request<{ nomad: { id: string } | null }>(officer, 'query ($id: ID) { nomad(id: $id) { id } }', { id: seeded.nomadId });
    expect(res.body.data?.nomad?.id).toBe(seeded.nomadId);
  });
});
