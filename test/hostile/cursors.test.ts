import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '@nomad/kit';
import { startGraph, type GraphResponse, type TestGraph } from '../src/harness.ts';
import { everyRoleToken, PURPOSE } from '../src/hostile.ts';
import { loadApiSchema, rootFields, sampleArgs, type RootField } from '../src/schema-walk.ts';

/**
 * Every paginated list of the graph, top-level and nested, given cursors it never handed out.
 * A cursor is sealed (AES-GCM under a key derived from the agency's gateway credential), so a
 * client cannot forge one; these are sealed with the development credential's key, as the test
 * graph's agencies have, to reach the checks behind the seal: each must be refused with
 * BAD_USER_INPUT on `after` (or, where its parts happen to fit the list, simply page), never
 * reach PostgreSQL as a value it cannot cast.
 */

let graph: TestGraph;
let schema: GraphQLSchema;
let tokenAll: string;
beforeAll(async () => {
  // Seeded: nested lists only run under a parent that exists.
  graph = await startGraph({ seed: true });
  schema = await loadApiSchema();
  tokenAll = await everyRoleToken();
  // The sample world has no re-registration campaign: start one, so that its failures list has a parent.
  const started = await graph.request(tokenAll, 'mutation { startReregistrationCampaign(input: { batchSize: 10 }) { campaign { id } userErrors { code } } }');
  expect(started.body.errors).toBeUndefined();
  expect(started.body.data).toMatchObject({ startReregistrationCampaign: { campaign: { id: expect.any(String) as unknown }, userErrors: [] } });
});
afterAll(async () => {
  await graph?.stop();
});

/** Decodes, but no list of this graph has a key and an id like these. */
const GARBAGE = encodeCursor({ key: 'not a key', id: 'not an id' });
/** Cursors of other lists, or with SQL in them: refused or harmless, never an internal error. */
const FOREIGN = [
  encodeCursor({ key: '42', id: '42' }),
  encodeCursor({ key: '2026-11-24', id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }),
  encodeCursor({ key: '2026-11-24 06:00:00.000000+00', id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }),
  encodeCursor({ key: "2026-01-01'::date; select pg_sleep(5); --", id: "x' or '1'='1" }),
  encodeCursor({ key: '2026-Q3', id: '7c9e6679-7425-40de-944b-e07fc1f90ae7\u0000' }),
];

interface ListCase {
  name: string;
  /** Ways to reach the list (a nested one under different parents), tried in turn until one reaches it. */
  routes: { query: string; variables: Record<string, unknown> }[];
  /** The response path segment of the list under test. */
  field: string;
}

const hasAfter = (f: RootField) => f.args.some((a) => a.name === 'after');
const takesNoRequiredArgs = (f: RootField) => Object.keys(sampleArgs(f)).length === 0;

/**
 * `name: $name` for the required arguments, declared in the operation; with `$after` for the
 * list under test, else a page of 50 (so that some parent has children to page through).
 */
function call(field: RootField, prefix: string, variables: Record<string, unknown>, after: boolean) {
  const args = sampleArgs(field);
  const decls: string[] = [];
  const uses: string[] = [];
  for (const [name, value] of Object.entries(args)) {
    const arg = field.args.find((a) => a.name === name);
    decls.push(`$${prefix}${name}: ${arg?.type.toString()}`);
    uses.push(`${name}: $${prefix}${name}`);
    variables[`${prefix}${name}`] = value;
  }
  if (after) uses.push('after: $after', 'first: 1');
  else if (field.args.some((a) => a.name === 'first')) uses.push('first: 50');
  return { decls, uses: uses.length ? `(${uses.join(', ')})` : '' };
}

/** The node type of a connection (`edges { node }`), if the field returns one. */
function nodeTypeOf(field: RootField): GraphQLObjectType | null {
  const connection = getNamedType(field.type);
  if (!isObjectType(connection)) return null;
  const edges = connection.getFields().edges;
  const edge = edges && getNamedType(edges.type);
  const node = edge && isObjectType(edge) ? edge.getFields().node : undefined;
  const type = node && getNamedType(node.type);
  return type && isObjectType(type) ? type : null;
}

