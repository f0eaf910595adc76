import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { APOLLO_TELEMETRY_VARIABLE, disableApolloTelemetry } from './telemetry.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every service's entry point: the gateway's and each agency's `src/main.ts`. */
async function entryPoints(): Promise<string[]> {
  const agencies = await readdir(path.join(ROOT, 'subgraphs'), { withFileTypes: true });
  const mains = ['gateway/src/main.ts'];
  for (const dir of agencies) {
    const main = path.join('subgraphs', dir.name, 'src', 'main.ts');
    if (dir.isDirectory() && (await readFile(path.join(ROOT, main)).then(() => true, () => false))) mains.push(main);
  }
  return mains;
}

/** The first module a file imports (ES modules evaluate their imports in this order). */
function firstImport(source: string): string | undefined {
  return /^\s*import\s+(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/m.exec(source)?.[1];
}

describe('Apollo telemetry', () => {
  const before = process.env[APOLLO_TELEMETRY_VARIABLE];
  afterEach(() => {
    if (before === undefined) delete process.env[APOLLO_TELEMETRY_VARIABLE];
    else process.env[APOLLO_TELEMETRY_VARIABLE] = before;
  });

  it('is switched off by disableApolloTelemetry, whatever the environment said', () => {
    process.env[APOLLO_TELEMETRY_VARIABLE] = 'false';
    disableApolloTelemetry();
    expect(process.env[APOLLO_TELEMETRY_VARIABLE]).toBe('true');
  });

  it('is switched off first thing in every service entry point, before any Apollo package loads', async () => {
    const mains = await entryPoints();
    // The gateway and the four agencies at least.
    expect(mains.length).toBeGreaterThanOrEqual(5);
    const first = await Promise.all(mains.map(async (main) => [main, firstImport(await readFile(path.join(ROOT, main), 'utf8'))]));
    expect(first.filter(([, specifier]) => !/^@nomad\/(contract|kit)\/telemetry-off$/.test(specifier ?? ''))).toEqual([]);
  });
});
