import type { DocumentNode } from 'graphql';
import { typeDefs as migration } from '@nomad/migration/sdl';

export interface SubgraphDefinition {
  name: string;
  /** Default URL written into the supergraph; the gateway overrides it from `<NAME>_URL`. */
  url: string;
  typeDefs: DocumentNode;
}

/** Every agency subgraph in the graph: a new agency is one line here. */
export const SUBGRAPHS: SubgraphDefinition[] = [
  { name: 'migration', url: 'http://127.0.0.1:4001/graphql', typeDefs: migration },
];
