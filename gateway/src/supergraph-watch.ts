import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@nomad/contract';
import { subgraphNamesOf } from './supergraph.ts';

export interface SupergraphWatchOptions {
  /** The supergraph file to follow (`schema/supergraph.graphql`, which `npm run dev` recomposes). */
  path: string;
  /** How often the file's modification time is checked. @default 500 // milliseconds */
  intervalMs?: number;
}

/**
 * Development only: a supergraph that follows its file. The gateway starts from `initialSdl`;
 * whenever the file changes (it is polled: editors and `npm run compose` replace or rewrite
 * it, and both show in its stat), the new SDL replaces the schema the gateway plans over,
 * without a restart. A file that does not parse, does not build a schema, or names a subgraph
 * the gateway has no URL for is refused with an error log, and the previous schema stays.
 * Production never watches: env.ts refuses SUPERGRAPH_WATCH there.
 */
export function watchedSupergraph(
  initialSdl: string,
  options: SupergraphWatchOptions,
  routable: readonly string[],
  logger: Logger,
): SupergraphSdlHook {
  return ({ update }) => {
    let current = initialSdl;
    let reading: Promise<void> = Promise.resolve();
    const reload = async () => {
      let sdl: string;
      try {
        sdl = await readFile(options.path, 'utf8');
      } catch (err) {
        logger.error({ path: options.path, err: (err as Error).message }, 'supergraph not reloaded: the file cannot be read');
        return;
      }
      if (sdl === current) return;
      try {
        const unknown = subgraphNamesOf(sdl).filter((name) => !routable.includes(name));
        if (unknown.length > 0) throw new Error(`no URL for subgraph(s) ${unknown.join(', ')}: restart the gateway with their <NAME>_URL`);
        update(sdl);
        current = sdl;
        logger.info({ path: options.path }, 'supergraph reloaded');
      } catch (err) {
        logger.error({ path: options.path, err: (err as Error).message }, 'supergraph not reloaded: the previous one stays');
      }
    };
    const onChange = (now: Stats, before: Stats) => {
      if (now.mtimeMs === before.mtimeMs && now.size === before.size) return;
      // One reload at a time, in the order the changes were seen.
      reading = reading.then(reload);
    };
    watchFile(options.path, { interval: options.intervalMs ?? 500, persistent: false }, onChange);
    return Promise.resolve({
      supergraphSdl: initialSdl,
      cleanup: async () => {
        unwatchFile(options.path, onChange);
        await reading;
      },
    });
  };
}
