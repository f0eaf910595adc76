import { spawn } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SUBGRAPHS } from './subgraphs.ts';

/** Files whose change can change a subgraph's SDL: its modules' `schema.graphql` and `sdl.ts`. */
export const isSdlFile = (file: string) => file.endsWith('.graphql') || file.endsWith('sdl.ts');

export interface SdlWatcher {
  close(): void;
}

/**
 * Calls `onChange` after SDL files under `dirs` change, once per burst (an editor's save is
 * several events), never two at a time: a change during a run makes one more run after it.
 */
export function watchSdl(dirs: readonly string[], onChange: () => Promise<void>, debounceMs = 300): SdlWatcher {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = onChange()
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const watchers: FSWatcher[] = dirs.map((dir) =>
    watch(dir, { recursive: true }, (_event, file) => {
      if (file === null || !isSdlFile(file)) return;
      clearTimeout(timer);
      timer = setTimeout(run, debounceMs);
    }),
  );
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}

const COMPOSE_SCRIPT = fileURLToPath(new URL('./compose.ts', import.meta.url));

/** `npm run compose` in a fresh process: the subgraphs' SDL modules are read when imported. */
function composeOnce(): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', COMPOSE_SCRIPT], { stdio: 'inherit' });
    child.on('exit', (code) => {
      if (code !== 0) process.stderr.write('schema: composition failed; the gateway keeps the previous supergraph.\n');
      resolve();
    });
  });
}

/**
 * The schema package's part of `npm run dev`: recompose `schema/supergraph.graphql` and
 * `schema/api.graphql` whenever a subgraph's SDL changes. Each subgraph restarts itself
 * (`tsx watch`), and the gateway, which follows the supergraph file in development
 * (SUPERGRAPH_WATCH), plans over the new one without a restart.
 */
async function main(): Promise<void> {
  const dirs = SUBGRAPHS.map((s) => fileURLToPath(new URL(`../../subgraphs/${s.name}/src/`, import.meta.url)));
  await composeOnce();
  watchSdl(dirs, composeOnce);
  process.stdout.write(`schema: recomposing on every SDL change under subgraphs/{${SUBGRAPHS.map((s) => s.name).join(',')}}/src\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
