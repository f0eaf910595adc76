import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGENCY_NAMES } from '@nomad/contract';

/** The repository root: services run from there, as `npm start` always did. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServiceSpec {
  /** Name in the supervisor's logs, e.g. `migration`. */
  name: string;
  /** The service's entry point, relative to the repository root. */
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

/** Makes a service stop itself when its supervisor dies (see the file). */
const EXIT_WITH_PARENT = fileURLToPath(new URL('./exit-with-parent.ts', import.meta.url));

export interface LaunchCommand {
  command: string;
  args: string[];
}

/**
 * The one place that says how a service process is launched: plain `node` with tsx's loader
 * over the TypeScript source (one process per service: no npm, turbo or tsx CLI in between).
 * A compiled build changes this function to `node <preload>.js dist/<entry>.js`.
 */
export function launchCommand(spec: ServiceSpec, root: string = REPO_ROOT): LaunchCommand {
  return {
    command: process.execPath,
    args: ['--import', 'tsx', '--import', EXIT_WITH_PARENT, path.join(root, spec.entry)],
  };
}
