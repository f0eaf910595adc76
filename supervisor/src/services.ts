import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGENCY_NAMES } from '@nomad/contract';

/** The repository root: services run from there, as `npm start` always did. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServiceSpec {
  /** Name in the supervisor's logs, e.g. `migration`. */
  name: string;
  /** The service's entry point in TypeScript, relative to the repository root (its build: {@link builtEntry}). */
  entry: string;
  /**
   * Stopped before the others, so that clients get refused at the door instead of half
   * answered while the services behind it go away. @default false
   */
  front?: boolean;
}

/** What `npm start` runs: every agency's subgraph (one line in the contract's `agencies.ts` each) and the gateway. */
export const SERVICES: readonly ServiceSpec[] = [
  ...AGENCY_NAMES.map((name) => ({ name, entry: `subgraphs/${name}/src/main.ts` })),
  { name: 'gateway', entry: 'gateway/src/main.ts', front: true },
];

/**
 * `source`: TypeScript through tsx's loader (`npm start`, development). `dist`: the JavaScript
 * of `npm run build` on plain node (production).
 */
export type LaunchMode = 'source' | 'dist';

/**
 * The supervisor launches what it is itself: from its build (`node --conditions=nomad-dist
 * supervisor/dist/main.js`, i.e. `npm run start:prod`) the services' builds, from its source
 * (`npm start`) their sources.
 */
export const LAUNCH_MODE: LaunchMode = import.meta.url.endsWith('.js') ? 'dist' : 'source';

/**
 * The export condition under which every workspace package names its build (`dist/…js`)
 * instead of its TypeScript (package.json `exports`): node resolves it with `--conditions`.
 */
export const DIST_CONDITION = 'nomad-dist';

/** `subgraphs/migration/src/main.ts` → `subgraphs/migration/dist/main.js`. */
export function builtEntry(entry: string): string {
  return entry.replace(/(^|\/)src\//, '$1dist/').replace(/\.ts$/, '.js');
}

/** Makes a service stop itself when its supervisor dies (see the file): its source and its build. */
const EXIT_WITH_PARENT: Record<LaunchMode, string> = {
  source: fileURLToPath(new URL('../src/exit-with-parent.ts', import.meta.url)),
  dist: fileURLToPath(new URL('../dist/exit-with-parent.js', import.meta.url)),
};

export interface LaunchCommand {
  command: string;
  args: string[];
}

/**
 * The one place that says how a service process is launched: plain `node`, one process per
 * service (no npm, turbo or tsx CLI in between), with tsx's loader over the TypeScript source
 * or, in `dist` mode, nothing but node over the build.
 */
export function launchCommand(spec: ServiceSpec, root: string = REPO_ROOT, mode: LaunchMode = LAUNCH_MODE): LaunchCommand {
  const args =
    mode === 'dist'
      ? [`--conditions=${DIST_CONDITION}`, '--import', EXIT_WITH_PARENT.dist, path.join(root, builtEntry(spec.entry))]
      : ['--import', 'tsx', '--import', EXIT_WITH_PARENT.source, path.join(root, spec.entry)];
  return { command: process.execPath, args };
}

/** The built entry points that are missing (run `npm run build`): none, or the list. */
export function missingBuilds(services: readonly ServiceSpec[], root: string = REPO_ROOT): string[] {
  const entries = [EXIT_WITH_PARENT.dist, ...services.map((s) => path.join(root, builtEntry(s.entry)))];
  return entries.filter((entry) => !existsSync(entry)).map((entry) => path.relative(root, entry));
}
