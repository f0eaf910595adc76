#!/usr/bin/env node
// Guards postgres.js 3.4.9 against a write on a closed connection (run by `npm install`/`npm ci`
// as the root package's postinstall, and again by `--check` in the tests).
//
// The driver batches small writes behind `setImmediate(nextWrite)`. When the server closes a
// connection inside a transaction, the driver rejects the query, `sql.begin` then sends
// ROLLBACK on the same connection, whose socket is already null: the scheduled `nextWrite`
// throws a TypeError from an immediate callback, which no caller can catch, and the whole
// service dies (upstream: porsager/postgres#1154, #1208, unfixed in 3.4.9). A subgraph must
// survive its database dying, so the write on a missing socket settles the waiting queries
// with CONNECTION_CLOSED instead, and a closing connection forgets its buffered bytes.
//
// The edit is exact: each replaced text must be found once, or the script fails and names the
// file (a new driver version needs this script read again, not a silent no-op).
/* global process, console */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const MARK = '/* nomad-graph: guarded write */';
const EDITS = [
  {
    find: '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    replace:
      `  function nextWrite(fn) {\n    ${MARK}\n` +
      "    if (!socket) {\n" +
      "      chunk = nextWriteTimer = null\n" +
      "      error(Errors.connection('CONNECTION_CLOSED', options))\n" +
      '      return false\n' +
      '    }\n' +
      '    const x = socket.write(chunk, fn)',
  },
  {
    find: '    clearImmediate(nextWriteTimer)\n    socket.removeListener(\'data\', data)',
    replace:
      "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener('data', data)",
  },
];

const require = createRequire(import.meta.url);
let root;
try {
  // The package exports no package.json; its CommonJS entry is <root>/cjs/src/index.js.
  const entry = require.resolve('postgres', { paths: [join(import.meta.dirname, '..', 'subgraphs', 'kit')] });
  root = dirname(dirname(dirname(entry)));
} catch (error) {
  if (error?.code !== 'MODULE_NOT_FOUND') throw error;
  // Installed without the kit's dependencies (e.g. a partial install): nothing to guard.
  process.exit(0);
}
if (!existsSync(join(root, 'package.json')) || JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name !== 'postgres') {
  console.error(`patch-postgres: ${root} is not the postgres package`);
  process.exit(1);
}
const files = ['src', 'cjs/src', 'cf/src']
  .map((dir) => join(root, dir, 'connection.js'))
  .filter((file) => existsSync(file));
if (files.length === 0) {
  console.error(`patch-postgres: no connection.js under ${root}`);
  process.exit(1);
}

const check = process.argv.includes('--check');
let failed = false;
for (const file of files) {
  let text = readFileSync(file, 'utf8');
  if (text.includes(MARK)) continue;
  if (check) {
    console.error(`patch-postgres: ${file} is not guarded; run npm ci (or node scripts/patch-postgres.mjs)`);
    failed = true;
    continue;
  }
  for (const { find, replace } of EDITS) {
    const at = text.indexOf(find);
    if (at < 0 || text.indexOf(find, at + 1) >= 0) {
      console.error(`patch-postgres: ${file} does not hold the expected code once; read the driver's new version`);
      process.exit(1);
    }
    text = text.replace(find, replace);
  }
  writeFileSync(file, text);
}
process.exit(failed ? 1 : 0);
