import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtEntry, DIST_CONDITION, LAUNCH_MODE, launchCommand, missingBuilds, SERVICES } from './services.ts';

describe('launch commands', () => {
  it('maps a source entry to its build', () => {
    expect(builtEntry('subgraphs/migration/src/main.ts')).toBe('subgraphs/migration/dist/main.js');
    expect(builtEntry('gateway/src/main.ts')).toBe('gateway/dist/main.js');
  });

  it('runs from source here (tests run on sources), so npm start launches tsx over TypeScript', () => {
    expect(LAUNCH_MODE).toBe('source');
    expect(SERVICES.length).toBeGreaterThan(0);
    for (const spec of SERVICES) {
      const { command, args } = launchCommand(spec, '/repo/', 'source');
      expect(command).toBe(process.execPath);
      expect(args.slice(0, 2)).toEqual(['--import', 'tsx']);
      expect(args.at(-1)).toBe(`/repo/${spec.entry}`);
    }
  });

  it('launches the build on plain node in dist mode: the dist condition, the preload and the entry, no tsx', () => {
    expect(SERVICES.length).toBeGreaterThan(0);
    for (const spec of SERVICES) {
      const { command, args } = launchCommand(spec, '/repo/', 'dist');
      expect(command).toBe(process.execPath);
      expect(args[0]).toBe(`--conditions=${DIST_CONDITION}`);
      expect(args.join(' ')).not.toMatch(/tsx|\.ts\b/);
      expect(args[2]).toMatch(/\/supervisor\/dist\/exit-with-parent\.js$/);
      expect(args.at(-1)).toBe(`/repo/${builtEntry(spec.entry)}`);
    }
  });

  it('names every missing build, relative to the root', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'nomad-builds-'));
    try {
      const specs = [
        { name: 'built', entry: 'a/src/main.ts' },
        { name: 'unbuilt', entry: 'b/src/main.ts' },
      ];
      await mkdir(path.join(root, 'a/dist'), { recursive: true });
      await writeFile(path.join(root, 'a/dist/main.js'), '');
      const missing = missingBuilds(specs, root);
      expect(missing).toContain('b/dist/main.js');
      expect(missing).not.toContain('a/dist/main.js');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
