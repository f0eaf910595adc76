import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildSchema, Kind, parse, print } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { API_SCHEMA_PATH, checkSchema, coordinatesOf } from '@nomad/schema';
import { readExamples, REPO_ROOT } from './doc-examples.ts';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** The SDL with one field of one type left out. */
function withoutField(sdl: string, typeName: string, fieldName: string): string {
  const document = parse(sdl);
  const definitions = document.definitions.map((d) =>
    d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === typeName
      ? { ...d, fields: (d.fields ?? []).filter((f) => f.name.value !== fieldName) }
      : d,
  );
  return print({ ...document, definitions });
}

describe('schema:check on the real API and the documented operations', () => {
  it('names a documented operation when a field it selects is removed', async () => {
    const api = await readFile(API_SCHEMA_PATH, 'utf8');
    const examples = await readExamples();
    expect(examples.length).toBeGreaterThan(0);
    const schema = buildSchema(api);
    // A field of an object type (not a root) that the first example selects.
    const first = examples[0]!;
    const field = [...coordinatesOf(schema, first.document)].find((c) => /^[A-Z]\w*\.\w+$/.test(c) && !c.startsWith('Query.') && !c.startsWith('Mutation.'));
    expect(field, `${first.where} selects no object field`).toBeDefined();
    const [typeName = '', fieldName = ''] = field!.split('.');

    const check = await checkSchema(api, withoutField(api, typeName, fieldName), examples.map((e) => ({ where: e.where, source: e.source })));
    const removed = check.changes.find((c) => c.path === field);
    expect(removed?.level).toBe('BREAKING');
    expect(removed?.usedBy).toContain(first.where);
    expect(check.broken.map((b) => b.where)).toContain(first.where);
  });

  it('the command lists a breaking change nobody uses and passes; with --strict it fails', { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'schema-check-'));
    dirs.push(dir);
    const api = await readFile(API_SCHEMA_PATH, 'utf8');
    const base = path.join(dir, 'old.graphql');
    await writeFile(base, api.replace('type Query {', 'type Query {\n  retiredLookup(id: ID!): String\n'));
    const script = path.join(REPO_ROOT, 'scripts/schema-check.ts');
    const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');

    const passed = await run(tsx, [script, '--base-file', base], { cwd: REPO_ROOT });
    expect(passed.stdout).toMatch(/BREAKING \(1\):\n {2}- Field 'retiredLookup' was removed from object type 'Query' \[Query\.retiredLookup\]\n/);
    expect(passed.stdout).toMatch(/against \d+ documented operations/);

    const strict = await run(tsx, [script, '--base-file', base, '--strict'], { cwd: REPO_ROOT }).then(
      () => ({ code: 0 }),
      (err: { code: number }) => ({ code: err.code }),
    );
    expect(strict.code).toBe(1);
  });
});
