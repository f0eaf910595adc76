import { watch, type FSWatcher } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DocumentNode } from 'graphql';
import { compose, writeSchemaFiles } from './compose.ts';
import { SUBGRAPHS, type SubgraphDefinition } from './subgraphs.ts';

/**
 * Files whose change can change what compose writes: a subgraph's modules' `schema.graphql`,
 * its `sdl.ts`, and its `personal-fields.ts` (schema/personal-fields.json).
 */
export const isSdlFile = (file: string) => file.endsWith('.graphql') || file.endsWith('sdl.ts') || file.endsWith('personal-fields.ts');

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

let generation = 0;

/**
 * The subgraphs' SDL as the files are now. Each `sdl.ts` reads its modules' `schema.graphql`
 * when imported, so it is imported again under a new URL (`?dev=<n>`); what it imports (the
 * kit's shared SDL) stays as loaded: a change there needs `npm run dev` restarted.
 */
export async function currentSubgraphs(): Promise<SubgraphDefinition[]> {
  generation++;
  return Promise.all(
    SUBGRAPHS.map(async (s) => {
      const url = (file: string) => new URL(`../../subgraphs/${s.name}/src/${file}?dev=${generation}`, import.meta.url).href;
      const sdl = (await import(url('sdl.ts'))) as { typeDefs: DocumentNode };
      const personal = (await import(url('personal-fields.ts'))) as { PERSONAL_FIELDS: SubgraphDefinition['personalFields'] };
      return { ...s, typeDefs: sdl.typeDefs, personalFields: personal.PERSONAL_FIELDS };
    }),
  );
}

/** `npm run compose`, in this process (a fresh one takes seconds to load the kit). */
async function recompose(): Promise<void> {
  const started = Date.now();
  const result = compose(await currentSubgraphs());
  if (!result.ok) {
    process.stderr.write(`schema: the subgraphs do not compose; the gateway keeps the previous supergraph:\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    return;
  }
  await writeSchemaFiles(result);
  process.stdout.write(`schema: recomposed schema/supergraph.graphql, schema/api.graphql and schema/personal-fields.json (${Date.now() - started} ms)\n`);
}

/**
 * The schema package's part of `npm run dev`: recompose `schema/supergraph.graphql` and
 * `schema/api.graphql` whenever a subgraph's SDL changes. Each subgraph restarts itself
 * (`tsx watch`), and the gateway, which follows the supergraph file in development
 * (SUPERGRAPH_WATCH), plans over the new one without a restart.
 */
async function main(): Promise<void> {
  const dirs = SUBGRAPHS.map((s) => fileURLToPath(new URL(`../../subgraphs/${s.name}/src/`, import.meta.url)));
  await recompose();
  watchSdl(dirs, recompose);
  process.stdout.write(`schema: recomposing on every SDL change under subgraphs/{${SUBGRAPHS.map((s) => s.name).join(',')}}/src\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