/** A root list's nodes, or an object one field away from them, of the parent type. */
function routesTo(parent: GraphQLObjectType, list: RootField): ListCase['routes'] {
  const routes: ListCase['routes'] = [];
  for (const root of rootFields(schema, 'query')) {
    const node = nodeTypeOf(root);
    if (!node) continue;
    const hops: string[][] = node === parent ? [[]] : [];
    for (const f of Object.values(node.getFields())) {
      if (getNamedType(f.type) === parent && takesNoRequiredArgs(f)) hops.push([f.name]);
    }
    for (const hop of hops) {
      const variables: Record<string, unknown> = {};
      const outer = call(root, 'r_', variables, false);
      const inner = call(list, 'n_', variables, true);
      const decl = ['$after: String', ...outer.decls, ...inner.decls].join(', ');
      const leaf = `${list.name}${inner.uses} { __typename }`;
      const body = hop.reduceRight((acc, name) => `${name} { ${acc} }`, leaf);
      routes.push({ variables, query: `query P(${decl}) { ${root.name}${outer.uses} { edges { node { ${body} } } } }` });
    }
  }
  return routes;
}

function listCases(): ListCase[] {
  const out: ListCase[] = [];
  for (const root of rootFields(schema, 'query').filter(hasAfter)) {
    const variables: Record<string, unknown> = {};
    const { decls, uses } = call(root, 'r_', variables, true);
    out.push({ name: root.name, field: root.name, routes: [{ variables, query: `query P($after: String${decls.map((d) => `, ${d}`).join('')}) { ${root.name}${uses} { __typename } }` }] });
  }
  // Lists inside objects (Nomad.applications, TaxRegistration.declarations, …).
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getQueryType() || type === schema.getMutationType()) continue;
    for (const nested of Object.values(type.getFields()).filter(hasAfter)) {
      out.push({ name: `${type.name}.${nested.name}`, field: nested.name, routes: routesTo(type, nested) });
    }
  }
  return out;
}

function codes(res: GraphResponse): unknown[] {
  return (res.body.errors ?? []).map((e) => e.extensions?.code);
}

describe('forged cursors on every list', () => {
  it('a cursor that decodes but fits no list is refused with BAD_USER_INPUT on `after`, top-level and nested', async () => {
    const all = listCases();
    expect(all.filter((c) => !c.name.includes('.')).length).toBeGreaterThan(15);
    expect(all.filter((c) => c.name.includes('.')).length).toBeGreaterThan(2);
    for (const c of all) {
      expect(c.routes.length, `${c.name} cannot be reached from any list`).toBeGreaterThan(0);
      let reached = false;
      for (const route of c.routes) {
        const res = await graph.request(tokenAll, route.query, { ...route.variables, after: GARBAGE }, { 'x-purpose': PURPOSE });
        expect(res.status, c.name).toBeLessThan(500);
        expect(codes(res), `${c.name}: ${res.text.slice(0, 300)}`).not.toContain('INTERNAL_SERVER_ERROR');
        const refusal = res.body.errors?.find((e) => e.extensions?.code === 'BAD_USER_INPUT' && e.extensions.field === 'after');
        // The refusal comes from the list under test (a nested list ran under a real parent).
        if (refusal?.path?.at(-1) === c.field) reached = true;
        if (reached) break;
      }
      expect(reached, `${c.name} was never refused under any of its ${c.routes.length} routes`).toBe(true);
    }
  });

  it("another list's cursor, or SQL in one, is refused or pages harmlessly: never an internal error", async () => {
    const all = listCases();
    expect(all.length).toBeGreaterThan(15);
    let refused = 0;
    for (const c of all) {
      for (const cursor of FOREIGN) {
        const route = c.routes[0];
        if (!route) throw new Error(`${c.name} has no route`);
        const res = await graph.request(tokenAll, route.query, { ...route.variables, after: cursor }, { 'x-purpose': PURPOSE });
        expect(res.status, c.name).toBeLessThan(500);
        expect(codes(res), `${c.name}: ${res.text.slice(0, 300)}`).not.toContain('INTERNAL_SERVER_ERROR');
        if (codes(res).includes('BAD_USER_INPUT')) refused += 1;
      }
    }
    // Most of them do not fit: the check is at work, not merely never reached.
    expect(refused).toBeGreaterThan(all.length * 2);
  });
});
