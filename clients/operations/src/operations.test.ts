import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, Kind, parse, validate, type DocumentNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from './generated/graphql.ts';
import { documentIdOf, persistedRequest } from './index.ts';
import { readManifest, registeredOperations } from './registered.ts';

/** The committed public API (the operations package depends on no workspace to read it). */
const API_SCHEMA_PATH = fileURLToPath(new URL('../../../schema/api.graphql', import.meta.url));
const operations = registeredOperations();

/**
 * Root fields of the API that no registered operation needs to reach: fields only analysts use
 * in production, whose free text the gateway still runs (TRUSTED_DOCUMENTS_OPEN_ROLES). None
 * today: every statistics and aggregates field is also an officer's (their dashboards are
 * registered). Add a field here only when no other role calls it in production.
 */
const ANALYSTS_ONLY: readonly string[] = [];

/** `Query.nomads`, `Mutation.startReview`…: the root fields a document's operations select, through fragments too. */
function rootFieldsOf(document: DocumentNode, api: GraphQLSchema): string[] {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const walk = (root: string, set: SelectionSetNode): string[] =>
    set.selections.flatMap((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === '__typename' ? [] : [`${root}.${s.name.value}`];
      if (s.kind === Kind.INLINE_FRAGMENT) return walk(root, s.selectionSet);
      const fragment = fragments.get(s.name.value);
      return fragment ? walk(root, fragment.selectionSet) : [];
    });
  return document.definitions.flatMap((d) => {
    if (d.kind !== Kind.OPERATION_DEFINITION) return [];
    const root = api.getRootType(d.operation)?.name;
    return root ? walk(root, d.selectionSet) : [];
  });
}

describe('the registered operations', () => {
  it('every operation validates against the public API (schema/api.graphql)', () => {
    expect(operations.length).toBeGreaterThan(20);
    const api = buildSchema(readFileSync(API_SCHEMA_PATH, 'utf8'));
    const invalid = operations
      .map((op) => ({ where: op.where, errors: validate(api, parse(op.source)).map((e) => e.message) }))
      .filter((op) => op.errors.length > 0);
    expect(invalid).toEqual([]);
  });

  it('cover the portal and every agency screen, each operation named once', () => {
    const names = operations.map((op) => op.name);
    expect(new Set(names).size).toBe(names.length);
    for (const file of ['portal', 'migration', 'labor', 'tax', 'security', 'auditors']) {
      expect(operations.some((op) => op.where.includes(`/${file}.graphql:`)), file).toBe(true);
    }
  });

  it('reach every root Query and Mutation field of the API: under trusted documents (production) no role but analysts is shut out of one', () => {
    const api = buildSchema(readFileSync(API_SCHEMA_PATH, 'utf8'));
    const roots = [api.getQueryType(), api.getMutationType()].flatMap((type) => (type ? Object.keys(type.getFields()).map((f) => `${type.name}.${f}`) : []));
    expect(roots.length).toBeGreaterThan(50);
    expect(roots.some((f) => f.startsWith('Mutation.'))).toBe(true);
    const reached = new Set(operations.flatMap((op) => rootFieldsOf(parse(op.source), api)));
    expect(reached.size).toBeGreaterThan(0);
    const unreached = roots.filter((f) => !reached.has(f) && !ANALYSTS_ONLY.includes(f));
    expect(unreached, 'root fields no operation of src/operations/*.graphql reaches: register the screen\'s operation (or, analysts only, ANALYSTS_ONLY)').toEqual([]);
    // The allow-list names only fields that exist and that no operation reaches.
    expect(ANALYSTS_ONLY.filter((f) => !roots.includes(f) || reached.has(f))).toEqual([]);
  });

  it('the manifest holds exactly the generated documents, each under the sha256 of its text', () => {
    const manifest = readManifest();
    const entries = Object.entries(manifest);
    expect(entries.length).toBe(operations.length);
    for (const [hash, text] of entries) {
      expect(hash).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
    }
    const documents = Object.entries(generated).filter(([name]) => name.endsWith('Document'));
    expect(documents.length).toBe(operations.length);
    for (const [name, document] of documents) {
      const hash = documentIdOf(document);
      expect(manifest[hash], name).toBeDefined();
      // One operation per document, with the fragments it spreads (in any order).
      const names = parse(manifest[hash] ?? '').definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value] : []));
      expect(names).toEqual([name.replace(/Document$/, '')]);
    }
  });

  it('persistedRequest sends the hash and the variables, never the text', () => {
    const body = persistedRequest(generated.MyApplicationDocument, { number: '10000001' });
    expect(body).toEqual({ documentId: documentIdOf(generated.MyApplicationDocument), operationName: 'MyApplication', variables: { number: '10000001' } });
    expect(body.documentId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.stringify(body)).not.toContain('query');
  });
});
