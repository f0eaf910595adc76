import type { DocumentNode } from 'graphql';
import { typeDefs as migration } from '@nomad/migration/sdl';
import { typeDefs as labor } from '@nomad/labor/sdl';
import { typeDefs as tax } from '@nomad/tax/sdl';
import { typeDefs as security } from '@nomad/security/sdl';

export interface SubgraphDefinition {
  name: string;
  /** Default URL written into the supergraph; the gateway overrides it from `<NAME>_URL`. */
  url: string;
  typeDefs: DocumentNode;
}

/** Every agency subgraph in the graph: a new agency is one line here. */
export const SUBGRAPHS: SubgraphDefinition[] = [
  { name: 'migration', url: 'http://127.0.0.1:4001/graphql', typeDefs: migration },
  { name: 'labor', url: 'http://127.0.0.1:4002/graphql', typeDefs: labor },
  { name: 'tax', url: 'http://127.0.0.1:4003/graphql', typeDefs: tax },
  { name: 'security', url: 'http://127.0.0.1:4004/graphql', typeDefs: security },
];
