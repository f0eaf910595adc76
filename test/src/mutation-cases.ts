import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { SUPERGRAPH_PATH } from '@nomad/schema';

/**
 * Every mutation of the composed graph with variables built from its argument types, so that a
 * mutation added later is sent too. `text` fills every string (free text, names, ids) and
 * `number` every integer: a marker to look for afterwards, or a hostile value.
 */
export interface MutationCase {
  name: string;
  document: string;
  variables: Record<string, unknown>;
}

export interface Fill {
  text: (field: string) => string;
  id: (field: string) => string;
  number: number;
}

export function supergraphSchema(): GraphQLSchema {
  return buildSchema(readFileSync(SUPERGRAPH_PATH, 'utf8'), { assumeValidSDL: true });
}

function valueOf(type: GraphQLInputType, field: string, fill: Fill, depth: number): unknown {
  if (isNonNullType(type)) return valueOf(type.ofType, field, fill, depth);
  if (isListType(type)) return [valueOf(type.ofType, field, fill, depth)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    if (depth > 4) return null;
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, valueOf(f.type, f.name, fill, depth + 1)]));
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return fill.id(field);
      case 'Int':
      case 'SafeInt':
        return fill.number;
      case 'Float':
        return fill.number / 100;
      case 'Boolean':
        return true;
      case 'Date':
        return '2026-12-01';
      case 'DateTime':
        return '2026-12-01T10:00:00Z';
      default:
        return fill.text(field);
    }
  }
  return null;
}

/** A selection that is valid for any return type: `__typename`, and `userErrors` where the payload has them. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isScalarType(type) || isEnumType(type)) return '';
  const fields = 'getFields' in type ? type.getFields() : {};
  return `{ __typename${'userErrors' in fields ? ' userErrors { code field message }' : ''} }`;
}

export function mutationCases(schema: GraphQLSchema, fill: Fill): MutationCase[] {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields()).map((field) => {
    const params = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const document = `mutation ${field.name[0]?.toUpperCase()}${field.name.slice(1)}${params ? `(${params})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionOf(field)} }`;
    const variables = Object.fromEntries(field.args.map((a) => [a.name, valueOf(a.type, a.name, fill, 0)]));
    return { name: field.name, document, variables };
  });
}
