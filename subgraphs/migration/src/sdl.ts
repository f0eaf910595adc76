import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { sharedTypeDefs } from '@nomad/kit';

/** The module folders whose `schema.graphql` make up this subgraph, in order. */
export const MODULES = ['nomads', 'applications', 'access'] as const;

function moduleSdl(name: string): string {
  return readFileSync(new URL(`./modules/${name}/schema.graphql`, import.meta.url), 'utf8');
}

/** The migration subgraph's SDL, as composed into the supergraph. */
export const typeDefs: DocumentNode = parse([sharedTypeDefs, ...MODULES.map(moduleSdl)].join('\n'));

export const SUBGRAPH_NAME = 'migration';
