import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classify, packageOf, scan } from '../../scripts/copy-check.ts';

/** A function long enough for jscpd to call a copy of it a clone. */
function block(name: string): string {
  const steps = Array.from({ length: 20 }, (_, i) => `  total += compute(input.items[${i}], ${i} * factor, 'step ${i}');`).join('\n');
  return `export function ${name}(input: { items: number[] }, factor: number): number {\n  let total = 0;\n${steps}\n  return total;\n}\n`;
}

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'copy-check-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('copy check', () => {
  it('names the package of a scanned path by its first folder', () => {
    expect(packageOf('labor/src/main.ts')).toBe('labor');
    expect(packageOf('./kit/src/loaders.ts')).toBe('kit');
  });

  it('fails a block repeated in two packages and only notes one repeated inside a package', () => {
    const root = tree({
      'alpha/src/a.ts': block('alpha'),
      'beta/src/b.ts': block('beta'),
      'gamma/src/one.ts': block('gammaOne').replaceAll('compute', 'combine'),
      'gamma/src/two.ts': block('gammaTwo').replaceAll('compute', 'combine'),
    });
    const report = scan(root);
    expect(report.statistics.total.sources).toBe(4);
    const { across, within } = classify(report);
    expect(across).toHaveLength(1);
    expect([packageOf(across[0]!.firstFile.name), packageOf(across[0]!.secondFile.name)].sort()).toEqual(['alpha', 'beta']);
    expect(within).toHaveLength(1);
    expect(packageOf(within[0]!.firstFile.name)).toBe('gamma');
  });

  it('does not read tests, generated code or SQL migrations', () => {
    const root = tree({
      'alpha/src/a.test.ts': block('alpha'),
      'beta/src/b.test.ts': block('beta'),
      'alpha/src/generated/types.ts': block('alphaGenerated'),
      'beta/src/generated/types.ts': block('betaGenerated'),
      'alpha/src/own.ts': block('own').replaceAll('compute', 'weigh'),
    });
    const report = scan(root);
    expect(report.statistics.total.sources).toBe(1);
    expect(classify(report).across).toEqual([]);
  });
});
