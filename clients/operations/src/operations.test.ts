import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, Kind, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from './generated/graphql.ts';
import { documentIdOf, persistedRequest } from './index.ts';
import { readManifest, registeredOperations } from './registered.ts';

/** The committed public API (the operations package depends on no workspace to read it). */
const API_SCHEMA_PATH = fileURLToPath(new URL('../../../schema/api.graphql', import.meta.url));
const operations = registeredOperations();

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
    for (const file of ['portal', 'migration', 'labor', 'tax', 'security']) {
      expect(operations.some((op) => op.where.includes(`/${file}.graphql:`)), file).toBe(true);
    }
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
      const definition = parse(manifest[hash] ?? '').definitions[0];
      expect(definition?.kind === Kind.OPERATION_DEFINITION ? definition.name?.value : null).toBe(name.replace(/Document$/, ''));
    }
  });

  it('persistedRequest sends the hash and the variables, never the text', () => {
    const body = persistedRequest(generated.MyApplicationDocument, { number: '10000001' });
    expect(body).toEqual({ documentId: documentIdOf(generated.MyApplicationDocument), operationName: 'MyApplication', variables: { number: '10000001' } });
    expect(body.documentId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.stringify(body)).not.toContain('query');
  });
});
