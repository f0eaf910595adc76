import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildSchema, Kind, parse, print } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { API_SCHEMA_PATH, checkSchema, coordinatesOf, formatCheck } from '@nomad/schema';
import { deployedOperations, registeredOperations } from '../../clients/operations/src/registered.ts';
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

  it('names a registered operation of @nomad/operations, and the field, when a field it selects is removed', async () => {
    const api = await readFile(API_SCHEMA_PATH, 'utf8');
    const registered = registeredOperations();
    expect(registered.length).toBeGreaterThan(0);
    const mine = registered.find((op) => op.name === 'MyApplications');
    expect(mine?.where).toMatch(/^clients\/operations\/src\/operations\/portal\.graphql:\d+ MyApplications$/);

    const check = await checkSchema(api, withoutField(api, 'Application', 'correctionDeadlineOn'), registered);
    const removed = check.changes.find((c) => c.path === 'Application.correctionDeadlineOn');
    expect(removed?.level).toBe('BREAKING');
    expect(removed?.usedBy).toContain(mine?.where);
    const broken = check.broken.find((b) => b.where === mine?.where);
    expect(broken?.errors.join()).toMatch(/Cannot query field "correctionDeadlineOn" on type "Application"/);
    // Operations that do not select it are not blamed.
    expect(check.broken.map((b) => b.where)).not.toContain(registered.find((op) => op.name === 'EligibilityRules')?.where);
  });

  it('two small schemas: a removed field is breaking and names the registered operation that uses it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'registered-'));
    dirs.push(dir);
    await writeFile(
      path.join(dir, 'screen.graphql'),
      'query Card($id: ID!) {\n  nomad(id: $id) { id fullName }\n}\n\nquery List {\n  nomads { id }\n}\n',
    );
    const OLD = 'type Query { nomad(id: ID!): Nomad  nomads: [Nomad!]! }\ntype Nomad { id: ID!  fullName: String }';
    const operations = registeredOperations(dir);
    expect(operations.map((op) => op.name)).toEqual(['Card', 'List']);
    const check = await checkSchema(OLD, OLD.replace('fullName: String', ''), operations);
    const card = operations[0]?.where ?? '';
    expect(card).toMatch(/screen\.graphql:1 Card$/);
    expect(check.changes).toEqual([expect.objectContaining({ level: 'BREAKING', path: 'Nomad.fullName', usedBy: [card] })]);
    expect(check.broken).toEqual([{ where: card, errors: [expect.stringMatching(/fullName/)] }]);
    expect(formatCheck(check, 'main')).toContain(`used by ${card}`);
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
    expect(passed.stdout).toMatch(/against \d+ documented operations and [1-9]\d* registered operations \(@nomad\/operations\)/);

    const strict = await run(tsx, [script, '--base-file', base, '--strict'], { cwd: REPO_ROOT }).then(
      () => ({ code: 0 }),
      (err: { code: number }) => ({ code: err.code }),
    );
    expect(strict.code).toBe(1);

    // A registered operation that selects the removed field: the command fails naming it and the field.
    const operationsDir = path.join(dir, 'operations');
    await mkdir(operationsDir);
    await writeFile(path.join(operationsDir, 'screen.graphql'), 'query Retired {\n  retiredLookup(id: "1")\n}\n');
    const failed = await run(tsx, [script, '--base-file', base, '--operations-dir', operationsDir], { cwd: REPO_ROOT }).then(
      (out) => ({ code: 0, ...out }),
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/\[Query\.retiredLookup\]\n {6}used by \S*screen\.graphql:1 Retired\n/);
    expect(failed.stdout).toMatch(/screen\.graphql:1 Retired: Cannot query field "retiredLookup" on type "Query"/);
    expect(failed.stderr).toMatch(/schema:check failed/);

    // An operation front ends already in browsers send (the deployed manifest), no longer in the
    // sources (edited in the same commit): the command still fails, naming its hash and name.
    const text = 'query OldCard {\n  retiredLookup(id: "2")\n}';
    const hash = `sha256:${createHash('sha256').update(text).digest('hex')}`;
    const manifest = path.join(dir, 'deployed.json');
    await writeFile(manifest, JSON.stringify({ [hash]: text }));
    const deployed = await run(tsx, [script, '--base-file', base, '--base-manifest', manifest], { cwd: REPO_ROOT }).then(
      (out) => ({ code: 0, ...out }),
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(deployed.code).toBe(1);
    expect(deployed.stdout).toMatch(/and 1 operations of \S+ manifest no longer registered/);
    expect(deployed.stdout).toContain(`manifest ${hash} OldCard: Cannot query field "retiredLookup" on type "Query"`);
  });
});

describe('deployedOperations', () => {
  it("takes the previous manifest's operations the current one no longer registers, named by hash and operation", () => {
    const previous = { 'sha256:aa': 'query Kept { a }', 'sha256:bb': 'query Edited { b }', 'sha256:cc': '{ c }' };
    const current = { 'sha256:aa': 'query Kept { a }', 'sha256:dd': 'query Edited { b d }' };
    expect(deployedOperations(previous, current, 'main')).toEqual([
      { where: "main's manifest sha256:bb Edited", source: 'query Edited { b }' },
      { where: "main's manifest sha256:cc (anonymous)", source: '{ c }' },
    ]);
    expect(deployedOperations(current, current, 'main')).toEqual([]);
  });
});
