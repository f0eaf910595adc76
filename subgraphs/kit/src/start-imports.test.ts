// Issue 17: a subgraph restarts on every save under `npm run dev`, and each restart loads its
// imports again. What only one configuration uses is imported where it is used, not by the
// kit's main entry: the NATS client (EVENTS_TRANSPORT=nats) comes from '@nomad/kit/nats' and
// from startEventDelivery's dynamic import. Walks the static (value) imports from an entry.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('./', import.meta.url));

/** Static value imports and re-exports of a module (`import type`/`export type` load nothing; `import(...)` is not followed). */
function staticImports(text: string): string[] {
  const found: string[] = [];
  const statement = /^(?:import|export)\s+(type\s+)?(?:[^;'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(statement)) if (!m[1] && m[2]) found.push(m[2]);
  return found;
}

/** The kit's own modules and the packages reached from `entry` by static value imports. */
function reached(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(path.join(SRC, entry));
  return { modules, packages };
}

const nats = (packages: Set<string>) => [...packages].filter((p) => p.startsWith('@nats-io/'));

describe("what a subgraph's start loads", () => {
  it("the kit's main entry does not load the NATS client", () => {
    const { modules, packages } = reached('index.ts');
    // The walk found the kit: its runtime and the packages a subgraph does need.
    expect(modules.has(path.join(SRC, 'events/runtime.ts'))).toBe(true);
    expect(packages).toContain('@apollo/server');
    expect(packages).toContain('prom-client');
    expect(nats(packages)).toEqual([]);
  });

  it("'@nomad/kit/nats' does, and startEventDelivery imports it for EVENTS_TRANSPORT=nats", () => {
    expect(nats(reached('events/nats/index.ts').packages).sort()).toEqual(['@nats-io/jetstream', '@nats-io/transport-node']);
    const runtime = readFileSync(path.join(SRC, 'events/runtime.ts'), 'utf8');
    expect(runtime).toContain("import('./nats/index.ts')");
  });
});
