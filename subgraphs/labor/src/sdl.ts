import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { accessLogTypeDefs, eventOperationsTypeDefs, sharedTypeDefs } from '@nomad/kit';

/** The module folders whose `schema.graphql` make up this subgraph, in order. */
export const MODULES = ['nomads', 'experts', 'monitoring', 'reports', 'evaluations', 'aggregates', 'statistics'] as const;

export const SUBGRAPH_NAME = 'labor';

function moduleSdl(name: string): string {
  return readFileSync(new URL(`./modules/${name}/schema.graphql`, import.meta.url), 'utf8');
}

/** The labor subgraph's SDL, as composed into the supergraph. */
export const typeDefs: DocumentNode = parse([sharedTypeDefs, ...MODULES.map(moduleSdl), accessLogTypeDefs(SUBGRAPH_NAME), eventOperationsTypeDefs(SUBGRAPH_NAME)].join('\n'));
