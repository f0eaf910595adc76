import { readFile } from 'node:fs/promises';
import { buildSchema, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_PATH, compose, PERSONAL_FIELDS_PATH, SUPERGRAPH_PATH, type PersonalFieldsFile } from './compose.ts';
import { SUBGRAPHS } from './subgraphs.ts';

describe('supergraph', () => {
  it('composes and matches the committed schema/supergraph.graphql', async () => {
    const result = compose();
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const committed = await readFile(SUPERGRAPH_PATH, 'utf8');
    expect(committed, 'schema/supergraph.graphql is stale: run `npm run compose`').toBe(result.supergraphSdl);
  });

  it('gives the public API without federation internals, matching the committed schema/api.graphql', async () => {
    const result = compose();
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const committed = await readFile(API_SCHEMA_PATH, 'utf8');
    expect(committed, 'schema/api.graphql is stale: run `npm run compose`').toBe(result.apiSdl);
    const api = buildSchema(result.apiSdl);
    expect(api.getQueryType()?.getFields()).toHaveProperty('nomad');
    expect(api.getType('Nomad')).toBeDefined();
    for (const internal of ['_entities', '_service']) expect(api.getQueryType()?.getFields()).not.toHaveProperty(internal);
    for (const internal of ['_Any', '_Entity', 'join__Graph', 'link__Import']) expect(api.getType(internal)).toBeUndefined();
    expect(result.apiSdl).not.toMatch(/@(join__|link|key\b|external|requires|provides|shareable)/);
  });

  it('gives every connection of the public API `totalCount: Int!` and `pageInfo: PageInfo!`', () => {
    const result = compose();
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const api = buildSchema(result.apiSdl);
    const connections = Object.values(api.getTypeMap()).filter((t) => t.name.endsWith('Connection'));
    expect(connections.length).toBeGreaterThan(20);
    const lacking = connections.flatMap((type) => {
      if (!isObjectType(type)) return [`${type.name} is not an object type`];
      const fields = type.getFields();
      return [
        ...(String(fields.totalCount?.type) === 'Int!' ? [] : [`${type.name}.totalCount`]),
        ...(String(fields.pageInfo?.type) === 'PageInfo!' ? [] : [`${type.name}.pageInfo`]),
      ];
    });
    expect(lacking).toEqual([]);
  });

  it('reports composition errors instead of writing a broken supergraph', () => {
    const clash = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Nomad @key(fields: "id") { id: ID! citizenship: Int! }
    `);
    const result = compose([...SUBGRAPHS, { name: 'broken', url: 'http://127.0.0.1:1/graphql', typeDefs: clash, personalFields: {} }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/citizenship/);
  });

  it('lists every subgraph\'s personal fields in the committed schema/personal-fields.json', async () => {
    const result = compose();
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const committed = await readFile(PERSONAL_FIELDS_PATH, 'utf8');
    expect(committed, 'schema/personal-fields.json is stale: run `npm run compose`').toBe(result.personalFieldsJson);
    const { fields } = JSON.parse(committed) as PersonalFieldsFile;
    const listed = SUBGRAPHS.flatMap((s) => Object.keys(s.personalFields));
    expect(listed.length).toBeGreaterThan(20);
    expect(Object.keys(fields).sort()).toEqual([...new Set(listed)].sort());
    expect(fields['Nomad.pin']?.agencies).toEqual(['migration']);
  });

  it('refuses a personal field that is not a field of the public API', () => {
    const [first, ...rest] = SUBGRAPHS;
    if (!first) throw new Error('no subgraph');
    const stale = { ...first, personalFields: { ...first.personalFields, 'Nomad.formerName': { description: 'renamed away' } } };
    const result = compose([stale, ...rest]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual(["migration's personal field Nomad.formerName is not a field of the public API"]);
  });
});
