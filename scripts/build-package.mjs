/**
 * `npm run build` in one service package (run from the package's folder): compiles src/ to
 * dist/ with the package's tsconfig.build.json, then copies what the code reads at run time
 * beside itself (each module's schema.graphql). dist/ is emptied first, so a deleted source
 * leaves no stale JavaScript behind. Plain JavaScript: it runs before anything is built.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';

const ASSETS = /\.graphql$/;
const pkg = process.cwd();
const src = path.join(pkg, 'src');
const dist = path.join(pkg, 'dist');

if (!existsSync(src) || !existsSync(path.join(pkg, 'tsconfig.build.json'))) {
  process.stderr.write(`build: ${pkg} has no src/ and tsconfig.build.json: run this from a service package's folder\n`);
  process.exit(1);
}
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const { status } = spawnSync(process.execPath, [tsc, '-p', path.join(pkg, 'tsconfig.build.json')], { stdio: 'inherit' });
if (status !== 0) process.exit(status ?? 1);
if (!existsSync(dist)) {
  process.stderr.write(`build: tsc wrote nothing to ${dist}\n`);
  process.exit(1);
}
cpSync(src, dist, {
  recursive: true,
  filter: (from) => !from.includes(`${path.sep}__fixtures__`) && (statSync(from).isDirectory() || ASSETS.test(from)),
});
