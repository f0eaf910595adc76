// The breaking-change check (`npm run schema:check`): composes the public API from the
// subgraphs as they are now, compares it with the committed `schema/api.graphql` of a base
// revision, lists breaking, dangerous and safe changes with the operations each breaking change
// touches (every GraphQL example of README.md and docs/, and every registered operation of the
// typed operations package, clients/operations/src/operations/*.graphql, which production's
// trusted documents run), and fails when a change breaks one of them, naming the operation
// (`clients/operations/src/operations/portal.graphql:10 MyApplications`) and the field.
//
//   npm run schema:check                          # against main
//   npm run schema:check -- --base origin/main    # against another revision
//   npm run schema:check -- --base-file old.graphql
//   npm run schema:check -- --strict              # any breaking change fails, used or not
//   npm run schema:check -- --operations-dir dir  # registered operations from another folder (tests)
//   npm run schema:check -- --base-manifest file  # the deployed manifest (default: the base revision's)
//
// The base revision's manifest (clients/operations/src/generated/persisted-documents.json) is
// checked as well: an operation edited in the same commit as a field removal loses its old
// hash, but front ends already in browsers still send that old document.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { checkSchema, compose, formatCheck } from '@nomad/schema';
import { deployedOperations, parseManifest, readManifest, registeredOperations } from '../clients/operations/src/registered.ts';
import { readExamples } from '../test/src/doc-examples.ts';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  if (at < 0) return undefined;
  const value = process.argv[at + 1];
  if (!value || value.startsWith('--')) {
    process.stderr.write(`schema:check: ${name} needs a value\n`);
    process.exit(2);
  }
  return value;
}

function baseSdl(): { label: string; sdl: string | null } {
  const file = option('--base-file');
  if (file) return { label: file, sdl: readFileSync(file, 'utf8') };
  const base = option('--base') ?? 'main';
  try {
    return { label: base, sdl: execFileSync('git', ['show', `${base}:schema/api.graphql`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch {
    return { label: base, sdl: null };
  }
}

/** The manifest deployed clients send: --base-manifest, else the base revision's (none with --base-file). */
function baseManifest(): Record<string, string> {
  const given = option('--base-manifest');
  if (given) return readManifest(given);
  if (option('--base-file')) return {};
  const base = option('--base') ?? 'main';
  const file = `${base}:clients/operations/src/generated/persisted-documents.json`;
  let json: string;
  try {
    json = execFileSync('git', ['show', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    // A base revision before the typed operations package: nothing was deployed by hash.
    return {};
  }
  return parseManifest(json, file);
}

const current = compose();
if (!current.ok) {
  process.stderr.write(`The subgraphs do not compose:\n${current.errors.map((e) => `  - ${e}`).join('\n')}\n`);
  process.exit(1);
}
const base = baseSdl();
if (base.sdl === null) {
  process.stdout.write(`${base.label} has no schema/api.graphql: nothing to compare with.\n`);
  process.exit(0);
}
const documented = (await readExamples()).map((e) => ({ where: e.where, source: e.source }));
const registered = registeredOperations(option('--operations-dir')).map((op) => ({ where: op.where, source: op.source }));
const deployed = deployedOperations(baseManifest(), readManifest(), base.label);
const check = await checkSchema(base.sdl, current.apiSdl, [...documented, ...registered, ...deployed]);
process.stdout.write(
  `Compared the API with ${base.label}, against ${documented.length} documented operations and ${registered.length} registered operations (@nomad/operations)` +
    `${deployed.length > 0 ? `, and ${deployed.length} operations of ${base.label}'s manifest no longer registered` : ''}.\n`,
);
process.stdout.write(formatCheck(check, base.label));
const breaksUsed = check.changes.some((c) => c.level === 'BREAKING' && c.usedBy.length > 0);
const breaksAny = check.changes.some((c) => c.level === 'BREAKING');
if (check.broken.length > 0 || breaksUsed || (process.argv.includes('--strict') && breaksAny)) {
  process.stderr.write('schema:check failed: a breaking change touches an operation clients use (or --strict and any breaking change).\n');
  process.exit(1);
}
